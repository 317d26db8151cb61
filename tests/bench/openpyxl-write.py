#!/usr/bin/python3
# openpyxl-write.py IN.xlsx OUT.xlsx: the comparison of bench-export.c.
#
# Reads every cell of IN (untimed), then writes the same cells (same values,
# same types: text, numbers, dates) with openpyxl in write-only mode, and
# prints "SECONDS ROWS".  Only the writing is timed; fonts and borders are
# left out, which favours openpyxl.
import sys
import time

import openpyxl


def main(src, dst):
    book = openpyxl.load_workbook(src, read_only=True)
    sheets = [(ws.title, [list(row) for row in ws.iter_rows(values_only=True)])
              for ws in book.worksheets]
    book.close()

    start = time.perf_counter()
    out = openpyxl.Workbook(write_only=True)
    for title, rows in sheets:
        ws = out.create_sheet(title)
        for row in rows:
            ws.append(row)
    out.save(dst)
    seconds = time.perf_counter() - start

    print('%.6f %d' % (seconds, sum(len(rows) for _, rows in sheets)))


if __name__ == '__main__':
    main(sys.argv[1], sys.argv[2])
