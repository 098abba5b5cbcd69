#!/usr/bin/python3
"""Reads a Fairtender scorecard with an independent reader (openpyxl) and checks it
against the engine's result (the JSON of `fairtender evaluate --json`).

  check_scorecard.py read WORKBOOK RESULT.json [HOSTILE_TEXT ...]
      sheet names; every criterion's score and points and every total and rank the engine
      reported, as cached values; formulas where formulas belong; hostile supplier names
      stored as plain strings.
  check_scorecard.py recalc RECALCULATED.xlsx RESULT.json [RECALCULATED.xlsx RESULT.json ...]
      after an independent spreadsheet engine recalculated the workbook: every total, rank
      and points cell equals the engine's to 0.01, the Winner heading names the engine's
      winner, each order check reads "ok" exactly where the row's rank follows the row
      above, each bid's scorecard gives its P and rank, and each social value commitment's
      value is the engine's.
  check_scorecard.py edit WORKBOOK OUT.xlsx price BID VALUE judgement BID CRITERION VALUE
      writes a copy with the price P of one bid and one bid's judgement value changed, as a
      person checking the award would in Excel.

Prints one line per problem and "ok N cells" at the end; exits 1 on any problem.
"""
import json
import sys

import openpyxl

TOLERANCE = 0.01
DIMENSIONS = ["Price", "Quality", "Social value", "Locality", "Living wage", "Ownership"]
problems = []


def problem(text):
    if len(problems) < 50:
        print("PROBLEM: " + text)
    problems.append(text)


def summary_layout(ws):
    headers = {cell.value: cell.column for cell in ws[6] if cell.value is not None}
    rows = {}
    for row in range(7, ws.max_row + 1):
        bid = ws.cell(row, 2).value
        if isinstance(bid, str) and ws.cell(row, 6).value in ("ranked", "excluded"):
            rows[bid] = row
    return headers, rows


def leaf_layout(ws):
    """criterion id -> (score column, points column) on a dimension sheet."""
    layout = {}
    for cell in ws[3]:
        if isinstance(cell.value, str) and ": " in cell.value:
            criterion = cell.value.split(": ", 1)[0]
            score = points = None
            for column in range(cell.column, ws.max_column + 1):
                header = ws.cell(6, column).value
                if header == "Score" and score is None:
                    score = column
                if header == "Points" and points is None:
                    points = column
                    break
            layout[criterion] = (score, points)
    return layout


def bid_rows(ws):
    return {ws.cell(row, 1).value: row for row in range(7, ws.max_row + 1)
            if ws.cell(row, 1).value is not None}


def near(a, b):
    return isinstance(a, (int, float)) and abs(a - b) <= TOLERANCE + 1e-9


def block_column(ws, criterion, header):
    """The column headed `header` in the block of `criterion` on a dimension sheet."""
    for cell in ws[3]:
        if isinstance(cell.value, str) and cell.value.startswith(criterion + ": "):
            for column in range(cell.column, ws.max_column + 1):
                if ws.cell(6, column).value == header:
                    return column
    return None


def check_scorecards(values, result):
    checked = 0
    for bid in result["bids"]:
        name = "Scorecard " + bid["id"]
        if name not in values.sheetnames:
            continue
        ws = values[name]
        labels = {ws.cell(row, 1).value: row for row in range(1, 12)}
        if "price" in bid and "Price (P)" in labels:
            value = ws.cell(labels["Price (P)"], 2).value
            if not near(value, bid["price"]):
                problem("%s scorecard P %r, engine %r" % (bid["id"], value, bid["price"]))
            checked += 1
        if "rank" in bid and "Rank" in labels:
            value = ws.cell(labels["Rank"], 2).value
            if value != bid["rank"]:
                problem("%s scorecard rank %r, engine %r" % (bid["id"], value, bid["rank"]))
            checked += 1
    return checked


