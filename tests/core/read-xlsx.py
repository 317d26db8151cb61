#!/usr/bin/python3
# read-xlsx.py: an independent reader (openpyxl) of the reports the program
# writes, for tests/core/test-report.c.
#
# Prints one fact a line, tab-separated; tabs, newlines and backslashes in
# values are escaped as \t, \n and \\:
#   sheet   NAME
#   cell    SHEET  COORD  DATA_TYPE  FONT  SIZE  BOLD  VALUE
#   merged  SHEET  RANGE
#   setup   SHEET  KEY    VALUE      (orientation, paper, fit_width, fit_height,
#                                     fit_to_page, title_rows, h_centered,
#                                     footer_left, footer_center, breaks)
# Dates are printed yyyy-mm-dd, whole numbers without a decimal point.
import datetime
import sys

import openpyxl


def esc(value):
    if value is None:
        return ''
    if isinstance(value, bool):
        return str(value)
    if isinstance(value, datetime.datetime):
        if value.time() == datetime.time(0, 0):
            return value.date().isoformat()
        return value.isoformat(sep=' ')
    if isinstance(value, datetime.date):
        return value.isoformat()
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    text = str(value)
    return text.replace('\\', '\\\\').replace('\t', '\\t').replace('\n', '\\n')


def line(*fields):
    sys.stdout.write('\t'.join(esc(f) for f in fields) + '\n')


def main(path):
    book = openpyxl.load_workbook(path)
    for ws in book.worksheets:
        line('sheet', ws.title)
        for row in ws.iter_rows():
            for cell in row:
                if cell.value is None:
                    continue
                font = cell.font
                line('cell', ws.title, cell.coordinate, cell.data_type,
                     font.name, font.sz, 1 if font.b else 0, cell.value)
        for merged in ws.merged_cells.ranges:
            line('merged', ws.title, merged.coord)
        setup = ws.page_setup
        props = ws.sheet_properties.pageSetUpPr
        line('setup', ws.title, 'orientation', setup.orientation)
        line('setup', ws.title, 'paper', setup.paperSize)
        # Absent attributes take the defaults of ECMA-376 (fitToWidth and
        # fitToHeight: 1); writers leave them out when they are 1.
        line('setup', ws.title, 'fit_width', 1 if setup.fitToWidth is None else setup.fitToWidth)
        line('setup', ws.title, 'fit_height', 1 if setup.fitToHeight is None else setup.fitToHeight)
        line('setup', ws.title, 'fit_to_page', 1 if props is not None and props.fitToPage else 0)
        line('setup', ws.title, 'title_rows', (ws.print_title_rows or '').replace('$', ''))
        line('setup', ws.title, 'h_centered', 1 if ws.print_options.horizontalCentered else 0)
        line('setup', ws.title, 'footer_left', ws.oddFooter.left.text)
        line('setup', ws.title, 'footer_center', ws.oddFooter.center.text)
        line('setup', ws.title, 'breaks', ','.join(str(b.id) for b in ws.row_breaks.brk))


if __name__ == '__main__':
    main(sys.argv[1])
