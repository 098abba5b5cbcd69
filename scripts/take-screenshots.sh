#!/usr/bin/env bash
# Takes the pictures in docs/screenshots/: every main screen of fairtender-desktop under Xvfb,
# and page 1 of the award report and of an assessment summary, all from the school meals
# sample carried through a workspace with the command line; and docs/images/
# scorecard-summary.png, the sample's Excel Summary sheet as LibreOffice prints it.
#
#   scripts/take-screenshots.sh [BIN_DIR]     (default build/dev/bin; needs xvfb-run,
#                                              pdftoppm, soffice, ImageMagick's convert and
#                                              a built fairtender-desktop)
set -euo pipefail
cd "$(dirname "$0")/.."
bin="${1:-build/dev/bin}"
out=docs/screenshots
for tool in xvfb-run pdftoppm soffice convert; do
    command -v "$tool" >/dev/null || { echo "take-screenshots: $tool is missing" >&2; exit 1; }
done
for program in fairtender fairtender-desktop; do
    [[ -x "$bin/$program" ]] || { echo "take-screenshots: no $bin/$program; build it first" >&2; exit 1; }
done

bin="$(realpath "$bin")"
out="$(realpath "$out")"
images="$(realpath docs/images)"
samples="$(realpath samples)"
work="$(mktemp -d "${TMPDIR:-/tmp}/tenders.XXXXXX")"
trap 'rm -rf "$work"' EXIT
# Relative names inside the scratch folder, so the pictures show "school-meals.ftw".
cd "$work"
# A settings folder of its own, so the Start screen lists this workspace and no one's own.
export XDG_CONFIG_HOME="$work/config" XDG_RUNTIME_DIR="$work/runtime"
mkdir -m 700 -p "$XDG_RUNTIME_DIR"
ft() { "$bin/fairtender" "$@" >/dev/null; }
lead="Ann Lee"

# The sample's panel (E1-E3 scored, M1 moderated) with Ann Lee leading.
ws=school-meals.ftw
ft workspace create "$samples/school-meals" "$ws" --as "$lead"
ft panel add "$ws" "$lead" --role lead --as "$lead"
for evaluator in E1 E2 E3; do
    ft panel add "$ws" "$evaluator" --role evaluator --as "$lead"
done
ft panel add "$ws" M1 --role moderator --as "$lead"
ft advance "$ws" --to open --reason "Published on Find a Tender" --as "$lead"
for member in "$lead" E1 E2 E3 M1; do
    ft panel declare "$ws" --none --as "$member"
done
ft advance "$ws" --to evaluation --reason "Bids opened on 2 March" --as "$lead"
ft advance "$ws" --to moderation --reason "All quality scores in" --as "$lead"

shoot() { # NAME SCREEN ACTOR WORKSPACE
    xvfb-run -a -s "-screen 0 1600x1000x24" \
        "$bin/fairtender-desktop" "$4" --as "$3" --screen "$2" --size 1400x860 \
        --screenshot "$out/$1.png"
    echo "wrote docs/screenshots/$1.png"
}

# While moderation runs: the evaluator's grid and the moderator's agenda.
shoot scoring scoring E2 "$ws"
shoot moderation moderation M1 "$ws"

# The one item the sample's panel left open, then the award.
ft moderate "$ws" --bid B3 --criterion q-sourcing --value 3 \
    --reason "Agreed 3: targets are modest and mostly regional." --as M1
ft advance "$ws" --to locked --reason "Moderation complete on 25 March" --as "$lead"
ft advance "$ws" --to awarded --reason "Approved by the cabinet member" --as "$lead"

shoot start start "$lead" "$ws"
# Results of the sample folder itself, as the README's evaluate table shows it (B3's
# sourcing unmoderated, 69.71), not of the workspace whose moderator settled it.
cp -r "$samples/school-meals" school-meals
shoot results results "$lead" school-meals
shoot model model "$lead" "$ws"
shoot tender tender "$lead" "$ws"
shoot bids bids "$lead" "$ws"
shoot panel panel "$lead" "$ws"
shoot audit audit "$lead" "$ws"
shoot export export "$lead" "$ws"

"$bin/fairtender" report "$ws" --pdf award-report.pdf >/dev/null
pdftoppm -png -r 80 -f 1 -l 1 -singlefile award-report.pdf "$out/award-report"
echo "wrote docs/screenshots/award-report.png"
"$bin/fairtender" summaries "$ws" --out summaries >/dev/null
pdftoppm -png -r 80 -f 1 -l 1 -singlefile summaries/B2-assessment-summary.pdf \
    "$out/assessment-summary"
echo "wrote docs/screenshots/assessment-summary.png"

# The scorecard of the sample folder (the README's evaluate table), page 1 as printed, cut
# to the Summary's table and chart.
"$bin/fairtender" export "$samples/school-meals" --xlsx scorecard.xlsx >/dev/null
soffice --headless --convert-to pdf scorecard.xlsx >/dev/null 2>&1
pdftoppm -png -r 110 -f 1 -l 1 -singlefile scorecard.pdf scorecard-page
convert scorecard-page.png -crop 1286x350+0+0 +repage -trim -bordercolor white -border 12 \
    "$images/scorecard-summary.png"
echo "wrote docs/images/scorecard-summary.png"
