#!/usr/bin/python3
# openpyxl-read.py IN.xlsx: the comparison of bench-import.c.
#
# Opens IN with openpyxl in read-only mode and reads every cell of the
# first sheet (the values, as the import needs them), and prints
# "SECONDS ROWS CELLS". The clock starts at load_workbook, after Python and
# openpyxl are loaded.
import sys
import time

import openpyxl


def main(path):
    start = time.perf_counter()
    book = openpyxl.load_workbook(path, read_only=True)
    ws = book.worksheets[0]
    rows = cells = 0
    for row in ws.iter_rows(values_only=True):
        rows += 1
        for value in row:
            if value is not None:
                cells += 1
    book.close()
    seconds = time.perf_counter() - start
    print('%.6f %d %d' % (seconds, rows, cells))


if __name__ == '__main__':
    main(sys.argv[1])
