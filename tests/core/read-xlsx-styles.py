#!/usr/bin/python3
# read-xlsx-styles.py: what tests/core/read-xlsx.py leaves out, for the
# attendance reports (tests/core/test-report-attendance.c): cell fills,
# charts and frozen panes, read back by openpyxl.
#
# Prints one fact a line, tab-separated:
#   fill    SHEET  COORD  RRGGBB     (cells with a solid fill)
#   chart   SHEET  KIND   CATEGORIES VALUES
#   freeze  SHEET  COORD
import sys

import openpyxl


def ref(data):
    if data is None:
        return ''
    for attr in ('numRef', 'strRef'):
        r = getattr(data, attr, None)
        if r is not None:
            return r.f
    return ''


def main(path):
    book = openpyxl.load_workbook(path)
    out = []
    for ws in book.worksheets:
        for row in ws.iter_rows():
            for cell in row:
                fill = cell.fill
                if fill is not None and fill.fill_type == 'solid':
                    rgb = fill.fgColor.rgb if isinstance(fill.fgColor.rgb, str) else ''
                    out.append(('fill', ws.title, cell.coordinate, rgb[-6:]))
        for chart in ws._charts:
            series = chart.series[0]
            out.append(('chart', ws.title, chart.tagname, ref(series.cat), ref(series.val)))
        if ws.freeze_panes:
            out.append(('freeze', ws.title, ws.freeze_panes))
    for fields in out:
        sys.stdout.write('\t'.join(fields) + '\n')


if __name__ == '__main__':
    main(sys.argv[1])
