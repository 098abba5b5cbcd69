#include "cli/HelpText.h"

namespace fairtender::cli {

namespace {

constexpr std::string_view kExitCodes = R"(Exit codes:
  0  success
  1  the files are invalid (each problem on standard error as file:line:column: message),
     or fairtender could not complete (a folder it cannot write, an internal error)
  2  usage: an unknown command or option, a missing argument, an unknown bid or template
)";

std::string withExitCodes(std::string_view text) {
    return std::string(text) + "\n" + std::string(kExitCodes);
}

} // namespace

const std::vector<std::string>& commandNames() {
    static const std::vector<std::string> names{"validate",
                                                "evaluate",
                                                "sensitivity",
                                                "export",
                                                "templates",
                                                "new",
                                                "workspace",
                                                "verify",
                                                "log",
                                                "panel",
                                                "score",
                                                "moderate",
                                                "decide-abnormally-low",
                                                "advance",
                                                "exclude",
                                                "report",
                                                "summaries",
                                                "ocds",
                                                "help"};
    return names;
}

std::string versionText() {
    return std::string("fairtender ") + FAIRTENDER_VERSION;
}

std::string generalHelp() {
    return withExitCodes(R"(fairtender: score tender bids on price, quality, social value, locality,
the Real Living Wage and ownership, and explain every number.

Usage: fairtender COMMAND [OPTIONS] ...

Commands:
  validate FOLDER                    check every file of a tender folder
  evaluate FOLDER [--json] [--explain BID]
                                     score and rank the bids
  sensitivity FOLDER [--json] [--samples N] [--seed S]
                                     how robust the winner is: margin, weight and mark
                                     flips, first-place odds
  export FOLDER --xlsx OUT.xlsx      write the Excel scorecard an auditor can recalculate
  templates                          list the tender templates
  new --template NAME FOLDER         start a tender folder from a template
  workspace create FOLDER WS.ftw --as NAME
                                     keep a tender in one workspace file with an audit trail
  workspace set-tender WS.ftw FILE --as NAME --why TEXT
                                     replace the tender while it is a draft
  workspace import-bids WS.ftw FILE... --as NAME
                                     add bid files (or a folder of them) while it is open
  workspace export WS.ftw FOLDER     write a workspace back out as a tender folder
  workspace status WS.ftw            the tender, its state and what is recorded
  workspace copy WS.ftw DEST         copy a workspace, e.g. into PostgreSQL
  workspace grant WS ROLE            let a PostgreSQL role add records, never change them
  verify WS.ftw [--expect-head HASH] check the audit trail and recompute the results
  log WS.ftw [--bid B] [--who NAME]  print the audit trail
  panel add|declare|bids|todo|sheet WS.ftw ...
                                     the panel, its declarations, what each may see, what
                                     each has left to do and each evaluator's score sheet
  score WS.ftw --bid B --criterion C --value V --reason TEXT --as NAME
                                     an evaluator's score (also --reopen, --show, and
                                     --from-sheet FILE for a filled-in score sheet)
  moderate WS.ftw [--bid B ...]      the moderation agenda, or a consensus score
  decide-abnormally-low WS.ftw --bid B --accept|--reject --reason TEXT --as NAME
                                     the lead's decision on an abnormally low price
  advance WS.ftw --to STATE --reason TEXT --as NAME
                                     move the tender on: open, evaluation, moderation,
                                     locked, awarded (--date of the award notice)
  exclude WS.ftw --bid B --why TEXT --as NAME
                                     a bid that falls away after the results are locked
                                     (--date, --withdrawn); the lead then awards again
  report WS.ftw --pdf OUT.pdf        the award report of a locked or awarded tender
  summaries WS.ftw --out DIR         one assessment summary PDF per supplier
  ocds WS.ftw [--out FILE] [--report-url URL]
                                     the OCDS 1.1 release package (JSON)
  login URL [--user NAME]            sign in to a fairtender-server; then the panel
                                     commands take the server's tender URL for WS.ftw
  logout URL                         end that session
  second-factor URL                  enrol an authenticator app for that account
  help COMMAND                       explain one command

A tender folder holds tender.xml, bid files under bids/ and, optionally,
evaluations.xml with the panel's scores. validate, evaluate and export also accept a
workspace file (WS.ftw) wherever they accept a folder.

On a server, a panel command names the tender by its URL and acts as the account
signed in, never as a name typed: panel add|declare|bids|todo, score, moderate,
decide-abnormally-low, advance, exclude, log, verify and workspace status work the
same, without --as; evaluate shows the ranking as the account may see it, and
report, export, summaries and ocds fetch the documents the server made.

Example:
  fairtender validate samples/school-meals
  fairtender evaluate samples/school-meals
  fairtender evaluate samples/school-meals --explain B1
  fairtender export samples/school-meals --xlsx school-meals-scorecard.xlsx
  fairtender workspace create samples/school-meals meals.ftw --as "Ann Lee"
  fairtender verify meals.ftw
  fairtender report meals.ftw --pdf award-report.pdf

Options:
  -h, --help      show this help (or, after a command, that command's help)
  --version       show the version

Environment:
  FAIRTENDER_TEMPLATES   folder of tender templates and reference/ data to use
  FAIRTENDER_CA_FILE     the certificate authority that signed the server's
                         certificate, when it is not one the system trusts
  XDG_CONFIG_HOME        where login keeps its sessions (default ~/.config)
)");
}

