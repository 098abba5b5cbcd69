#include "io/xlsx/ScoreSheet.h"

#include "core/AtomicFile.h"
#include "core/Date.h"
#include "core/Decimal.h"
#include "core/FileHash.h"
#include "core/OutputPath.h"
#include "core/Utf8.h"
#include "io/xlsx/CellNames.h"
#include "io/xlsx/XlsxReader.h"
#include "io/xml/TenderFolder.h"
#include "lifecycle/PanelViews.h"

#include <xlsxwriter.h>

#include <cmath>
#include <map>
#include <optional>
#include <system_error>

namespace fairtender {

namespace fs = std::filesystem;

namespace {

constexpr const char* kScoresSheet = "Scores";
constexpr const char* kScaleSheet = "Scales";
constexpr const char* kAboutSheet = "About";
constexpr int kHeaderRow = 5;
constexpr int kFirstRow = 6;
enum Column { kBid, kCriterion, kTitle, kScale, kScore, kReason, kStatus };
// A list of allowed values longer than this is checked as a range instead (Excel keeps a
// validation list under 255 characters).
constexpr std::size_t kMaxListedValues = 40;

// One bid and criterion on a person's sheet.
struct SheetRow {
    std::string bidId;
    std::string label; // the bid id, or "Bid A" when anonymous
    const ModelNode* criterion = nullptr;
    std::optional<EvaluatorScore> submitted;
};

struct SheetPlan {
    std::vector<SheetRow> rows;
    std::vector<const ModelNode*> criteria; // judgement criteria, model order
    Diagnostics problems;
};

Diagnostic problemAt(const fs::path& file, std::string message) {
    return errorAt({file.string(), 0, 0}, std::move(message));
}

// The rows `source.person` scores, as they may see them; problems when they score nothing
// now. Anonymous bids are "Bid A", "Bid B" in stored order.
SheetPlan planSheet(const ScoreSheetSource& source, bool anonymous) {
    SheetPlan plan;
    const std::string& person = source.person;
    if (!source.panel.hasRole(person, PanelRole::Evaluator)) {
        plan.problems.push_back(
            problemAt(source.shownAs, person + " is not an evaluator on the panel: a score "
                                               "sheet is made for an evaluator"));
        return plan;
    }
    if (source.state != LifecycleState::Evaluation && source.state != LifecycleState::Moderation) {
        plan.problems.push_back(
            problemAt(source.shownAs, "scores are given during evaluation; the tender is " +
                                          std::string(toString(source.state)) +
                                          ", so there is no sheet to fill"));
        return plan;
    }
    plan.criteria = judgementCriteria(source.tender);
    const ScoringView& view = source.view;
    const std::size_t columns = view.criteria.size();
    for (std::size_t b = 0; b < view.bidIds.size(); ++b)
        for (std::size_t c = 0; c < columns; ++c) {
            const std::size_t at = b * columns + c;
            if (at >= view.cells.size())
                continue;
            const JudgementCell& cell = view.cells[at];
            if (!cell.needed || !cell.conflict.empty())
                continue;
            SheetRow row;
            row.bidId = view.bidIds[b];
            row.label = anonymous ? anonymousLabel(b) : view.bidIds[b];
            row.criterion = findNode(source.tender.model, view.criteria[c].id);
            if (row.criterion == nullptr)
                continue;
            row.submitted = cell.own;
            plan.rows.push_back(std::move(row));
        }
    return plan;
}

// The values a criterion's scale allows when it has a step: 0, step, 2 x step ... max.
std::vector<double> allowedValues(const CriterionSettings& c) {
    std::vector<double> values;
    if (!c.scaleStep || *c.scaleStep <= 0)
        return values;
    const double steps = std::floor(c.scaleMax / *c.scaleStep + 1e-9);
    for (double k = 0; k <= steps && values.size() <= kMaxListedValues; ++k)
        values.push_back(k * *c.scaleStep);
    return values;
}

std::string scaleText(const CriterionSettings& c) {
    std::string text = "0 to " + formatDecimal(c.scaleMax);
    if (c.scaleStep)
        text += " in steps of " + formatDecimal(*c.scaleStep);
    return text;
}

class SheetWriter {
public:
    SheetWriter(const ScoreSheetSource& source, const SheetPlan& plan,
                const ScoreSheetOptions& options, const fs::path& out)
        : source_(source), person_(source.person), plan_(plan), options_(options), out_(out) {}