def check_commitments(values, result):
    checked = 0
    if "Social value" not in values.sheetnames:
        return 0
    ws = values["Social value"]
    rows = bid_rows(ws)
    for bid in result["bids"]:
        for criterion, figures in bid.get("criteria", {}).items():
            for commitment in figures.get("commitments", []):
                column = block_column(ws, criterion, commitment["measure"] + " value")
                if column is None:
                    problem("no value column for %s %s" % (criterion, commitment["measure"]))
                    continue
                value = ws.cell(rows[bid["id"]], column).value
                if not near(value, commitment["value"]):
                    problem("%s %s %s value %r, engine %r" % (
                        bid["id"], criterion, commitment["measure"], value, commitment["value"]))
                checked += 1
    return checked


def check(values, formulas, result, hostile, recalculated):
    checked = 0
    names = values.sheetnames
    for required in ["Summary", "Model", "Panel", "Provenance"]:
        if required not in names:
            problem("no sheet " + required)
    for name in names:
        if not recalculated and not formulas[name].protection.sheet:
            problem("sheet %s is not protected" % name)
        if not recalculated:
            setup = formulas[name].page_setup
            if str(setup.paperSize) != "9" or setup.orientation != "landscape":
                problem("sheet %s does not print on A4 landscape (%r, %r)" % (
                    name, setup.paperSize, setup.orientation))
            if not formulas[name].sheet_properties.pageSetUpPr.fitToPage:
                problem("sheet %s is not scaled to the page width" % name)
            if (name in ["Summary", "Model", "Panel"] + DIMENSIONS
                    and not formulas[name].print_title_rows):
                problem("sheet %s repeats no header row on each printed page" % name)
        if len(name) > 31 or any(c in name for c in "[]:*?/\\"):
            problem("sheet name Excel refuses: " + name)
    summary = values["Summary"]
    headers, rows = summary_layout(summary)
    total_column = headers.get("Total") or headers.get("Total (Q)")
    check_column = headers.get("Order check")
    bids = {bid["id"]: bid for bid in result["bids"]}
    if set(rows) != set(bids):
        problem("Summary bids %s differ from the engine's %s" % (sorted(rows), sorted(bids)))
    leaves = {}
    for name in DIMENSIONS:
        if name in names:
            for criterion, columns in leaf_layout(values[name]).items():
                leaves[criterion] = (name, columns)
    for bid_id, bid in bids.items():
        row = rows.get(bid_id)
        if row is None:
            continue
        if bid["status"] == "ranked":
            total = summary.cell(row, total_column).value
            if not near(total, bid["total"]):
                problem("%s total %r, engine %r" % (bid_id, total, bid["total"]))
            rank = summary.cell(row, 1).value
            if rank != bid["rank"]:
                problem("%s rank %r, engine %r" % (bid_id, rank, bid["rank"]))
            if not recalculated:
                formula = formulas["Summary"].cell(row, total_column).value
                if not (isinstance(formula, str) and formula.startswith("=SUM(")):
                    problem("%s total is not a SUM formula: %r" % (bid_id, formula))
            price_column = headers.get("Price (P)")
            if price_column and not recalculated:
                money = formulas["Summary"].cell(row, price_column).number_format
                if money != "#,##0.00":
                    problem("%s price on Summary formatted %r, not as money #,##0.00" % (bid_id, money))
            if check_column:
                verdict = summary.cell(row, check_column).value
                above = [r for b, r in rows.items() if r < row and bids[b]["status"] == "ranked"]
                if not above:
                    expected = ("first",)
                else:
                    previous = bids[[b for b, r in rows.items() if r == max(above)][0]]
                    expected = ("ok",) if bid["rank"] >= previous["rank"] else ("CHECK: sort by rank",)
                if verdict not in expected:
                    problem("%s order check says %r, expected %r" % (bid_id, verdict, expected[0]))
            checked += 2
        elif summary.cell(row, 6).value != "excluded":
            problem("%s not shown as excluded" % bid_id)
        for criterion, figures in bid.get("criteria", {}).items():
            if criterion not in leaves:
                if "points" in figures and figures.get("scored", True):
                    problem("no cells for criterion %s" % criterion)
                continue
            sheet, (score_column, points_column) = leaves[criterion]
            if points_column is None:
                continue
            sheet_row = bid_rows(values[sheet]).get(bid_id) if sheet not in row_cache else row_cache[sheet].get(bid_id)
            for column, key in ((score_column, "score"), (points_column, "points")):
                if key not in figures:
                    continue
                value = values[sheet].cell(sheet_row, column).value
                tolerance_ok = near(value, figures[key]) if key == "points" else (
                    isinstance(value, (int, float)) and abs(value - figures[key]) <= 1e-6)
                if not tolerance_ok:
                    problem("%s %s %s on %s is %r, engine %r" % (bid_id, criterion, key, sheet, value, figures[key]))
                if not recalculated:
                    formula = formulas[sheet].cell(sheet_row, column).value
                    if not (isinstance(formula, str) and formula.startswith("=")):
                        problem("%s %s %s on %s is not a formula: %r" % (bid_id, criterion, key, sheet, formula))
                checked += 1
    places = int(values["Model"]["B2"].value)
    winner = bids.get(result.get("winner")) if result.get("winner") else None
    heading = summary.cell(3, 1).value
    if winner is None:
        expected_heading = "No winner: no bid is ranked, or first place is an unresolved tie."
    elif "price_per_point" in winner:
        expected_heading = "Winner: %s %s (%.*f per point)" % (
            winner["id"], winner["supplier"], places, winner["price_per_point"])
    else:
        expected_heading = "Winner: %s %s (%.*f points)" % (
            winner["id"], winner["supplier"], places, winner["total"])
    if heading != expected_heading:
        problem("Summary heading %r, engine %r" % (heading, expected_heading))
    checked += 1 + check_scorecards(values, result) + check_commitments(values, result)
    for text in hostile:
        found = False
        for row in range(7, summary.max_row + 1):
            cell = formulas["Summary"].cell(row, 3)
            if cell.value == text:
                found = True
                if cell.data_type != "s":
                    problem("hostile text %r stored as %s" % (text, cell.data_type))
        if not found:
            problem("hostile text %r not found as a plain supplier name" % text)
        checked += 1
    return checked