std::optional<std::string> commandHelp(std::string_view command) {
    if (command == "validate")
        return withExitCodes(R"(Usage: fairtender validate FOLDER

Checks tender.xml, every bid file under FOLDER/bids/ and evaluations.xml: syntax,
vocabulary, values, references between files and the inputs each bid needs. Every
problem is reported, not just the first, as file:line:column: message on standard
error; nothing is printed on standard output then. A valid folder gives a one-line
summary on standard output; warnings about the model (for example social value
weighted under 10%) go to standard error and do not fail the check.

Example:
  $ fairtender validate samples/school-meals
  samples/school-meals is valid: tender PCC-2026-014, 6 bids, 3 evaluators, 27 scores

Options:
  -h, --help   show this help
)");
    if (command == "evaluate")
        return withExitCodes(R"(Usage: fairtender evaluate FOLDER [--json] [--explain BID]

Validates the folder, then scores and ranks the bids as the tender's evaluation model
says. Without options it prints a ranking table: rank, bid, supplier, price, the points
of each top-level criterion or group, the total and any flags, then the excluded bids
with their reasons and the winner. A workspace (WS.ftw) whose results are not locked yet
shows the progress of the evaluation instead: each evaluator's scores in per criterion,
the consensus agreed and what the next stage still needs (exit 0); its --json and
--explain wait for the lock. A tender on a server (its URL, after fairtender login)
shows the ranking the server sends the account signed in: the lead and auditors see
it at any stage, the rest of the panel once the results are locked, and --explain BID
prints the derivation the server made from its stored inputs, to the same readers.

Examples:
  fairtender evaluate samples/school-meals
  fairtender evaluate samples/school-meals --json > result.json
  fairtender evaluate samples/school-meals --explain B1

Options:
  --json          print the result as one JSON document and nothing else on
                  standard output (the format of the spec's section 5)
  --explain BID   show for one bid every criterion's inputs and formula, the group
                  subtotals, flags, notes and any exclusion reasons, for an auditor;
                  an unknown BID is a usage error that lists the bids
  -h, --help      show this help

An invalid folder prints its errors on standard error and nothing on standard output.
)");
    if (command == "sensitivity")
        return withExitCodes(
            R"(Usage: fairtender sensitivity FOLDER|WS [--json] [--samples N] [--seed S]
       fairtender sensitivity WS|URL --record --as NAME [--reason TEXT] [--samples N] [--seed S]

Before the lead signs an award: how robust is the winner? Evaluates the folder (or a
workspace whose results are locked), then reports
  - the margin: the winner's total minus the runner-up's, in points, and a close call
    ("no clear winner") when it is under the model's close-margin (default 1.00);
  - weight flips: for every weighted group or criterion with siblings, the nearest
    weight (percent of its parent, to 0.01) up and down at which another bid wins, the
    siblings rescaled in proportion; each is checked by the full evaluation, thresholds,
    relative scoring, rounding and tie-break included, and 0.01 before it the winner
    stands;
  - mark flips: every judgement value (the consensus, or the evaluators' mean) that one
    scale step up or down would alone turn into a different winner;
  - first-place odds: the share of N random samples each bid wins, the weights drawn
    around the published ones (coefficient of variation about 10%) and each judgement
    value moved a step up or down with probability 0.1 each; the same seed gives the
    same odds.

With --record, the lead records the run in the workspace's audit trail once the results
are locked and before the award: a sensitivity.recorded entry with the samples, the seed,
the verdict and the SHA-256 of the JSON document, which `fairtender verify` runs again.
A close call needs --reason: why the award stands. Against a server (URL) the account
signed in records it, without --as.

Examples:
  fairtender sensitivity samples/school-meals
  fairtender sensitivity samples/school-meals --json --samples 100000 --seed 7
  fairtender sensitivity meals.ftw --record --as alice --reason "the margin is 8.65"

Options:
  --json          print one JSON document (docs/file-formats.md) and nothing else
  --samples N     Monte Carlo samples for the odds (default 10000, at most 100000000)
  --seed S        the random seed (default 1)
  --record        record the run in the audit trail (the lead, the results locked;
                  at most 1000000 samples, since verify runs it again)
  --as NAME       who records it, in a workspace here
  --reason TEXT   why the award stands (needed when there is no clear winner)
  -h, --help      show this help
)");
    if (command == "export")
        return withExitCodes(R"(Usage: fairtender export FOLDER --xlsx OUT.xlsx

Validates and evaluates the folder as `evaluate` does, then writes the scorecard
workbook OUT.xlsx: Summary (ranking, points per group, chart), Model (the criteria,
weights, parameters and lint warnings), one sheet per dimension (Price, Quality, Social
value, Locality, Living wage, Ownership) whose scores and points are live formulas over
the bids' inputs and the Model sheet, Panel (every evaluator's score and reason),
Sensitivity (how robust the award is, as `fairtender sensitivity` gives it: the margin,
the weight and mark flips, the first-place odds; for a workspace once its results are
locked), printable scorecards (a sheet per bid, or one Scorecards sheet with a page per
bid above 50 bids) and Provenance (SHA-256 of every input file). Sheets are protected against
accidental edits, without a password.

The file is written to a temporary name beside OUT.xlsx and renamed when complete, so an
interrupted export never leaves a half file; an invalid folder writes nothing. Given a
tender's URL on a server, the workbook is the one the server made from its verified
record, for the lead and auditors.

Example:
  $ fairtender export samples/school-meals --xlsx school-meals-scorecard.xlsx
  Wrote school-meals-scorecard.xlsx: scorecard of tender SCC-2026-014, 6 bids, 17 sheets

Options:
  --xlsx OUT.xlsx   the workbook to write (replaced if it exists)
  --samples N     first-place odds samples on the Sensitivity sheet (default 10000)
  --seed S        their random seed (default 1)
  -h, --help        show this help
)");
    if (command == "templates")
        return withExitCodes(R"(Usage: fairtender templates

Lists the tender templates with their titles and what each is for. Start a new tender
from one with `fairtender new`. Templates are read from FAIRTENDER_TEMPLATES if set,
else from the installed share/fairtender/templates, else from the source tree.

Example:
  $ fairtender templates
  community-wealth-building   New tender (community wealth building)
      Community wealth building: an evaluation model in the style Preston and ...
  $ fairtender new --template community-wealth-building my-tender

Options:
  -h, --help   show this help
)");
    if (command == "new")
        return withExitCodes(R"(Usage: fairtender new --template NAME FOLDER

Creates FOLDER with tender.xml copied from the template NAME (see `fairtender
templates`), an empty bids/ folder and a README.txt saying what to do next. FOLDER must
not exist or must be empty: fairtender never overwrites a tender.

Example:
  fairtender new --template community-wealth-building school-meals-2027
  (edit school-meals-2027/tender.xml, add bids as school-meals-2027/bids/*.xml,
   compare with samples/school-meals, then)
  fairtender validate school-meals-2027

Options:
  --template NAME   the template to start from, e.g. price-quality-60-40
  -h, --help        show this help
)");
    if (command == "workspace" || command == "workspace create" || command == "workspace export" ||
        command == "workspace status" || command == "workspace set-tender" ||
        command == "workspace import-bids" || command == "workspace copy" ||
        command == "workspace grant")
        return withExitCodes(R"(Usage: fairtender workspace create FOLDER WS.ftw --as NAME
       fairtender workspace set-tender WS.ftw FILE --as NAME --why TEXT
       fairtender workspace import-bids WS.ftw FILE... --as NAME
       fairtender workspace export WS.ftw FOLDER
       fairtender workspace status WS.ftw
       fairtender workspace copy WS.ftw DEST
       fairtender workspace grant WS ROLE

A workspace keeps one tender in one SQLite file, or in a PostgreSQL database when a
team works on it together: tender.xml and the bid files exactly
as imported, the panel's scores, consensus, deliverability factors, abnormally-low
decisions and exclusions, the lifecycle state, and an append-only audit log whose
entries are chained by SHA-256. Results are never stored: they are recomputed from
what is stored.

  create       reads FOLDER as `validate` does and stores all of it in the new file
               WS.ftw in one transaction, one audit entry per record, acting as NAME.
               Any error in the folder creates nothing. WS.ftw must not exist. The
               tender starts as a draft.
  set-tender   while the tender is a draft, replaces its tender.xml with FILE, checked
               as a folder's tender.xml is and against the bids already stored; any
               problem (file:line:column) replaces nothing. The audit trail keeps the
               SHA-256 of the old and the new text. `advance --to open` freezes it.
  import-bids  while the tender is open, stores the bid files FILE... (a folder stands
               for its *.xml files), checked together with the tender and the bids
               already stored: one problem in any file imports none, and every problem
               is listed as bids/<file name>:line:column. One audit entry per file.
               Over 50 files, progress ("checked 120 of 300") shows on a terminal.
  export       writes tender.xml, bids/ and evaluations.xml into FOLDER (new or empty);
               evaluating FOLDER gives exactly the result the workspace gives.
  status       shows the tender, its state, how many records of each kind are stored,
               the award and the hash of the last audit entry (note it down to anchor
               the log).
  copy         copies every record and the whole audit log, as stored, into DEST, a
               new file or a new tender in a PostgreSQL database. The source must
               verify first, and the copy must verify with the same head hash.
  grant        (PostgreSQL) lets the database role ROLE, the team's login, read the
               tender and add records, never change or delete one.

Wherever a command takes WS.ftw it also takes a PostgreSQL workspace, named by a
libpq URI with the tender's name (lower-case letters, digits, '-' and '_'):
  postgresql://[USER@]HOST[:PORT]/DATABASE?tender=NAME
  postgresql:///DATABASE?host=/run/postgresql&tender=NAME   (a local socket)
Every rule and check is the same on both; writers of one tender take turns. The
audit log is guarded by triggers there too; give the team's database role only
SELECT and INSERT with `workspace grant` (see docs/postgresql.md).

`fairtender evaluate WS.ftw`, `validate WS.ftw` and `export WS.ftw --xlsx OUT.xlsx` read
a workspace as they read a folder.

Examples:
  fairtender workspace create samples/school-meals meals.ftw --as "Ann Lee"
  fairtender workspace set-tender meals.ftw revised/tender.xml --as "Ann Lee" --why "Nurseries added after market engagement"
  fairtender advance meals.ftw --to open --reason "Published on Find a Tender" --as "Ann Lee"
  fairtender workspace import-bids meals.ftw late-bids/ --as "Ann Lee"
  fairtender workspace status meals.ftw
  fairtender evaluate meals.ftw
  fairtender workspace export meals.ftw meals-folder
  fairtender workspace copy meals.ftw "postgresql:///fairtender?tender=school-meals"

Options:
  --as NAME    (create, set-tender, import-bids) the person acting, recorded in every
               audit entry
  --why TEXT   (set-tender) why the tender is replaced
  -h, --help   show this help
)");
    if (command == "panel" || command == "panel add" || command == "panel declare" ||
        command == "panel bids" || command == "panel todo" || command == "panel sheet")
        return withExitCodes(R"(Usage: fairtender panel add WS.ftw NAME --role ROLE --as NAME
       fairtender panel declare WS.ftw (--none | --conflict BID --details TEXT) --as NAME
       fairtender panel bids WS.ftw [--anonymous] --as NAME
       fairtender panel todo WS.ftw --as NAME
       fairtender panel sheet WS.ftw --for NAME --xlsx FILE [--anonymous]

  add      puts NAME on the panel as lead, evaluator, moderator or auditor (one role per
           command; run it again for a second role). Once the panel has a lead, only
           the lead adds people.
  declare  records the acting person's conflict-of-interest declaration: --none, or one
           conflict with a bid per command. Everyone on the panel, the lead included,
           declares before the tender moves to evaluation; a declared conflict blocks
           scoring, moderating and deciding on that bid, and one declared after scoring
           takes that person's scores on the bid out of the results.
  bids     lists the bids as the acting person may see them now: evaluators and
           moderators see no prices until the results are locked, and with --anonymous
           see "Bid A", "Bid B" instead of the bid ids and suppliers.
  todo     lists what the acting person has left to do now: their declaration of
           interests if they have made none, an evaluator's scores during evaluation, the
           consensus scores during moderation (moderators and the lead) and the
           abnormally low prices still to decide (the lead).
  sheet    writes the evaluator NAME's score sheet: an Excel workbook of every bid and
           criterion NAME scores, with what NAME may see only (no prices; with
           --anonymous "Bid A", "Bid B"; no bid NAME declared a conflict with), the scale
           as a drop-down, the descriptors, and white cells for the score and the reason.
           NAME returns it with `fairtender score WS.ftw --from-sheet FILE --as NAME`.
           Given a tender's URL on a server, the sheet is that of the account signed in
           (no --for), made from what the server sends it.

Examples:
  fairtender panel add meals.ftw "Ann Lee" --role lead --as "Ann Lee"
  fairtender panel add meals.ftw "Raj Patel" --role evaluator --as "Ann Lee"
  fairtender panel declare meals.ftw --none --as "Raj Patel"
  fairtender panel declare meals.ftw --conflict B2 --details "brother is a director" --as "Raj Patel"
  fairtender panel bids meals.ftw --anonymous --as "Raj Patel"
  fairtender panel todo meals.ftw --as "Raj Patel"
  fairtender panel sheet meals.ftw --for "Raj Patel" --xlsx raj-patel-scores.xlsx

Options:
  --as NAME         the person acting, recorded in the audit trail
  --role ROLE       (add) lead, evaluator, moderator or auditor
  --none            (declare) no conflict of interest
  --conflict BID    (declare) the bid the conflict is with
  --details TEXT    (declare) what the conflict is
  --anonymous       (bids) show "Bid A", "Bid B" to evaluators and moderators
  -h, --help        show this help
)");
    if (command == "login")
        return withExitCodes(
            R"(Usage: fairtender login URL [--user NAME] [--password-stdin] [--code CODE]

Signs in to the fairtender-server at URL (https://HOST:PORT) as NAME (default: your
login name) and keeps the session's token in ~/.config/fairtender/sessions, readable
by you only. The password is asked on the terminal without echo, or read from standard
input with --password-stdin. From then on the panel commands take a tender on that
server by its URL, URL/api/v1/tenders/NAME, in place of WS.ftw, and act as NAME: what
your role, the stage and your declarations forbid is refused by the server, and what
you may not see is never sent to you. The session ends after the server's idle
timeout or lifetime; sign in again then. An account with a second factor (see
`fairtender help second-factor`) gives the code its authenticator app shows now: --code,
asked on the terminal, or the line after the password with --password-stdin.

Examples:
  fairtender login https://tenders.example.gov.uk --user raj
  fairtender panel todo https://tenders.example.gov.uk/api/v1/tenders/meals
  fairtender score https://tenders.example.gov.uk/api/v1/tenders/meals --bid B1 --criterion q-menu --value 4 --reason "Allergen matrix per school"

Options:
  --user NAME        the account to sign in as
  --password-stdin   read the password (and then the code) from standard input
  --code CODE        the authenticator app's code, for an account with a second factor
  -h, --help         show this help
)");
    if (command == "second-factor")
        return withExitCodes(R"(Usage: fairtender second-factor URL [--password-stdin]

Enrols a second factor for the account signed in to the server at URL (fairtender login
first): an authenticator app (any that takes TOTP codes: 6 digits every 30 seconds). It
asks for the password again, prints the secret to add to the app (and its otpauth://
address), then asks for the code the app shows to confirm it. From then on every sign-in
needs a code as well as the password. A server run with --require-second-factor lets an
account do nothing else until it has one. A lost phone: the site administrator resets
the second factor (POST /api/v1/accounts/NAME/second-factor-reset) and you enrol again.

Example:
  fairtender second-factor https://tenders.example.gov.uk

Options:
  --password-stdin   read the password, then the code, from standard input
  -h, --help         show this help
)");
    if (command == "logout")
        return withExitCodes(R"(Usage: fairtender logout URL

Ends the session kept for the server at URL, on the server and here.

Example:
  fairtender logout https://tenders.example.gov.uk

Options:
  -h, --help   show this help
)");
    if (command == "score")
        return withExitCodes(
            R"(Usage: fairtender score WS.ftw --bid B --criterion C --value V --reason TEXT --as NAME
       fairtender score WS.ftw --show --bid B --criterion C --as NAME
       fairtender score WS.ftw --reopen --bid B --criterion C --evaluator E --reason TEXT --as LEAD
       fairtender score WS.ftw --from-sheet FILE --as NAME

Submits an evaluator's score for one bid and judgement criterion during evaluation.
The written reason is required, the value must lie on the criterion's scale, and a
submitted score is locked. --show lists the scores on that bid and criterion; an
evaluator sees the others' scores only after submitting their own. --reopen (the lead
only, with a reason) reopens an evaluator's score so they can score again, as after a
clarification or an appeal; the original stays in the audit trail. --from-sheet records
every score NAME typed into their score sheet (made with `panel sheet`), all or none:
each problem is named by its cell (FILE:Scores!E8), and a sheet made for another person
or another version of the tender is refused. On a server (the tender's URL), the sheet
made there with `panel sheet URL` is read against what the server sends the account.

Examples:
  fairtender score meals.ftw --bid B1 --criterion q-menu --value 4 --reason "Allergen matrix per school" --as "Raj Patel"
  fairtender score meals.ftw --show --bid B1 --criterion q-menu --as "Raj Patel"
  fairtender score meals.ftw --from-sheet raj-patel-scores.xlsx --as "Raj Patel"
  fairtender score meals.ftw --reopen --bid B1 --criterion q-menu --evaluator "Raj Patel" --reason "clarification of 18 March" --as "Ann Lee"

Options:
  --as NAME          the person acting
  --bid B            the bid
  --criterion C      the judgement criterion
  --value V          the score, on the criterion's scale
  --reason TEXT      why (required)
  --show             list the scores the person may read
  --reopen           reopen a submitted score (lead)
  --evaluator E      (reopen) whose score
  --from-sheet FILE  record the scores of a filled-in score sheet
  -h, --help         show this help
)");
    if (command == "moderate")
        return withExitCodes(R"(Usage: fairtender moderate WS.ftw --as NAME
       fairtender moderate WS.ftw --bid B --criterion C --value V --reason TEXT [--why TEXT] --as NAME

Without --bid, lists every bid and judgement criterion to moderate with the
evaluators' scores and their mean as a starting point; those whose spread is over the
criterion's threshold come first. With --bid, records the consensus score and its
reason (moderators or the lead, during moderation). Changing an agreed consensus needs
--why; the earlier consensus and the individual scores stay on record.

Examples:
  fairtender moderate meals.ftw --as "Mo Khan"
  fairtender moderate meals.ftw --bid B1 --criterion q-menu --value 4 --reason "Strong and compliant" --as "Mo Khan"
  fairtender moderate meals.ftw --bid B1 --criterion q-menu --value 5 --reason "Evidence in appendix C" --why "appendix C had been missed" --as "Mo Khan"

Options:
  --as NAME          the person acting
  --bid B            the bid
  --criterion C      the judgement criterion
  --value V          the consensus score
  --reason TEXT      the reason for the consensus (required)
  --why TEXT         why an agreed consensus is changed
  -h, --help         show this help
)");
    if (command == "decide-abnormally-low")
        return withExitCodes(
            R"(Usage: fairtender decide-abnormally-low WS.ftw --bid B --accept|--reject --reason TEXT --as NAME

Records the lead's decision on a bid whose price the engine flagged abnormally low:
accepted (the bid stays, with the reason as a note) or rejected (the bid is excluded).
Every flagged bid needs a decision before the results can be locked. A bid whose price is
not flagged cannot be decided on, and a lead who declared a conflict with the bid cannot
decide on it.

Example:
  fairtender decide-abnormally-low meals.ftw --bid B6 --accept --reason "Costs explained in clarification" --as "Ann Lee"

Options:
  --as NAME        the person acting (the lead)
  --bid B          the bid
  --accept         keep the bid
  --reject         exclude the bid
  --reason TEXT    why (required)
  -h, --help       show this help
)");
    if (command == "advance")
        return withExitCodes(
            R"(Usage: fairtender advance WS.ftw --to STATE --reason TEXT --as NAME [--date YYYY-MM-DD]

Moves the tender to its next stage (the lead only): draft -> open -> evaluation ->
moderation -> locked -> awarded. A move that is not allowed yet exits 1 and says what
is missing:
  open         a lead on the panel and a tender without errors (each listed as
               tender.xml:line:column); the evaluation model is then frozen, and bids
               may be imported (workspace import-bids)
  evaluation   a lead, an evaluator and every panel member's declaration (the lead's
               too); a panel of one evaluator is allowed with a warning
  moderation   every evaluator's score on every bid and judgement criterion
  locked       every consensus score and a decision on every abnormally low price
  awarded      a single first-ranked bid; records the award and the standstill end:
               8 working days after the award notice (--date, today if not given; not
               in the future nor before the results were locked), skipping weekends
               and England and Wales bank holidays
               (templates/reference/bank-holidays-england-and-wales.xml)

Examples:
  fairtender advance meals.ftw --to open --reason "Published on Find a Tender" --as "Ann Lee"
  fairtender advance meals.ftw --to evaluation --reason "Bids opened" --as "Ann Lee"
  fairtender advance meals.ftw --to awarded --reason "Approved by cabinet" --as "Ann Lee"

Options:
  --as NAME        the person acting (the lead)
  --to STATE       the next stage
  --reason TEXT    why (required)
  --date DAY       (awarded) the day of the award notice
  -h, --help       show this help
)");
    if (command == "exclude")
        return withExitCodes(
            R"(Usage: fairtender exclude WS.ftw --bid B --why TEXT --as NAME [--date YYYY-MM-DD] [--withdrawn]

Records that a bid is excluded after the evaluation, once the results are locked (the
lead only, with the reason and the day it was decided): it failed the final checks,
withdrew, or could not sign. The bid is then excluded with that reason and the other
bids are scored and ranked again from the stored records without it. When the tender is
awarded and the award no longer stands (its bid excluded), the award falls away and the
tender is locked again: the lead makes the new award as a decision of its own with
`advance --to awarded --reason TEXT --date DAY`, which starts a new standstill. An
exclusion of the awarded bid is recorded as during the standstill or after it ended.
The earlier award stays in the audit trail and in `workspace status`. A bid already
excluded, an unknown bid, a tender not yet locked, or a day in the future, before the
results were locked or before the award notice is refused.

Examples:
  fairtender exclude meals.ftw --bid B1 --why "Failed the final insurance check" --as "Ann Lee"
  fairtender exclude meals.ftw --bid B1 --why "Withdrew during the standstill" --withdrawn --as "Ann Lee"
  fairtender advance meals.ftw --to awarded --reason "Re-award approved by cabinet" --as "Ann Lee"

Options:
  --as NAME     the person acting (the lead)
  --bid B       the bid
  --why TEXT    why it is excluded (required)
  --date DAY    the day the exclusion was decided (default today)
  --withdrawn   the supplier withdrew the bid (the OCDS release codes it as withdrawn)
  -h, --help    show this help
)");
    if (command == "report")
        return withExitCodes(R"(Usage: fairtender report WS.ftw --pdf OUT.pdf

Writes the award report of a locked or awarded tender as an A4 PDF: the recommendation
and why (its points against the runner-up's), the evaluation model, the ranking with a
chart of points by group, exclusions, flags and how each was resolved, the panel and its
declarations, moderation changes, community wealth figures, the SHA-256 of every input
file and the audit trail's head hash, the award and a sign-off block. Every number is the
engine's. An earlier stage exits 1 and says so; the PDF is written whole or not at all.
Renders without a display. Given a tender's URL on a server, the report is the one the
server made from its verified record, for the lead and auditors.

Example:
  fairtender report meals.ftw --pdf award-report.pdf

Options:
  --pdf FILE   where to write the report
  -h, --help   show this help
)");
    if (command == "summaries")
        return withExitCodes(R"(Usage: fairtender summaries WS.ftw --out DIR

Writes one assessment summary per supplier that bid (Procurement Act 2023 s.50) into
DIR, named from the bid id (B1-assessment-summary.pdf): each award criterion with its
weight and how it was scored, the supplier's score and the panel's reason on each, its
subtotals and total, and the same for the winning tender; an excluded tender gets the
reason. A summary names no other bidder but the winner. DIR is created if missing; all
the summaries are written or none. Given a tender's URL on a server, they are the ones
the server made from its verified record, for the lead and auditors.

Example:
  fairtender summaries meals.ftw --out summaries

Options:
  --out DIR    the folder for the summaries
  -h, --help   show this help
)");
    if (command == "ocds")
        return withExitCodes(
            R"(Usage: fairtender ocds WS.ftw [--out FILE] [--ocid-prefix P] [--published DATE] [--report-url URL]

Prints (or writes to FILE) the Open Contracting Data Standard 1.1.5 release package of a
locked or awarded tender: one release tagged "award" with the buyer and tenderers as
parties, the tender with its award criteria and weights, every bid (bids extension; a
withdrawn bid coded withdrawn, another excluded bid disqualified) and every award on
record (the standing one active, one that fell away cancelled) with its standstill period
and the award report as a document. Amounts are in pounds with two decimals, exactly as
the files give them. The package validates against the OCDS 1.1.5 schema. Given a
tender's URL on a server, the package is the one the server made, for the lead and
auditors.

Examples:
  fairtender ocds meals.ftw
  fairtender ocds meals.ftw --out release.json --ocid-prefix ocds-abc123- \
      --report-url https://www.salford.gov.uk/tenders/SCC-2026-014/award-report.pdf

Options:
  --out FILE          write to FILE instead of standard output
  --ocid-prefix P     the ocid is P and the tender id (default ocds-fairtender-)
  --published DATE    the publishedDate (default now), e.g. 2025-12-19T09:00:00Z
  --report-url URL    where the award report is published (an absolute URI); without
                      it the report is listed without an address
  -h, --help          show this help
)");
    if (command == "verify")
        return withExitCodes(
            R"(Usage: fairtender verify WS.ftw [--expect-head HASH] [--signed-by KEY]

Checks that the workspace is exactly what fairtender wrote: SQLite's integrity check,
every audit entry's SHA-256 and its link to the entry before, every stored record
against the audit entry that wrote it (so a score changed with sqlite3 behind
fairtender's back is found), the bid index against the bid files, the guards that keep
the audit log append-only, and the results recomputed from the stored inputs against
those last recorded. Exits 0 only when all of it holds; otherwise each problem is on
standard error, the first broken audit entry first, named by its number.

The head hash it prints (also in `workspace status` and the award report) identifies
the whole record: note it down, and --expect-head checks later that a copy ends at it,
saying how many entries were added since or that the noted entry is missing.

A tender kept by fairtender-server has every audit entry signed by the server's Ed25519
key (the award report prints it; the server publishes it at /api/v1/signing-key). verify
checks each signature; --signed-by KEY also requires that KEY signed every entry, so a
log rewritten and re-chained by whoever holds the database is found.

Example:
  $ fairtender verify meals.ftw
  meals.ftw verified: 54 audit entries chained, 52 stored records match the log, ...
  $ fairtender verify archive/meals.ftw --expect-head 3f9c...e1

Options:
  --expect-head HASH   the head hash noted elsewhere that this copy must end at
  --signed-by KEY      the server's public key, which must have signed every entry
  -h, --help           show this help
)");
    if (command == "log")
        return withExitCodes(R"(Usage: fairtender log WS.ftw [--bid B] [--who NAME]

Prints the audit trail oldest first: number, UTC time, who, what and about what, then
the record before and after the change and the reason given.

Examples:
  fairtender log meals.ftw
  fairtender log meals.ftw --bid B2
  fairtender log meals.ftw --who "Ann Lee"

Options:
  --bid B       only entries about bid B
  --who NAME    only entries made by NAME
  -h, --help    show this help
)");
    if (command == "help")
        return withExitCodes(R"(Usage: fairtender help [COMMAND]

Shows the overview, or the help of one command.

Example:
  fairtender help evaluate

Options:
  -h, --help   show this help
)");
    return std::nullopt;
}

} // namespace fairtender::cli
