#!/usr/bin/python3
"""Peer for the scorecard benchmark: writes the same cells and formulas as a Fairtender
scorecard with python3-xlsxwriter (constant memory, as ours), timing only the writing.

  xlsx_peer.py OURS.xlsx PEER.xlsx

The cells are read from OURS.xlsx with openpyxl first (untimed): every string, number and
formula with its cached value, sheet by sheet. Prints "peer_seconds S cells N".
"""
import sys
import time

import openpyxl
import xlsxwriter


def read_cells(path):
    formulas = openpyxl.load_workbook(path, read_only=True, data_only=False)
    values = openpyxl.load_workbook(path, read_only=True, data_only=True)
    sheets = []
    for name in formulas.sheetnames:
        rows = []
        for frow, vrow in zip(formulas[name].iter_rows(), values[name].iter_rows()):
            cells = []
            for f, v in zip(frow, vrow):
                if f.value is None or not hasattr(f, "column"):
                    continue
                cells.append((f.row - 1, f.column - 1, f.value, v.value))
            rows.append(cells)
        sheets.append((name, rows))
    return sheets


def write(sheets, out):
    workbook = xlsxwriter.Workbook(out, {"constant_memory": True})
    count = 0
    for name, rows in sheets:
        ws = workbook.add_worksheet(name)
        for cells in rows:
            for row, column, content, cached in cells:
                if isinstance(content, str) and content.startswith("="):
                    ws.write_formula(row, column, content, None, cached)
                elif isinstance(content, str):
                    ws.write_string(row, column, content)
                else:
                    ws.write_number(row, column, content)
                count += 1
        ws.protect()
    workbook.close()
    return count


def main(argv):
    if len(argv) != 3:
        print(__doc__)
        return 2
    sheets = read_cells(argv[1])
    start = time.perf_counter()
    count = write(sheets, argv[2])
    print("peer_seconds %.3f cells %d" % (time.perf_counter() - start, count))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
