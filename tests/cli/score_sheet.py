#!/usr/bin/python3
"""Reads and fills a Fairtender score sheet as an evaluator would in Excel, with openpyxl.

  score_sheet.py show SHEET.xlsx
      every cell of the Scores and Scales sheets, one "Sheet!A1<TAB>value" line each, then
      "protected Scores", "unlocked E7" for each unlocked cell of Scores and "validation E7
      <list or range>" for each data validation.
  score_sheet.py fill SHEET.xlsx OUT.xlsx CELL=VALUE ...
      writes a copy with the cells of the Scores sheet set (a number when VALUE is one, a
      formula when it starts with "=").
  score_sheet.py cache SHEET.xlsx OUT.xlsx VALUE
      writes a copy in which every formula of the Scores sheet carries VALUE as its saved
      result, as Excel saves a computed cell (openpyxl saves formulas without one).
"""
import re
import sys
import zipfile

import openpyxl


def show(path):
    wb = openpyxl.load_workbook(path)
    for name in ("Scores", "Scales", "About"):
        for row in wb[name].iter_rows():
            for cell in row:
                if cell.value is not None:
                    print("%s!%s\t%s" % (name, cell.coordinate, cell.value))
    scores = wb["Scores"]
    if scores.protection.sheet:
        print("protected Scores")
    for row in scores.iter_rows():
        for cell in row:
            if cell.protection is not None and not cell.protection.locked:
                print("unlocked " + cell.coordinate)
    for validation in scores.data_validations.dataValidation:
        print("validation %s %s %s %s" % (validation.sqref, validation.type, validation.formula1,
                                          validation.formula2))


def fill(path, out, assignments):
    wb = openpyxl.load_workbook(path)
    ws = wb["Scores"]
    for assignment in assignments:
        cell, value = assignment.split("=", 1)
        try:
            ws[cell] = float(value) if "." in value else int(value)
        except ValueError:
            ws[cell] = value
    wb.save(out)


def cache(path, out, value):
    with zipfile.ZipFile(path) as source, zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as copy:
        for item in source.infolist():
            data = source.read(item.filename)
            if item.filename == "xl/worksheets/sheet1.xml":
                data = re.sub(rb"(<f>[^<]*</f>)(<v>[^<]*</v>|<v/>)?", rb"\1<v>" + value.encode() + rb"</v>", data)
            copy.writestr(item, data)


if __name__ == "__main__":
    if len(sys.argv) >= 3 and sys.argv[1] == "show":
        show(sys.argv[2])
    elif len(sys.argv) >= 4 and sys.argv[1] == "fill":
        fill(sys.argv[2], sys.argv[3], sys.argv[4:])
    elif len(sys.argv) == 5 and sys.argv[1] == "cache":
        cache(sys.argv[2], sys.argv[3], sys.argv[4])
    else:
        print(__doc__)
        sys.exit(2)