    bool write(const fs::path& temporary, ScoreSheetWritten& written);

private:
    void check(lxw_error error) {
        if (error != LXW_NO_ERROR && error_.empty())
            error_ = lxw_strerror(error);
    }
    void text(lxw_worksheet* ws, int row, int column, const std::string& value,
              lxw_format* format = nullptr) {
        if (!value.empty())
            check(worksheet_write_string(ws, static_cast<lxw_row_t>(row),
                                         static_cast<lxw_col_t>(column), value.c_str(), format));
    }
    void blank(lxw_worksheet* ws, int row, int column, lxw_format* format) {
        check(worksheet_write_blank(ws, static_cast<lxw_row_t>(row), static_cast<lxw_col_t>(column),
                                    format));
    }
    void validate(lxw_worksheet* ws, int row, const CriterionSettings& c);

    const ScoreSheetSource& source_;
    const std::string& person_;
    const SheetPlan& plan_;
    const ScoreSheetOptions& options_;
    fs::path out_;
    std::string error_;
};

void SheetWriter::validate(lxw_worksheet* ws, int row, const CriterionSettings& c) {
    lxw_data_validation validation{};
    const std::vector<double> values = allowedValues(c);
    std::vector<std::string> words;
    std::vector<char*> list;
    const std::string message = "A score from " + scaleText(c) +
                                " (the Scales sheet says what "
                                "each score means).";
    std::vector<double> whole;
    const bool decimalsToo = values.empty() && c.scaleMax <= kMaxListedValues;
    if (decimalsToo)
        for (double v = 0; v <= c.scaleMax + 1e-9; ++v)
            whole.push_back(v);
    const std::vector<double>& listed = decimalsToo ? whole : values;
    if (!listed.empty() && listed.size() <= kMaxListedValues) {
        for (const double v : listed)
            words.push_back(formatDecimal(v));
        for (const auto& word : words)
            list.push_back(const_cast<char*>(word.c_str()));
        list.push_back(nullptr);
        validation.validate = LXW_VALIDATION_TYPE_LIST;
        validation.value_list = list.data();
        // The scale takes any number from 0 to its maximum: the list offers the whole
        // numbers, and a decimal such as 3.5 is let through after a warning.
        if (decimalsToo)
            validation.error_type = LXW_VALIDATION_ERROR_TYPE_WARNING;
    } else {
        validation.validate = LXW_VALIDATION_TYPE_DECIMAL;
        validation.criteria = LXW_VALIDATION_CRITERIA_BETWEEN;
        validation.minimum_number = 0;
        validation.maximum_number = c.scaleMax;
    }
    validation.error_title = const_cast<char*>("Not on the scale");
    validation.error_message = const_cast<char*>(message.c_str());
    check(worksheet_data_validation_cell(ws, static_cast<lxw_row_t>(row), kScore, &validation));
}

bool SheetWriter::write(const fs::path& temporary, ScoreSheetWritten& written) {
    lxw_workbook* workbook = workbook_new(temporary.string().c_str());
    if (workbook == nullptr) {
        written.problems.push_back(
            problemAt(out_, "cannot create the score sheet in " + out_.parent_path().string()));
        return false;
    }
    lxw_format* title = workbook_add_format(workbook);
    format_set_bold(title);
    format_set_font_size(title, 14);
    lxw_format* header = workbook_add_format(workbook);
    format_set_bold(header);
    format_set_bg_color(header, 0xDCE6F1);
    format_set_bottom(header, LXW_BORDER_THIN);
    format_set_text_wrap(header);
    lxw_format* wrap = workbook_add_format(workbook);
    format_set_text_wrap(wrap);
    format_set_align(wrap, LXW_ALIGN_VERTICAL_TOP);
    lxw_format* input = workbook_add_format(workbook);
    format_set_unlocked(input);
    format_set_text_wrap(input);
    format_set_align(input, LXW_ALIGN_VERTICAL_TOP);
    format_set_border(input, LXW_BORDER_THIN);
    format_set_bg_color(input, 0xFFFFFF);
    lxw_format* locked = workbook_add_format(workbook);
    format_set_text_wrap(locked);
    format_set_align(locked, LXW_ALIGN_VERTICAL_TOP);
    format_set_bg_color(locked, 0xEDEDED);

    const WorkspaceStatus& status = source_.status;
    const std::string madeAt = options_.madeAt.empty() ? utcTimestampNow() : options_.madeAt;

    lxw_worksheet* scores = workbook_add_worksheet(workbook, kScoresSheet);
    text(scores, 0, 0, "Score sheet: " + status.tenderTitle, title);
    text(scores, 1, 0,
         "For " + person_ + ", evaluator, tender " + status.tenderId + "; made " + madeAt + ".");
    text(scores, 2, 0,
         "Type a score (the drop-down lists the scale) and a written reason in the white cells, "
         "save, and return the file; rows left blank stay unscored. A submitted score is shown "
         "locked: only the lead can reopen it.");
    text(scores, 3, 0,
         std::string("No prices are shown: quality is scored price-blind until the results are "
                     "locked.") +
             (options_.anonymous ? " Bids are shown as Bid A, Bid B ... in the order received."
                                 : ""));
    const char* headers[] = {"Bid", "Criterion", "Title", "Scale", "Score", "Reason", "Status"};
    for (int c = 0; c < 7; ++c)
        text(scores, kHeaderRow, c, headers[c], header);
    worksheet_set_column(scores, kBid, kBid, 10, nullptr);
    worksheet_set_column(scores, kCriterion, kCriterion, 16, nullptr);
    worksheet_set_column(scores, kTitle, kTitle, 36, nullptr);
    worksheet_set_column(scores, kScale, kScale, 20, nullptr);
    worksheet_set_column(scores, kScore, kScore, 9, nullptr);
    worksheet_set_column(scores, kReason, kReason, 60, nullptr);
    worksheet_set_column(scores, kStatus, kStatus, 30, nullptr);
    worksheet_freeze_panes(scores, kFirstRow, 0);
    int row = kFirstRow;
    for (const auto& r : plan_.rows) {
        const CriterionSettings& c = r.criterion->criterion;
        text(scores, row, kBid, r.label, locked);
        text(scores, row, kCriterion, r.criterion->id, locked);
        text(scores, row, kTitle, r.criterion->displayName(), locked);
        text(scores, row, kScale, scaleText(c), locked);
        if (r.submitted) {
            check(worksheet_write_number(scores, static_cast<lxw_row_t>(row), kScore,
                                         r.submitted->value, locked));
            text(scores, row, kReason, r.submitted->reason, locked);
            text(scores, row, kStatus, "submitted: locked", locked);
        } else {
            blank(scores, row, kScore, input);
            blank(scores, row, kReason, input);
            text(scores, row, kStatus, "to score", locked);
            validate(scores, row, c);
            ++written.open;
        }
        ++row;
    }
    written.rows = plan_.rows.size();
    lxw_protection protection{};
    protection.no_select_locked_cells = LXW_FALSE;
    worksheet_protect(scores, nullptr, &protection);
    worksheet_set_landscape(scores);
    worksheet_set_paper(scores, 9);
    worksheet_fit_to_pages(scores, 1, 0);
    worksheet_repeat_rows(scores, kHeaderRow, kHeaderRow);

    lxw_worksheet* scales = workbook_add_worksheet(workbook, kScaleSheet);
    text(scales, 0, 0, "What each score means", title);
    text(scales, 2, 0, "Criterion", header);
    text(scales, 2, 1, "Score", header);
    text(scales, 2, 2, "Descriptor", header);
    worksheet_set_column(scales, 0, 0, 36, nullptr);
    worksheet_set_column(scales, 1, 1, 8, nullptr);
    worksheet_set_column(scales, 2, 2, 90, nullptr);
    int line = 3;
    for (const ModelNode* node : plan_.criteria) {
        text(scales, line, 0,
             node->id + ": " + node->displayName() + " (" + scaleText(node->criterion) + ")", wrap);
        if (node->criterion.descriptors.empty())
            text(scales, line++, 2, "(no descriptors: score on the scale as the panel agreed)",
                 wrap);
        for (const auto& d : node->criterion.descriptors) {
            check(worksheet_write_number(scales, static_cast<lxw_row_t>(line), 1, d.score, wrap));
            text(scales, line++, 2, d.text, wrap);
        }
        ++line;
    }
    worksheet_protect(scales, nullptr, nullptr);
    worksheet_set_landscape(scales);
    worksheet_set_paper(scales, 9);
    worksheet_fit_to_pages(scales, 1, 0);

    lxw_worksheet* about = workbook_add_worksheet(workbook, kAboutSheet);
    const std::pair<std::string, std::string> facts[] = {
        {"Sheet for", person_},
        {"Tender", status.tenderId},
        {"Tender SHA-256", source_.tenderSha256},
        {"Bids shown as", options_.anonymous ? "Bid A, Bid B ..." : "bid ids"},
        {"Made", madeAt},
        {"Workspace", source_.shownAs},
    };
    text(about, 0, 0, "Fairtender score sheet", title);
    int at = 1;
    for (const auto& [name, value] : facts) {
        text(about, at, 0, name, header);
        text(about, at++, 1, value);
    }
    worksheet_set_column(about, 0, 0, 18, nullptr);
    worksheet_set_column(about, 1, 1, 70, nullptr);
    worksheet_protect(about, nullptr, nullptr);

    check(workbook_close(workbook));
    if (!error_.empty()) {
        written.problems.push_back(problemAt(out_, "cannot write the score sheet: " + error_));
        return false;
    }
    return true;
}

constexpr int kAboutRows = 40;

// The row of the About sheet that holds `name`'s value, or -1.
int aboutRow(const XlsxSheet& about, const std::string& name) {
    for (int row = 0; row < kAboutRows; ++row)
        if (about.at(row, 0).text == name)
            return row;
    return -1;
}

// The About sheet's value for `name`, or "".
std::string aboutValue(const XlsxSheet& about, const std::string& name) {
    const int row = aboutRow(about, name);
    return row < 0 ? std::string() : about.at(row, 1).text;
}

} // namespace

std::optional<ScoreSheetSource> scoreSheetSource(TenderAccess& tender, const LivingWageTable* rates,
                                                 Diagnostics& problems) {
    ScoreSheetSource source;
    source.person = tender.person();
    auto status = tender.status();
    auto panel = status.ok() ? tender.panel() : TenderRead<PanelRecord>{};
    auto xml = panel.ok() ? tender.tenderXml() : TenderRead<std::string>{};
    auto view = xml.ok() ? tender.scoringView(false) : TenderRead<ScoringView>{};
    for (const auto* read : {&status.problems, &panel.problems, &xml.problems, &view.problems})
        if (!read->empty()) {
            problems = *read;
            return std::nullopt;
        }
    source.status = std::move(*status.value);
    source.state = parseLifecycleState(source.status.state).value_or(LifecycleState::Draft);
    source.panel = std::move(*panel.value);
    source.tenderSha256 = sha256HexOf(*xml.value);
    source.shownAs = tender.shownAs();
    auto model = parseTender(*xml.value, "tender.xml", rates, problems);
    if (!model) {
        if (problems.empty())
            problems.push_back(problemAt(source.shownAs, "the tender's model does not read"));
        return std::nullopt;
    }
    source.tender = std::move(*model);
    source.view = std::move(*view.value);
    if (auto* local = dynamic_cast<LocalTender*>(&tender))
        source.keep = workspaceFiles(local->workspace().path());
    return source;
}

ScoreSheetWritten writeScoreSheet(const ScoreSheetSource& source, const ScoreSheetOptions& options,
                                  const fs::path& out) {
    ScoreSheetWritten written;
    if (const auto problem = outputPathProblem(out, source.keep)) {
        written.problems.push_back(problemAt(out, "cannot write the score sheet: " + *problem));
        return written;
    }
    std::error_code error;
    const fs::path parent = out.parent_path().empty() ? fs::path(".") : out.parent_path();
    if (!fs::is_directory(parent, error)) {
        written.problems.push_back(
            problemAt(out, "cannot write the score sheet: no folder " + parent.string()));
        return written;
    }
    const SheetPlan plan = planSheet(source, options.anonymous);
    if (hasErrors(plan.problems)) {
        written.problems = plan.problems;
        return written;
    }
    SheetWriter writer(source, plan, options, out);
    if (const auto failed = replaceFileWith(parent / out.filename(),
                                            [&](const fs::path& temporary) {
                                                return writer.write(temporary, written) &&
                                                       written.ok();
                                            });
        failed && !failed->empty())
        written.problems.push_back(problemAt(out, "cannot write the score sheet: " + *failed));
    return written;
}

ScoreSheetScores readScoreSheet(const fs::path& file, const ScoreSheetSource& source) {
    ScoreSheetScores read;
    const std::string& person = source.person;
    const XlsxWorkbook workbook = readXlsxSheets(file, {kScoresSheet, kAboutSheet});
    if (!workbook.ok()) {
        read.problems.push_back(problemAt(file, workbook.error));
        return read;
    }
    const auto scores = workbook.sheets.find(kScoresSheet);
    const auto about = workbook.sheets.find(kAboutSheet);
    if (scores == workbook.sheets.end() || about == workbook.sheets.end()) {
        read.problems.push_back(problemAt(
            file, "is not a Fairtender score sheet: it has no Scores and About sheets; make one "
                  "with the evaluator's name"));
        return read;
    }
    // Where an About field is, as FILE:About!B3 (the sheet itself when the field is gone).
    const auto aboutAt = [&](const std::string& name) {
        const int row = aboutRow(about->second, name);
        return row < 0 ? file.string()
                       : file.string() + ":" + kAboutSheet + "!" + xlsxCellName(row, 1);
    };
    const auto aboutProblem = [&](const std::string& name, const std::string& message) {
        read.problems.push_back(errorAt(SourceLocation{aboutAt(name), 0, 0}, message));
        return read;
    };
    for (int row = 0; row < kAboutRows; ++row)
        if (about->second.at(row, 1).formula)
            return aboutProblem(about->second.at(row, 0).text,
                                "a formula in the sheet's own details: use the sheet as it was "
                                "made; nothing was recorded");
    const std::string madeFor = aboutValue(about->second, "Sheet for");
    const std::string tender = aboutValue(about->second, "Tender");
    if (madeFor != person)
        return aboutProblem("Sheet for",
                            "this score sheet was made for " +
                                (madeFor.empty() ? "nobody named" : madeFor) + ", not " + person +
                                ": each evaluator returns the sheet made for them; nothing was "
                                "recorded");
    const WorkspaceStatus& status = source.status;
    if (tender != status.tenderId ||
        aboutValue(about->second, "Tender SHA-256") != source.tenderSha256) {
        read.problems.push_back(errorAt(
            SourceLocation{aboutAt(tender != status.tenderId ? "Tender" : "Tender SHA-256"), 0, 0},
            "this score sheet was made for " +
                (tender == status.tenderId ? "another version of tender " + tender
                                           : "tender " + tender) +
                ", not tender " + status.tenderId + " as it is now; nothing was recorded"));
        return read;
    }
    const bool anonymous = aboutValue(about->second, "Bids shown as") != "bid ids";
    const SheetPlan plan = planSheet(source, anonymous);
    if (hasErrors(plan.problems)) {
        read.problems = plan.problems;
        return read;
    }
    std::map<std::pair<std::string, std::string>, const SheetRow*> rows; // label, criterion
    for (const auto& row : plan.rows)
        rows.emplace(std::make_pair(row.label, row.criterion->id), &row);
    const XlsxSheet& sheet = scores->second;
    const auto at = [&](int row, int column) {
        return SourceLocation{file.string() + ":" + kScoresSheet + "!" + xlsxCellName(row, column),
                              0, 0};
    };
    const auto problem = [&](int row, int column, std::string message) {
        read.problems.push_back(errorAt(at(row, column), std::move(message)));
    };
    for (int row = kFirstRow; row < kFirstRow + 1000000; ++row) {
        const XlsxCell bid = sheet.at(row, kBid);
        const XlsxCell criterion = sheet.at(row, kCriterion);
        const XlsxCell value = sheet.at(row, kScore);
        const XlsxCell reason = sheet.at(row, kReason);
        // A formula's saved result is whatever the program last computed, not a typed score.
        bool computed = false;
        for (const auto& [column, cell] : {std::pair{kBid, &bid}, std::pair{kCriterion, &criterion},
                                           std::pair{kScore, &value}, std::pair{kReason, &reason}})
            if (cell->formula) {
                problem(row, column, "a formula is not a score or a reason: type the value itself");
                computed = true;
            }
        if (computed)
            continue;
        if (bid.empty() && criterion.empty()) {
            if (!value.empty() || !reason.empty())
                problem(row, kBid,
                        "a score below the table: put it on the row of its bid and "
                        "criterion");
            if (sheet.cells.lower_bound({row + 1, 0}) == sheet.cells.end())
                break;
            continue;
        }
        const auto found = rows.find({bid.text, criterion.text});
        if (found == rows.end()) {
            problem(row, kBid,
                    bid.text + " " + criterion.text + " is not a bid and criterion " + person +
                        " scores on this tender: keep the rows as the sheet gave them");
            continue;
        }
        const SheetRow& expected = *found->second;
        if (value.empty() && reason.empty())
            continue;
        std::optional<double> number = value.number;
        if (!number && !value.text.empty())
            number = parseDecimal(value.text);
        if (!value.empty() && !number) {
            problem(row, kScore,
                    "\"" + value.text + "\" is not a score: give a number from " +
                        scaleText(expected.criterion->criterion));
            continue;
        }
        if (expected.submitted) {
            if (number && std::abs(*number - expected.submitted->value) < 1e-9)
                continue; // the locked score as it was
            problem(row, kScore,
                    expected.label + " " + expected.criterion->id + " was submitted as " +
                        exactDecimalText(expected.submitted->value) +
                        "; a submitted score is locked: ask the lead to reopen it");
            continue;
        }
        if (!number) {
            problem(row, kScore,
                    "a reason without a score: give the score too, or clear the "
                    "reason");
            continue;
        }
        bool fine = true;
        if (const std::string off =
                scoreScaleProblem(source.tender, expected.criterion->id, *number);
            !off.empty()) {
            problem(row, kScore, off);
            fine = false;
        }
        if (!hasVisibleText(reason.text)) {
            problem(row, kReason, "a score needs a written reason");
            fine = false;
        }
        if (!fine)
            continue;
        read.scores.push_back(
            {expected.bidId, expected.criterion->id, *number, reason.text, at(row, kScore)});
    }
    if (read.ok() && read.scores.empty())
        read.problems.push_back(
            problemAt(file, "no new scores on the sheet: type a score and a reason in the white "
                            "cells of the rows to score"));
    return read;
}

} // namespace fairtender