row_cache = {}


def edit_workbook(argv):
    """edit IN OUT price BID VALUE judgement BID CRITERION VALUE"""
    source, target = argv[2], argv[3]
    price_bid, price = argv[5], float(argv[6])
    judged_bid, criterion, value = argv[8], argv[9], float(argv[10])
    wb = openpyxl.load_workbook(source)
    price_sheet = wb["Price"]
    price_column = None
    for column in range(1, price_sheet.max_column + 1):
        if str(price_sheet.cell(6, column).value or "").startswith("P ("):
            price_column = column
            break
    price_sheet.cell(bid_rows(price_sheet)[price_bid], price_column).value = price
    quality = wb["Quality"]
    quality.cell(bid_rows(quality)[judged_bid], block_column(quality, criterion, "Value")).value = value
    wb.save(target)
    print("edited " + target)
    return 0


def main(argv):
    if len(argv) >= 11 and argv[1] == "edit":
        return edit_workbook(argv)
    if len(argv) < 4 or argv[1] not in ("read", "recalc"):
        print(__doc__)
        return 2
    checked = 0
    if argv[1] == "read":
        values = openpyxl.load_workbook(argv[2], data_only=True)
        formulas = openpyxl.load_workbook(argv[2], data_only=False)
        with open(argv[3], encoding="utf-8") as f:
            result = json.load(f)
        row_cache.clear()
        for name in values.sheetnames:
            if name in DIMENSIONS:
                row_cache[name] = bid_rows(values[name])
        checked += check(values, formulas, result, argv[4:], False)
    else:
        pairs = argv[2:]
        if len(pairs) % 2:
            print("recalc takes pairs of WORKBOOK RESULT.json")
            return 2
        for workbook, result_file in zip(pairs[0::2], pairs[1::2]):
            values = openpyxl.load_workbook(workbook, data_only=True, read_only=False)
            with open(result_file, encoding="utf-8") as f:
                result = json.load(f)
            row_cache.clear()
            for name in values.sheetnames:
                if name in DIMENSIONS:
                    row_cache[name] = bid_rows(values[name])
            checked += check(values, None, result, [], True)
    if problems:
        print("%d problems" % len(problems))
        return 1
    print("ok %d cells" % checked)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
