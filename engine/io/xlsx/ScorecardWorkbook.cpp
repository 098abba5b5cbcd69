#include "io/xlsx/ScorecardWorkbook.h"

#include "core/AtomicFile.h"
#include "core/Date.h"
#include "core/Decimal.h"
#include "core/FileHash.h"
#include "core/OutputPath.h"
#include "io/xlsx/CellNames.h"
#include "scoring/Derivation.h"
#include "scoring/SocialValueCommitments.h"

#include <xlsxwriter.h>

#include <algorithm>
#include <cmath>
#include <map>
#include <memory>
#include <system_error>
#include <unordered_map>

static_assert(LXW_VERSION_ID >= 114, "libxlsxwriter 1.1.4 or later is required");

namespace fairtender {

namespace fs = std::filesystem;

namespace {

// Every bid table (Summary and the dimension sheets) puts bid i of the result on the same
// row, so formulas across sheets read row for row.
constexpr int kFirstBidRow = 6;
constexpr int kHeaderRow = kFirstBidRow - 1;
constexpr int kFirstBlockColumn = 3; // after Bid, Supplier, Eligible
constexpr std::size_t kExcelCellLimit = 32767;
constexpr std::size_t kChartBids = 25;
constexpr int kMaxTruncationWarnings = 10;

// A1 reference, 0-based row and column.
std::string cell(int row, int column) {
    return xlsxCellName(row, column);
}
std::string absCell(int row, int column) {
    return "$" + xlsxColumnName(column) + "$" + std::to_string(row + 1);
}

std::string quotedSheet(const std::string& sheet) {
    std::string quoted = "'";
    for (char c : sheet)
        quoted += c == '\'' ? std::string("''") : std::string(1, c);
    return quoted + "'!";
}

std::size_t utf8Length(const std::string& text) {
    std::size_t count = 0;
    for (unsigned char c : text)
        count += (c & 0xC0) != 0x80 ? 1 : 0;
    return count;
}

// The byte offset after the first `characters` UTF-8 characters.
std::size_t utf8Prefix(const std::string& text, std::size_t characters) {
    std::size_t count = 0;
    for (std::size_t i = 0; i < text.size(); ++i) {
        if ((static_cast<unsigned char>(text[i]) & 0xC0) != 0x80) {
            if (count == characters)
                return i;
            ++count;
        }
    }
    return text.size();
}

std::string roundingFormat(int places) {
    return places <= 0 ? std::string("0")
                       : "0." + std::string(static_cast<std::size_t>(places), '0');
}

// Header and footer text: "&" is a control character there, and Excel stops at 255.
std::string headerText(const std::string& text, std::size_t limit) {
    std::string out;
    for (char c : text) {
        if (c == '&')
            out += "&&";
        else if (c != '\n' && c != '\r')
            out += c;
    }
    if (out.size() > limit) {
        std::size_t cut = utf8Prefix(out, limit - 3);
        while (cut > limit - 3)
            cut = utf8Prefix(out, utf8Length(out.substr(0, cut)) - 1);
        if (cut > 0 && out[cut - 1] == '&')
            --cut;
        out = out.substr(0, cut) + "...";
    }
    return out;
}

bool isEligible(const BidResult& bid) {
    if (bid.status == BidStatus::Ranked)
        return true;
    // Price per quality point drops a bid with no quality score only after the relative
    // scoring it took part in.
    return std::any_of(bid.exclusionReasons.begin(), bid.exclusionReasons.end(),
                       [](const std::string& r) { return r.starts_with("quality score is zero"); });
}

// The dimension sheets, in the order the scorecard documents them: price first, then quality,
// social value, locality, living wage and ownership.
struct Dimension {
    CriterionType type;
    const char* sheet;
};
constexpr Dimension kDimensions[] = {
    {CriterionType::Price, "Price"},
    {CriterionType::Judgement, "Quality"},
    {CriterionType::SocialValue, "Social value"},
    {CriterionType::Locality, "Locality"},
    {CriterionType::LivingWage, "Living wage"},
    {CriterionType::Ownership, "Ownership"},
};

// Where one leaf lives in the workbook.
struct LeafLayout {
    const ModelNode* node = nullptr;
    int modelRow = -1;                // its row on Model (effective weight in column G)
    std::map<std::string, int> param; // parameter rows on Model (value in column H)
    std::vector<int> bandRows;        // supplier-location band rows
    std::vector<int> ownershipRows;   // listed ownership score rows
    std::vector<int> measureRows;     // social value: each measure's proxy row
    std::string sheet;                // its dimension sheet
    int firstColumn = 0;
    // The column of the bid's figure the score formula starts from: P, the judgement value,
    // SV, the local-spend percent; for social value it follows the measure columns.
    int figureColumn = 0;
    std::vector<std::string> columns; // headers of its block
    int scoreColumn = -1;             // -1: not scored
    int pointsColumn = -1;
};

// Model sheet columns.
constexpr int kModelWeight = 5;
constexpr int kModelEffective = 6;
constexpr int kModelValue = 7;
constexpr int kModelNotes = 8;
constexpr int kModelRoundingRow = 1;
constexpr int kModelLivingWageRow = 5;

class Writer {
public:
    Writer(const TenderFolder& folder, const EvaluationResult& result,
           const std::vector<Diagnostic>& lint, const ScorecardOptions& options,
           const fs::path& out)
        : folder_(folder), result_(result), lint_(lint), options_(options), out_(out) {}

    bool write(const fs::path& temporary);
    ExportResult& outcome() { return outcome_; }

private:
    struct Formats {
        lxw_format* title = nullptr;
        lxw_format* bold = nullptr;
        lxw_format* header = nullptr;
        lxw_format* text = nullptr;
        lxw_format* wrap = nullptr;
        lxw_format* money = nullptr;
        lxw_format* points = nullptr;
        lxw_format* score = nullptr;
        lxw_format* number = nullptr;
        lxw_format* winText = nullptr;
        lxw_format* winPoints = nullptr;
        lxw_format* winNumber = nullptr;
        lxw_format* winMoney = nullptr;
        lxw_format* input = nullptr;
    };

    void planModel();
    void planDimensions();
    lxw_worksheet* addSheet(const std::string& name);
    void text(lxw_worksheet* ws, int row, int column, const std::string& value,
              lxw_format* format = nullptr);
    void number(lxw_worksheet* ws, int row, int column, double value, lxw_format* format = nullptr);
    void formula(lxw_worksheet* ws, int row, int column, const std::string& formula, double cached,
                 lxw_format* format = nullptr);
    // A formula whose value is text, with that text cached.
    void formulaText(lxw_worksheet* ws, int row, int column, const std::string& formula,
                     const std::string& cached, lxw_format* format = nullptr);
    void check(lxw_error error, const std::string& what);

    void writeSummary(lxw_worksheet* ws);
    void writeModel(lxw_worksheet* ws);
    void writeModelNodes(lxw_worksheet* ws, const std::vector<ModelNode>& nodes, int parentRow,
                         int& row);
    void writeDimension(lxw_worksheet* ws, const Dimension& dimension);
    void writeLeafHeader(lxw_worksheet* ws, const LeafLayout& leaf, std::size_t leafIndex, int row);
    void writeLeafBid(lxw_worksheet* ws, const LeafLayout& leaf, std::size_t leafIndex,
                      const BidResult& bid, int row);
    void writePanel(lxw_worksheet* ws);
    int writeScorecard(lxw_worksheet* ws, const BidResult& bid, std::size_t bidIndex, int row);
    void writeScorecards();
    void writeSensitivity(lxw_worksheet* ws, const AwardSensitivity& sensitivity);
    void writeProvenance(lxw_worksheet* ws);
    void protectAll();

    std::string modelRef(int row, int column) const { return "Model!" + absCell(row, column); }
    std::string rounding() const { return modelRef(kModelRoundingRow, 1); }
    std::string weightOf(const LeafLayout& leaf) const {
        return modelRef(leaf.modelRow, kModelEffective);
    }
    std::string paramOf(const LeafLayout& leaf, const std::string& name) const {
        return modelRef(leaf.param.at(name), kModelValue);
    }
    int lastBidRow() const { return kFirstBidRow + static_cast<int>(result_.bids.size()) - 1; }
    // "$E$7:$E$106" on the leaf's sheet: the column over every bid row.
    std::string columnRange(int column) const {
        return absCell(kFirstBidRow, column) + ":" + absCell(lastBidRow(), column);
    }

    const TenderFolder& folder_;
    const EvaluationResult& result_;
    const std::vector<Diagnostic>& lint_;
    const ScorecardOptions& options_;
    fs::path out_;
    ExportResult outcome_;
    lxw_workbook* workbook_ = nullptr;
    Formats f_;
    std::vector<lxw_worksheet*> sheets_;
    std::vector<LeafLayout> leaves_;
    std::map<std::string, int> groupModelRow_;
    std::vector<std::string> topColumns_; // Summary's per top-level node headers
    std::vector<std::string> lintLines_;
    int modelRows_ = 0;
    int truncations_ = 0;
    bool failed_ = false;
    std::string inputsFingerprint_;
    std::vector<std::pair<std::string, std::string>> fileHashes_; // relative path, hash
    int summaryTotalColumn_ = 0;
    int summaryRankColumn_ = 0;
    const LeafLayout* priceLeaf_ = nullptr; // the first price criterion: its P is the bid's P
};

void Writer::check(lxw_error error, const std::string& what) {
    if (error == LXW_NO_ERROR || failed_)
        return;
    failed_ = true;
    outcome_.diagnostics.push_back(
        errorAt({out_.string(), 0, 0},
                "cannot write the scorecard (" + what + "): " + lxw_strerror(error)));
}

void Writer::text(lxw_worksheet* ws, int row, int column, const std::string& value,
                  lxw_format* format) {
    if (value.empty())
        return;
    bool cut = false;
    const std::string fitted = excelCellText(value, cut);
    if (cut) {
        ++truncations_;
        if (truncations_ <= kMaxTruncationWarnings)
            outcome_.diagnostics.push_back(warningAt(
                {out_.string(), 0, 0},
                "a text of " + std::to_string(utf8Length(value)) + " characters was cut to " +
                    "Excel's limit of 32,767 characters in cell " + cell(row, column) +
                    " of sheet " + ws->name + " (marked in the cell)"));
    }
    // Always a string cell: user text such as "=HYPERLINK(...)" must never become a formula.
    check(worksheet_write_string(ws, static_cast<lxw_row_t>(row), static_cast<lxw_col_t>(column),
                                 fitted.c_str(), format),
          "text");
}

void Writer::number(lxw_worksheet* ws, int row, int column, double value, lxw_format* format) {
    check(worksheet_write_number(ws, static_cast<lxw_row_t>(row), static_cast<lxw_col_t>(column),
                                 value, format),
          "number");
}

void Writer::formula(lxw_worksheet* ws, int row, int column, const std::string& text, double cached,
                     lxw_format* format) {
    check(worksheet_write_formula_num(ws, static_cast<lxw_row_t>(row),
                                      static_cast<lxw_col_t>(column), ("=" + text).c_str(), format,
                                      cached),
          "formula");
}

void Writer::formulaText(lxw_worksheet* ws, int row, int column, const std::string& text,
                         const std::string& cached, lxw_format* format) {
    check(worksheet_write_formula_str(ws, static_cast<lxw_row_t>(row),
                                      static_cast<lxw_col_t>(column), ("=" + text).c_str(), format,
                                      cached.c_str()),
          "formula");
}

lxw_worksheet* Writer::addSheet(const std::string& name) {
    std::string unique = excelSheetName(name);
    // Excel compares sheet names without case.
    const auto taken = [&](const std::string& candidate) {
        return std::any_of(outcome_.sheets.begin(), outcome_.sheets.end(), [&](const auto& s) {
            return std::equal(s.begin(), s.end(), candidate.begin(), candidate.end(),
                              [](char a, char b) { return std::tolower(a) == std::tolower(b); });
        });
    };
    for (int n = 2; taken(unique); ++n) {
        const std::string suffix = " (" + std::to_string(n) + ")";
        unique = excelSheetName(name.substr(0, utf8Prefix(name, 31 - suffix.size())) + suffix);
    }
    lxw_worksheet* ws = workbook_add_worksheet(workbook_, unique.c_str());
    if (ws == nullptr) {
        check(LXW_ERROR_MEMORY_MALLOC_FAILED, "sheet " + unique);
        return nullptr;
    }
    outcome_.sheets.push_back(unique);
    sheets_.push_back(ws);
    return ws;
}

// Model rows: header block, then the tree depth-first with each leaf's parameter rows.
void Writer::planModel() {
    int row = 9;
    std::size_t leafIndex = 0;
    const auto plan = [&](const auto& self, const std::vector<ModelNode>& nodes) -> void {
        for (const auto& node : nodes) {
            const int nodeRow = row++;
            if (node.kind == NodeKind::Group) {
                groupModelRow_[node.id] = nodeRow;
                self(self, node.children);
                continue;
            }
            if (node.kind == NodeKind::Gate)
                continue;
            if (leafIndex >= result_.leaves.size())
                continue;
            LeafLayout leaf;
            leaf.node = &node;
            leaf.modelRow = nodeRow;
            const auto& c = node.criterion;
            switch (c.type) {
            case CriterionType::Price:
                if (c.priceMethod == PriceMethod::LinearRange && c.ceiling)
                    leaf.param["ceiling"] = row++;
                break;
            case CriterionType::Judgement:
                leaf.param["scale max"] = row++;
                break;
            case CriterionType::SocialValue:
                if (c.socialValueMethod == SocialValueMethod::Target)
                    leaf.param["target"] = row++;
                for (std::size_t k = 0; k < c.measures.size(); ++k)
                    leaf.measureRows.push_back(row++);
                break;
            case CriterionType::Locality:
                if (c.localityMethod == LocalityMethod::SupplierLocation) {
                    for (std::size_t k = 0; k < c.bands.size(); ++k)
                        leaf.bandRows.push_back(row++);
                    leaf.param["otherwise"] = row++;
                } else if (c.localSpendTarget) {
                    leaf.param["target"] = row++;
                }
                break;
            case CriterionType::LivingWage:
                if (c.livingWageMethod == LivingWageMethod::Tiered) {
                    leaf.param["accredited"] = row++;
                    leaf.param["committed"] = row++;
                    leaf.param["meets-rate"] = row++;
                    leaf.param["below"] = row++;
                }
                break;
            case CriterionType::Ownership:
                for (std::size_t k = 0; k < c.ownershipScores.size(); ++k)
                    leaf.ownershipRows.push_back(row++);
                leaf.param["otherwise"] = row++;
                break;
            }
            leaves_.push_back(std::move(leaf));
            ++leafIndex;
        }
    };
    plan(plan, folder_.tender.model.children);
    modelRows_ = row;
}

void Writer::planDimensions() {
    for (const auto& dimension : kDimensions) {
        int column = kFirstBlockColumn;
        for (std::size_t i = 0; i < leaves_.size(); ++i) {
            auto& leaf = leaves_[i];
            const auto& c = leaf.node->criterion;
            if (c.type != dimension.type)
                continue;
            leaf.sheet = dimension.sheet;
            leaf.firstColumn = column;
            switch (c.type) {
            case CriterionType::Price:
                leaf.columns = {c.discountRate ? "P (net present value)" : "P (price)"};
                break;
            case CriterionType::Judgement:
                leaf.columns = {"Value", "Source"};
                break;
            case CriterionType::SocialValue:
                // Each measure: the quantity committed, the panel's deliverability factor and
                // their value, quantity x proxy (Model) x factor; SV is the sum.
                for (const auto& measure : c.measures)
                    leaf.columns.insert(leaf.columns.end(),
                                        {measure.id + " quantity (" + measure.unit + ")",
                                         measure.id + " deliverability", measure.id + " value"});
                leaf.columns.push_back("SV");
                if (c.socialValueMethod == SocialValueMethod::RatioToPrice)
                    leaf.columns.insert(leaf.columns.end(), {"P", "SV / P"});
                break;
            case CriterionType::Locality:
                if (c.localityMethod == LocalityMethod::SupplierLocation)
                    leaf.columns = {"Postcode", "Area matched"};
                else
                    leaf.columns = {"Local spend %"};
                break;
            case CriterionType::LivingWage:
                leaf.columns = {"Accredited (1/0)", "Committed (1/0)", "Lowest hourly rate",
                                "Tier"};
                break;
            case CriterionType::Ownership:
                leaf.columns = {"Ownership model"};
                break;
            }
            leaf.figureColumn = column + (c.type == CriterionType::SocialValue
                                              ? static_cast<int>(3 * c.measures.size())
                                              : 0);
            if (result_.leaves[i].scored) {
                leaf.scoreColumn = column + static_cast<int>(leaf.columns.size());
                leaf.pointsColumn = leaf.scoreColumn + 1;
                leaf.columns.insert(leaf.columns.end(), {"Score", "Points"});
            }
            // A spare column between blocks keeps them apart on screen and in print.
            column += static_cast<int>(leaf.columns.size()) + 1;
        }
    }
}

bool Writer::write(const fs::path& temporary) {
    lxw_workbook_options lxwOptions{};
    lxwOptions.constant_memory = options_.constantMemory ? LXW_TRUE : LXW_FALSE;
    lxwOptions.use_zip64 = LXW_TRUE;
    workbook_ = workbook_new_opt(temporary.string().c_str(), &lxwOptions);
    if (workbook_ == nullptr) {
        outcome_.diagnostics.push_back(
            errorAt({out_.string(), 0, 0},
                    "cannot create the scorecard in " + out_.parent_path().string()));
        return false;
    }

    for (const auto& stored : options_.storedInputs)
        fileHashes_.emplace_back(stored.name, stored.sha256);
    // A folder read from disk: its files are hashed where they lie.
    if (options_.storedInputs.empty())
        for (const auto& file : folder_.files) {
            std::error_code error;
            fs::path shown =
                options_.folder.empty() ? file : fs::relative(file, options_.folder, error);
            if (error || shown.empty())
                shown = file;
            fileHashes_.emplace_back(shown.generic_string(),
                                     sha256Hex(file).value_or("(unreadable)"));
        }
    std::string fingerprintInput;
    for (const auto& [name, hash] : fileHashes_)
        fingerprintInput += hash + "  " + name + "\n";
    inputsFingerprint_ = sha256HexOf(fingerprintInput);

    const auto add = [&](lxw_format*& format) {
        format = workbook_add_format(workbook_);
    };
    add(f_.title);
    format_set_bold(f_.title);
    format_set_font_size(f_.title, 14);
    add(f_.bold);
    format_set_bold(f_.bold);
    add(f_.header);
    format_set_bold(f_.header);
    format_set_text_wrap(f_.header);
    format_set_align(f_.header, LXW_ALIGN_VERTICAL_TOP);
    format_set_bottom(f_.header, LXW_BORDER_THIN);
    format_set_bg_color(f_.header, 0xDCE6F1);
    add(f_.text);
    add(f_.wrap);
    format_set_text_wrap(f_.wrap);
    format_set_align(f_.wrap, LXW_ALIGN_VERTICAL_TOP);
    format_set_indent(f_.wrap, 1);
    add(f_.money);
    format_set_num_format(f_.money, "#,##0.00");
    add(f_.points);
    format_set_num_format(f_.points, roundingFormat(result_.rounding).c_str());
    add(f_.score);
    format_set_num_format(f_.score, "0.000000");
    add(f_.number);
    format_set_num_format(f_.number, "General");
    add(f_.input);
    format_set_font_color(f_.input, 0x1F4E79);
    add(f_.winText);
    format_set_bold(f_.winText);
    format_set_bg_color(f_.winText, 0xC6EFCE);
    add(f_.winPoints);
    format_set_bold(f_.winPoints);
    format_set_bg_color(f_.winPoints, 0xC6EFCE);
    format_set_num_format(f_.winPoints, roundingFormat(result_.rounding).c_str());
    add(f_.winNumber);
    format_set_bold(f_.winNumber);
    format_set_bg_color(f_.winNumber, 0xC6EFCE);
    add(f_.winMoney);
    format_set_bold(f_.winMoney);
    format_set_bg_color(f_.winMoney, 0xC6EFCE);
    format_set_num_format(f_.winMoney, "#,##0.00");

    planModel();
    planDimensions();
    for (const auto& leaf : leaves_)
        if (leaf.node->criterion.type == CriterionType::Price && priceLeaf_ == nullptr)
            priceLeaf_ = &leaf;

    lxw_doc_properties properties{};
    const std::string title = "Scorecard " + result_.tenderId;
    properties.title = const_cast<char*>(title.c_str());
    properties.comments = const_cast<char*>("Fairtender evaluation scorecard");
    check(workbook_set_properties(workbook_, &properties), "properties");

    if (auto* ws = addSheet("Summary"))
        writeSummary(ws);
    if (auto* ws = addSheet("Model"))
        writeModel(ws);
    for (const auto& dimension : kDimensions) {
        const bool present = std::any_of(leaves_.begin(), leaves_.end(), [&](const auto& leaf) {
            return leaf.node->criterion.type == dimension.type;
        });
        if (!present)
            continue;
        if (auto* ws = addSheet(dimension.sheet))
            writeDimension(ws, dimension);
    }
    if (auto* ws = addSheet("Panel"))
        writePanel(ws);
    if (options_.sensitivity != nullptr)
        if (auto* ws = addSheet("Sensitivity"))
            writeSensitivity(ws, *options_.sensitivity);
    writeScorecards();
    if (auto* ws = addSheet("Provenance"))
        writeProvenance(ws);
    protectAll();

    if (truncations_ > kMaxTruncationWarnings)
        outcome_.diagnostics.push_back(
            warningAt({out_.string(), 0, 0}, std::to_string(truncations_) +
                                                 " texts in all were cut to 32,767 characters"));

    const lxw_error closed = workbook_close(workbook_);
    workbook_ = nullptr;
    check(closed, "saving");
    return !failed_;
}

void Writer::protectAll() {
    // Every sheet prints on A4, landscape and one page wide (each sheet sets its repeated
    // header rows and scale where it has them).
    for (auto* ws : sheets_) {
        worksheet_set_paper(ws, 9);
        worksheet_protect(ws, nullptr, nullptr);
    }
}

void Writer::writeSummary(lxw_worksheet* ws) {
    const Tender& tender = folder_.tender;
    const bool perPoint = result_.aggregation == Aggregation::PricePerQualityPoint;
    const int places = result_.rounding;
    text(ws, 0, 0, tender.title.empty() ? tender.id : tender.title, f_.title);
    text(ws, 1, 0, "Tender " + tender.id + (tender.buyer.empty() ? "" : " - " + tender.buyer));

    // Top-level nodes: a group sums its leaves' points, a criterion shows its own.
    struct TopColumn {
        std::string id;
        std::string header;
        std::vector<std::size_t> leaves;
        std::optional<std::size_t> group;
        std::optional<std::size_t> leaf;
    };
    const auto leavesUnder = [&](const std::string& groupId) {
        std::vector<std::size_t> found;
        for (std::size_t i = 0; i < result_.leaves.size(); ++i) {
            const auto& path = result_.leaves[i].path;
            if (std::find(path.begin(), path.end(), groupId) != path.end())
                found.push_back(i);
        }
        return found;
    };
    std::vector<TopColumn> tops;
    for (const auto& node : tender.model.children) {
        if (node.kind == NodeKind::Gate)
            continue;
        TopColumn top;
        top.id = node.id;
        if (node.kind == NodeKind::Group) {
            top.group = result_.groupIndex(node.id);
            if (top.group)
                top.header = result_.groups[*top.group].title + " (" +
                             formatDecimal(result_.groups[*top.group].effectiveWeight) + ")";
            top.leaves = leavesUnder(node.id);
        } else {
            top.leaf = result_.leafIndex(node.id);
            if (!top.leaf)
                continue;
            top.header = result_.leaves[*top.leaf].title + " (" +
                         formatDecimal(result_.leaves[*top.leaf].effectiveWeight) + ")";
            top.leaves.push_back(*top.leaf);
        }
        tops.push_back(std::move(top));
    }
    // Tie-break nodes below the top level get a column of their own for the rank formula.
    std::vector<TopColumn> tieColumns;
    for (const auto& word : tender.model.tieBreak) {
        if (word == "lowest-price" ||
            std::any_of(tops.begin(), tops.end(), [&](const auto& t) { return t.id == word; }))
            continue;
        TopColumn extra;
        extra.id = word;
        extra.header = "Tie-break: " + word;
        if (const auto g = result_.groupIndex(word)) {
            extra.group = g;
            extra.leaves = leavesUnder(word);
        } else if (const auto l = result_.leafIndex(word)) {
            extra.leaf = l;
            extra.leaves.push_back(*l);
        } else {
            continue;
        }
        tieColumns.push_back(std::move(extra));
    }

    std::vector<std::string> headers = {"Rank",     "Bid",    "Supplier",        "Ownership model",
                                        "Postcode", "Status", "Exclusion reason"};
    const int firstTop = static_cast<int>(headers.size());
    for (const auto& top : tops)
        headers.push_back(top.header);
    const int totalColumn = static_cast<int>(headers.size());
    summaryTotalColumn_ = totalColumn;
    headers.push_back(perPoint ? "Total (Q)" : "Total");
    int priceColumn = -1;
    int perPointColumn = -1;
    if (priceLeaf_ != nullptr) {
        priceColumn = static_cast<int>(headers.size());
        headers.push_back("Price (P)");
    }
    if (perPoint && priceColumn >= 0) {
        perPointColumn = static_cast<int>(headers.size());
        headers.push_back("Price per point");
    }
    const int flagsColumn = static_cast<int>(headers.size());
    headers.push_back("Flags");
    const int checkColumn = static_cast<int>(headers.size());
    headers.push_back("Order check");
    const int firstTieColumn = static_cast<int>(headers.size());
    for (const auto& extra : tieColumns)
        headers.push_back(extra.header);

    // The rank of a row: 1 + the ranked bids that beat it on the first key (the total, or
    // the lowest price per point), then on each tie-break in turn; as the engine ranks, a
    // tie left after the list shares the rank.
    const int lastRow = lastBidRow();
    const auto range = [&](int column) {
        return absCell(kFirstBidRow, column) + ":" + absCell(lastRow, column);
    };
    struct Key {
        int column;
        bool lowerWins;
        int places;
    };
    std::vector<Key> keys{{perPoint ? perPointColumn : totalColumn, perPoint, places}};
    for (const auto& word : tender.model.tieBreak) {
        if (word == "lowest-price") {
            if (priceColumn >= 0)
                keys.push_back({priceColumn, true, 2});
            continue;
        }
        for (std::size_t t = 0; t < tops.size(); ++t)
            if (tops[t].id == word)
                keys.push_back({firstTop + static_cast<int>(t), false, places});
        for (std::size_t t = 0; t < tieColumns.size(); ++t)
            if (tieColumns[t].id == word)
                keys.push_back({firstTieColumn + static_cast<int>(t), false, places});
    }
    const auto rankFormula = [&](int row) {
        std::string nested = "0";
        for (auto key = keys.rbegin(); key != keys.rend(); ++key) {
            const std::string others =
                "ROUND(" + range(key->column) + "," + std::to_string(key->places) + ")";
            const std::string mine =
                "ROUND(" + cell(row, key->column) + "," + std::to_string(key->places) + ")";
            nested = "((" + others + (key->lowerWins ? "<" : ">") + mine + ")+(" + others + "=" +
                     mine + ")*" + nested + ")";
        }
        return "1+SUMPRODUCT((" + range(5) + "=\"ranked\")*" + nested + ")";
    };
    summaryRankColumn_ = 0;

    // The winner follows the rank formulas: the one bid ranked 1, or none when first place
    // is shared or nobody is ranked.
    std::string winner = "No winner: no bid is ranked, or first place is an unresolved tie.";
    if (result_.winnerId)
        if (const BidResult* bid = result_.findBid(*result_.winnerId))
            winner = "Winner: " + bid->bidId + " " + bid->supplierName + " (" +
                     (perPoint && bid->pricePerPoint
                          ? formatFixed(*bid->pricePerPoint, places) + " per point"
                          : formatFixed(bid->total, places) + " points") +
                     ")";
    if (result_.bids.empty()) {
        text(ws, 2, 0, winner, f_.bold);
    } else {
        const std::string first = "MATCH(1," + range(0) + ",0)";
        const std::string figure =
            perPoint ? "FIXED(INDEX(" + range(perPointColumn) + "," + first + ")," +
                           std::to_string(places) + ",TRUE)&\" per point)\""
                     : "FIXED(INDEX(" + range(totalColumn) + "," + first + ")," +
                           std::to_string(places) + ",TRUE)&\" points)\"";
        formulaText(ws, 2, 0,
                    "IF(COUNTIF(" + range(0) + ",1)=1,\"Winner: \"&INDEX(" + range(1) + "," +
                        first + ")&\" \"&INDEX(" + range(2) + "," + first + ")&\" (\"&" + figure +
                        ",\"No winner: no bid is ranked, or first place is an unresolved tie.\")",
                    winner, f_.bold);
    }
    text(ws, 3, 0,
         perPoint ? "Total = sum of the rounded points (Q); price per point = ROUND(P / Q); rank "
                    "= lowest price per point first, then the tie-break on Model (live "
                    "formulas). Order check: each row's rank follows the row above."
                  : "Total = sum of the rounded points on the dimension sheets; rank = highest "
                    "total first, then the tie-break on Model; the winner above follows the "
                    "ranks (all live formulas). Order check: each row's rank follows the row "
                    "above; after a change, sort by rank.");
    for (std::size_t c = 0; c < headers.size(); ++c)
        text(ws, kHeaderRow, static_cast<int>(c), headers[c], f_.header);

    worksheet_set_column(ws, 0, 1, 7, nullptr);
    worksheet_set_column(ws, 2, 2, 40, nullptr);
    worksheet_set_column(ws, 3, 3, 26, nullptr);
    worksheet_set_column(ws, 4, 4, 10, nullptr);
    worksheet_set_column(ws, 5, 5, 9, nullptr);
    worksheet_set_column(ws, 6, 6, 28, nullptr);
    worksheet_set_column(ws, static_cast<lxw_col_t>(firstTop), static_cast<lxw_col_t>(totalColumn),
                         12, nullptr);
    if (priceColumn >= 0)
        worksheet_set_column(ws, static_cast<lxw_col_t>(priceColumn),
                             static_cast<lxw_col_t>(priceColumn), 15, nullptr);
    worksheet_set_column(ws, static_cast<lxw_col_t>(flagsColumn),
                         static_cast<lxw_col_t>(flagsColumn), 36, nullptr);
    worksheet_set_column(ws, static_cast<lxw_col_t>(checkColumn),
                         static_cast<lxw_col_t>(checkColumn), 14, nullptr);
    worksheet_set_row(ws, kHeaderRow, 45, nullptr);
    worksheet_freeze_panes(ws, kFirstBidRow, 3);

    const auto pointsSum = [&](const TopColumn& top, int row) {
        std::string sum;
        for (const std::size_t i : top.leaves) {
            const auto& leaf = leaves_[i];
            if (leaf.pointsColumn < 0)
                continue;
            sum +=
                (sum.empty() ? "" : ",") + quotedSheet(leaf.sheet) + cell(row, leaf.pointsColumn);
        }
        return sum;
    };
    const auto cachedPoints = [&](const TopColumn& top, const BidResult& bid) {
        if (top.group && *top.group < bid.groups.size())
            return bid.groups[*top.group].points;
        if (top.leaf && *top.leaf < bid.criteria.size())
            return bid.criteria[*top.leaf].points;
        return 0.0;
    };
    int previousRanked = -1;
    for (std::size_t b = 0; b < result_.bids.size(); ++b) {
        const BidResult& bid = result_.bids[b];
        const int row = kFirstBidRow + static_cast<int>(b);
        const Bid* input = inputBidOf(bid, folder_.bids);
        const bool win = result_.winnerId && *result_.winnerId == bid.bidId;
        lxw_format* textFormat = win ? f_.winText : nullptr;
        lxw_format* pointsFormat = win ? f_.winPoints : f_.points;
        if (bid.rank)
            formula(ws, row, 0, rankFormula(row), *bid.rank, win ? f_.winNumber : nullptr);
        text(ws, row, 1, bid.bidId, textFormat);
        text(ws, row, 2, bid.supplierName, textFormat);
        if (input != nullptr) {
            text(ws, row, 3, std::string(toString(input->supplier.ownership)), textFormat);
            if (input->supplier.postcode)
                text(ws, row, 4, input->supplier.postcode->text(), textFormat);
        }
        text(ws, row, 5, std::string(toString(bid.status)), textFormat);
        text(ws, row, 6, bid.exclusionReason(), textFormat);
        if (priceColumn >= 0 && bid.price)
            formula(ws, row, priceColumn,
                    quotedSheet(priceLeaf_->sheet) + cell(row, priceLeaf_->figureColumn),
                    *bid.price, win ? f_.winMoney : f_.money);
        if (bid.status == BidStatus::Ranked) {
            for (std::size_t t = 0; t < tops.size(); ++t) {
                const int column = firstTop + static_cast<int>(t);
                const std::string sum = pointsSum(tops[t], row);
                if (sum.empty()) {
                    text(ws, row, column, "not scored", textFormat);
                    continue;
                }
                formula(ws, row, column, "SUM(" + sum + ")", cachedPoints(tops[t], bid),
                        pointsFormat);
            }
            formula(ws, row, totalColumn,
                    "SUM(" + cell(row, firstTop) + ":" + cell(row, totalColumn - 1) + ")",
                    bid.total, pointsFormat);
            if (perPointColumn >= 0)
                formula(ws, row, perPointColumn,
                        "IF(" + cell(row, totalColumn) + ">0,ROUND(" + cell(row, priceColumn) +
                            "/" + cell(row, totalColumn) + "," + rounding() + "),0)",
                        bid.pricePerPoint.value_or(0), pointsFormat);
            if (previousRanked < 0)
                text(ws, row, checkColumn, "first", textFormat);
            else
                formulaText(ws, row, checkColumn,
                            "IF(" + cell(row, 0) + ">=" + cell(previousRanked, 0) +
                                ",\"ok\",\"CHECK: sort by rank\")",
                            "ok", textFormat);
            for (std::size_t t = 0; t < tieColumns.size(); ++t) {
                const std::string sum = pointsSum(tieColumns[t], row);
                formula(ws, row, firstTieColumn + static_cast<int>(t),
                        sum.empty() ? std::string("0") : "SUM(" + sum + ")",
                        cachedPoints(tieColumns[t], bid), f_.points);
            }
            previousRanked = row;
        }
        std::string flags;
        for (const auto& flag : bid.flags)
            flags += (flags.empty() ? "" : ", ") + std::string(toString(flag.kind)) +
                     (flag.criterionId.empty() ? "" : " (" + flag.criterionId + ")");
        text(ws, row, flagsColumn, flags, textFormat);
    }

    const int ranked = static_cast<int>(result_.rankedCount());
    if (ranked > 0) {
        lxw_conditional_format scale{};
        scale.type = LXW_CONDITIONAL_3_COLOR_SCALE;
        worksheet_conditional_format_range(ws, kFirstBidRow, static_cast<lxw_col_t>(totalColumn),
                                           static_cast<lxw_row_t>(kFirstBidRow + ranked - 1),
                                           static_cast<lxw_col_t>(totalColumn), &scale);

        // Ranked bids come first, so the chart's rows are the top of the table.
        lxw_chart* chart = workbook_add_chart(workbook_, LXW_CHART_BAR_STACKED);
        const int shown = std::min<int>(ranked, static_cast<int>(kChartBids));
        const int last = kFirstBidRow + shown - 1;
        for (std::size_t t = 0; t < tops.size(); ++t) {
            const int column = firstTop + static_cast<int>(t);
            lxw_chart_series* series = chart_add_series(chart, nullptr, nullptr);
            chart_series_set_categories(series, "Summary", kFirstBidRow, 1,
                                        static_cast<lxw_row_t>(last), 1);
            chart_series_set_values(series, "Summary", kFirstBidRow, static_cast<lxw_col_t>(column),
                                    static_cast<lxw_row_t>(last), static_cast<lxw_col_t>(column));
            chart_series_set_name_range(series, "Summary", kHeaderRow,
                                        static_cast<lxw_col_t>(column));
        }
        const std::string chartTitle = shown < ranked
                                           ? "Points by group, top " + std::to_string(shown) +
                                                 " of " + std::to_string(ranked) + " ranked bids"
                                           : std::string("Points by group per bid");
        chart_title_set_name(chart, chartTitle.c_str());
        chart_set_series_gap(chart, 40);
        chart_set_series_overlap(chart, 100);
        chart_axis_set_reverse(chart->y_axis);
        chart_axis_set_name(chart->x_axis, "points");
        chart_legend_set_position(chart, LXW_CHART_LEGEND_BOTTOM);
        lxw_chart_options placement{};
        placement.x_scale = 2.4;
        placement.y_scale = 1.3 + 0.05 * std::max(0, shown - 6);
        // Below a short table, where it prints; beside a long one, where it is seen.
        const bool below = result_.bids.size() <= 60;
        const int chartRow =
            below ? kFirstBidRow + static_cast<int>(result_.bids.size()) + 1 : kHeaderRow;
        const int chartColumn = below ? 1 : checkColumn + 2;
        check(worksheet_insert_chart_opt(ws, static_cast<lxw_row_t>(chartRow),
                                         static_cast<lxw_col_t>(chartColumn), chart, &placement),
              "chart");
    }
    worksheet_set_landscape(ws);
    worksheet_fit_to_pages(ws, 1, 0);
    worksheet_repeat_rows(ws, kHeaderRow, kHeaderRow);
    const std::string header =
        "&L" + headerText(tender.id, 60) + "&CSummary&R" + headerText(tender.title, 120);
    worksheet_set_header(ws, header.c_str());
    const std::string footer =
        "&LPage &P of &N&RInputs SHA-256 " + inputsFingerprint_.substr(0, 16);
    worksheet_set_footer(ws, footer.c_str());
}

void Writer::writeModel(lxw_worksheet* ws) {
    const Tender& tender = folder_.tender;
    const auto& model = tender.model;
    text(ws, 0, 0, "Evaluation model of " + tender.id, f_.title);
    text(ws, kModelRoundingRow, 0, "Rounding (decimal places)", f_.bold);
    number(ws, kModelRoundingRow, 1, model.rounding, f_.input);
    text(ws, 2, 0, "Rounding rule", f_.bold);
    text(ws, 2, 1,
         "each leaf's points = ROUND(score x effective weight, B2), half away from zero as "
         "Excel's ROUND; totals are sums of the rounded points");
    text(ws, 3, 0, "Aggregation", f_.bold);
    text(ws, 3, 1, std::string(toString(model.aggregation)));
    text(ws, 4, 0, "Tie-break", f_.bold);
    std::string tieBreak;
    for (const auto& id : model.tieBreak)
        tieBreak += (tieBreak.empty() ? "" : " ") + id;
    text(ws, 4, 1,
         tieBreak.empty() ? std::string("(none: equal totals share the rank)") : tieBreak);
    text(ws, kModelLivingWageRow, 0, "Real Living Wage (hourly)", f_.bold);
    if (tender.livingWageRate) {
        number(ws, kModelLivingWageRow, 1, tender.livingWageRate->hourly.pounds(), f_.money);
        text(ws, 6, 0, "Statutory minimum (hourly)", f_.bold);
        number(ws, 6, 1, tender.livingWageRate->statutoryMinimum.pounds(), f_.money);
    }
    const std::vector<std::string> headers = {"Id",
                                              "Title",
                                              "Node",
                                              "Type",
                                              "Method",
                                              "Weight (% of parent)",
                                              "Effective weight (points)",
                                              "Value",
                                              "Notes"};
    for (std::size_t c = 0; c < headers.size(); ++c)
        text(ws, 8, static_cast<int>(c), headers[c], f_.header);
    worksheet_set_column(ws, 0, 0, 24, nullptr);
    worksheet_set_column(ws, 1, 1, 40, nullptr);
    worksheet_set_column(ws, 2, 4, 16, nullptr);
    worksheet_set_column(ws, 5, 7, 13, nullptr);
    worksheet_set_column(ws, 8, 8, 60, nullptr);
    worksheet_set_row(ws, 8, 30, nullptr);
    int row = 9;
    writeModelNodes(ws, model.children, -1, row);
    row += 1;
    text(ws, row++, 0, "Lint warnings", f_.bold);
    if (lint_.empty())
        text(ws, row++, 0, "(none)");
    for (const auto& diagnostic : lint_)
        text(ws, row++, 0, diagnostic.toString());
    worksheet_set_landscape(ws);
    worksheet_fit_to_pages(ws, 1, 0);
    worksheet_repeat_rows(ws, 8, 8);
}

void Writer::writeModelNodes(lxw_worksheet* ws, const std::vector<ModelNode>& nodes, int parentRow,
                             int& row) {
    for (const auto& node : nodes) {
        const int nodeRow = row++;
        text(ws, nodeRow, 0, node.id, f_.bold);
        text(ws, nodeRow, 1, node.title);
        if (node.kind == NodeKind::Gate) {
            text(ws, nodeRow, 2, "gate");
            text(ws, nodeRow, kModelNotes,
                 std::string("pass/fail; a failed gate excludes the bid") +
                     (node.missingGateAnswerFails ? "; a missing answer fails" : ""));
            continue;
        }
        number(ws, nodeRow, kModelWeight, node.weight, f_.input);
        const std::string effective =
            parentRow < 0
                ? cell(nodeRow, kModelWeight)
                : cell(nodeRow, kModelWeight) + "*" + absCell(parentRow, kModelEffective) + "/100";
        if (node.kind == NodeKind::Group) {
            text(ws, nodeRow, 2, "group");
            const auto g = result_.groupIndex(node.id);
            formula(ws, nodeRow, kModelEffective, effective,
                    g ? result_.groups[*g].effectiveWeight : 0);
            if (node.minPercent)
                text(ws, nodeRow, kModelNotes,
                     "threshold: a bid under " + formatDecimal(*node.minPercent) +
                         "% of this group's points is excluded");
            writeModelNodes(ws, node.children, nodeRow, row);
            continue;
        }
        const auto it = std::find_if(leaves_.begin(), leaves_.end(),
                                     [&](const LeafLayout& l) { return l.node == &node; });
        const auto& c = node.criterion;
        text(ws, nodeRow, 2, "criterion");
        text(ws, nodeRow, 3, std::string(toString(c.type)));
        const auto leafIndex = result_.leafIndex(node.id);
        formula(ws, nodeRow, kModelEffective, effective,
                leafIndex ? result_.leaves[*leafIndex].effectiveWeight : 0);
        std::string method;
        std::string notes;
        switch (c.type) {
        case CriterionType::Price:
            method = toString(c.priceMethod);
            if (c.discountRate)
                notes += "whole-life cost: P is the net present value at " +
                         formatDecimal(*c.discountRate) + "% a year; ";
            if (c.abnormallyLow) {
                if (c.abnormallyLow->belowMeanPercent)
                    notes += "abnormally low if more than " +
                             formatDecimal(*c.abnormallyLow->belowMeanPercent) +
                             "% below the mean of the other bids; ";
                if (c.abnormallyLow->belowEstimatePercent)
                    notes += "abnormally low if more than " +
                             formatDecimal(*c.abnormallyLow->belowEstimatePercent) +
                             "% below the estimate; ";
            }
            break;
        case CriterionType::Judgement:
            method = "judgement";
            if (c.scaleStep)
                notes += "scale step " + formatDecimal(*c.scaleStep) + "; ";
            if (c.minScore)
                notes += "threshold: a score under " + formatDecimal(*c.minScore) + " excludes; ";
            break;
        case CriterionType::SocialValue:
            method = toString(c.socialValueMethod);
            break;
        case CriterionType::Locality:
            method = toString(c.localityMethod);
            break;
        case CriterionType::LivingWage:
            method = toString(c.livingWageMethod);
            if (c.livingWageMethod == LivingWageMethod::Gate)
                notes += "not scored: a bid neither accredited nor committed is excluded; ";
            break;
        case CriterionType::Ownership:
            method = "table";
            if (!c.reserved.empty()) {
                notes += "reserved for:";
                for (const auto model : c.reserved)
                    notes += " " + std::string(toString(model));
                notes += "; ";
            }
            if (!c.justification.empty())
                notes += "s.23 justification: " + c.justification + "; ";
            break;
        }
        text(ws, nodeRow, 4, method);
        text(ws, nodeRow, kModelNotes, notes);
        if (it == leaves_.end())
            continue;
        const LeafLayout& leaf = *it;
        const auto param = [&](int paramRow, const std::string& name, double value,
                               const std::string& note = {}) {
            text(ws, paramRow, 1, "  " + name);
            number(ws, paramRow, kModelValue, value, f_.input);
            text(ws, paramRow, kModelNotes, note);
            row = std::max(row, paramRow + 1);
        };
        switch (c.type) {
        case CriterionType::Price:
            if (c.ceiling)
                param(leaf.param.at("ceiling"), "ceiling (qualification price)",
                      c.ceiling->pounds());
            break;
        case CriterionType::Judgement:
            param(leaf.param.at("scale max"), "scale max", c.scaleMax);
            break;
        case CriterionType::SocialValue: {
            if (leaf.param.count("target") != 0)
                param(leaf.param.at("target"), "target",
                      c.socialValueTarget ? c.socialValueTarget->pounds() : 0);
            for (std::size_t k = 0; k < c.measures.size(); ++k)
                param(leaf.measureRows[k],
                      "proxy of " + c.measures[k].id + " (" + c.measures[k].unit + ")",
                      c.measures[k].proxy.pounds(), c.measures[k].title);
            break;
        }
        case CriterionType::Locality:
            for (std::size_t k = 0; k < c.bands.size(); ++k) {
                const Area* area = folder_.tender.findArea(c.bands[k].areaId);
                std::string prefixes;
                if (area != nullptr)
                    for (const auto& prefix : area->prefixes)
                        prefixes += (prefixes.empty() ? "" : " ") + prefix.text();
                param(leaf.bandRows[k], "band " + c.bands[k].areaId, c.bands[k].score,
                      (area != nullptr ? area->name + ": " : std::string()) + prefixes);
            }
            if (c.localityMethod == LocalityMethod::SupplierLocation)
                param(leaf.param.at("otherwise"), "otherwise", c.otherwise);
            else if (c.localSpendTarget)
                param(leaf.param.at("target"), "target percent", *c.localSpendTarget);
            break;
        case CriterionType::LivingWage:
            if (c.livingWageMethod == LivingWageMethod::Tiered) {
                param(leaf.param.at("accredited"), "tier accredited", c.tiers.accredited);
                param(leaf.param.at("committed"), "tier committed", c.tiers.committed);
                param(leaf.param.at("meets-rate"), "tier meets-rate", c.tiers.meetsRate,
                      "lowest hourly rate at least the Real Living Wage (B6)");
                param(leaf.param.at("below"), "tier below", c.tiers.below);
            }
            break;
        case CriterionType::Ownership:
            for (std::size_t k = 0; k < c.ownershipScores.size(); ++k)
                param(leaf.ownershipRows[k],
                      "model " + std::string(toString(c.ownershipScores[k].model)),
                      c.ownershipScores[k].score);
            param(leaf.param.at("otherwise"), "otherwise", c.otherwise);
            break;
        }
    }
}

void Writer::writeDimension(lxw_worksheet* ws, const Dimension& dimension) {
    std::vector<std::size_t> mine;
    for (std::size_t i = 0; i < leaves_.size(); ++i)
        if (leaves_[i].node->criterion.type == dimension.type)
            mine.push_back(i);
    text(ws, 0, 0,
         std::string(dimension.sheet) + ": each bid's inputs and the formulas of its scores",
         f_.title);
    text(ws, 1, 0,
         "Eligible = 1 for bids compared (not excluded); lowest, highest and mean use eligible "
         "bids only. Points = ROUND(score x effective weight on Model, Model!B2).");
    // Rows 2-4: each block's title and its comparison figures (rows in order, as constant
    // memory writes them).
    for (int headerRow = 2; headerRow <= 4; ++headerRow)
        for (const std::size_t i : mine)
            writeLeafHeader(ws, leaves_[i], i, headerRow);
    text(ws, kHeaderRow, 0, "Bid", f_.header);
    text(ws, kHeaderRow, 1, "Supplier", f_.header);
    text(ws, kHeaderRow, 2, "Eligible", f_.header);
    for (const std::size_t i : mine) {
        const auto& leaf = leaves_[i];
        for (std::size_t c = 0; c < leaf.columns.size(); ++c)
            text(ws, kHeaderRow, leaf.firstColumn + static_cast<int>(c), leaf.columns[c],
                 f_.header);
    }
    worksheet_set_column(ws, 0, 0, 7, nullptr);
    worksheet_set_column(ws, 1, 1, 28, nullptr);
    worksheet_set_column(ws, 2, 2, 8, nullptr);
    for (const std::size_t i : mine) {
        const auto& leaf = leaves_[i];
        const auto first = static_cast<lxw_col_t>(leaf.firstColumn);
        worksheet_set_column(ws, first, static_cast<lxw_col_t>(first + leaf.columns.size() - 1), 14,
                             nullptr);
        worksheet_set_column(ws, static_cast<lxw_col_t>(first + leaf.columns.size()),
                             static_cast<lxw_col_t>(first + leaf.columns.size()), 3, nullptr);
    }
    worksheet_set_row(ws, kHeaderRow, 30, nullptr);
    worksheet_freeze_panes(ws, kFirstBidRow, 2);
    for (std::size_t b = 0; b < result_.bids.size(); ++b) {
        const BidResult& bid = result_.bids[b];
        const int row = kFirstBidRow + static_cast<int>(b);
        text(ws, row, 0, bid.bidId);
        text(ws, row, 1, bid.supplierName);
        number(ws, row, 2, isEligible(bid) ? 1 : 0);
        for (const std::size_t i : mine)
            writeLeafBid(ws, leaves_[i], i, bid, row);
    }
    worksheet_set_landscape(ws);
    worksheet_fit_to_pages(ws, 1, 0);
    worksheet_repeat_rows(ws, kHeaderRow, kHeaderRow);
}

// Rows 2, 3 and 4 of a block: called once per row so rows are written in order.
void Writer::writeLeafHeader(lxw_worksheet* ws, const LeafLayout& leaf, std::size_t leafIndex,
                             int row) {
    const LeafSummary& summary = result_.leaves[leafIndex];
    const auto& c = leaf.node->criterion;
    const int col = leaf.firstColumn;
    const bool any = !result_.bids.empty();
    const std::string elig = columnRange(2);
    if (row == 2) {
        text(ws, row, col,
             summary.criterionId + ": " + summary.title + " (" +
                 formatDecimal(summary.effectiveWeight) + " points, " +
                 (c.type == CriterionType::Price ? std::string(toString(c.priceMethod))
                  : c.type == CriterionType::SocialValue
                      ? std::string(toString(c.socialValueMethod))
                  : c.type == CriterionType::Locality   ? std::string(toString(c.localityMethod))
                  : c.type == CriterionType::LivingWage ? std::string(toString(c.livingWageMethod))
                  : c.type == CriterionType::Judgement  ? "scale 0-" + formatDecimal(c.scaleMax)
                                                        : std::string("table")) +
                 ")",
             f_.bold);
        if (c.type == CriterionType::Judgement) {
            text(ws, row, col + 2, "scale max");
            formula(ws, row, col + 3, paramOf(leaf, "scale max"), c.scaleMax);
        }
        return;
    }
    const auto figure = [&](int figureRow, const std::string& label, const std::string& f,
                            double cached, lxw_format* format) {
        if (row != figureRow)
            return;
        text(ws, row, col, label);
        if (any)
            formula(ws, row, col + 1, f, cached, format);
    };
    const std::string values = columnRange(leaf.figureColumn);
    switch (c.type) {
    case CriterionType::Price:
        if (!summary.scored)
            break;
        if (c.priceMethod == PriceMethod::MeanDeviation) {
            figure(3, "mean eligible", "AVERAGEIFS(" + values + "," + elig + ",1)",
                   summary.meanPrice, f_.money);
            break;
        }
        figure(3, "lowest eligible", "_xlfn.MINIFS(" + values + "," + elig + ",1)",
               summary.lowestPrice, f_.money);
        if (c.priceMethod == PriceMethod::LinearRange && c.ceiling)
            figure(4, "ceiling", paramOf(leaf, "ceiling"), c.ceiling->pounds(), f_.money);
        else if (c.priceMethod == PriceMethod::LinearRange || c.priceMethod == PriceMethod::Income)
            figure(4, "highest eligible", "_xlfn.MAXIFS(" + values + "," + elig + ",1)",
                   summary.highestPrice, f_.money);
        break;
    case CriterionType::SocialValue:
        if (c.socialValueMethod == SocialValueMethod::RelativeToHighest)
            figure(3, "highest eligible", "_xlfn.MAXIFS(" + values + "," + elig + ",1)",
                   summary.highestSocialValue, f_.money);
        else if (c.socialValueMethod == SocialValueMethod::RatioToPrice)
            figure(3, "highest eligible SV / P",
                   "_xlfn.MAXIFS(" + columnRange(leaf.figureColumn + 2) + "," + elig + ",1)",
                   summary.highestSocialValueRatio, f_.score);
        else
            figure(3, "target", paramOf(leaf, "target"),
                   c.socialValueTarget ? c.socialValueTarget->pounds() : 0, f_.money);
        break;
    case CriterionType::Locality:
        if (c.localityMethod == LocalityMethod::LocalSpend) {
            if (c.localSpendTarget)
                figure(3, "target percent", paramOf(leaf, "target"), *c.localSpendTarget,
                       f_.number);
            else
                figure(3, "highest eligible", "_xlfn.MAXIFS(" + values + "," + elig + ",1)",
                       summary.highestLocalSpend, f_.number);
        }
        break;
    case CriterionType::LivingWage:
        if (folder_.tender.livingWageRate)
            figure(3, "Real Living Wage", modelRef(kModelLivingWageRow, 1),
                   folder_.tender.livingWageRate->hourly.pounds(), f_.money);
        break;
    case CriterionType::Judgement:
    case CriterionType::Ownership:
        break;
    }
}

void Writer::writeLeafBid(lxw_worksheet* ws, const LeafLayout& leaf, std::size_t leafIndex,
                          const BidResult& bid, int row) {
    const auto& c = leaf.node->criterion;
    const LeafSummary& summary = result_.leaves[leafIndex];
    const int col = leaf.firstColumn;
    const Bid* input = inputBidOf(bid, folder_.bids);
    const CriterionResult* r = leafIndex < bid.criteria.size() ? &bid.criteria[leafIndex] : nullptr;
    const std::string x = cell(row, col); // the block's first input
    const auto fig = [&](int figureRow) {
        return absCell(figureRow, col + 1);
    };
    std::string score;
    switch (c.type) {
    case CriterionType::Price: {
        if (r != nullptr)
            number(ws, row, col, r->figure, f_.money);
        else if (bid.price && (&leaf == priceLeaf_ || !c.discountRate))
            number(ws, row, col, *bid.price, f_.money);
        else if (input != nullptr && input->price && !c.discountRate)
            number(ws, row, col, input->price->pounds(), f_.money);
        switch (c.priceMethod) {
        case PriceMethod::LowestRelative:
            score = "IF(" + x + ">0," + fig(3) + "/" + x + ",0)";
            break;
        case PriceMethod::LinearRange:
            if (c.ceiling)
                score = "IF(" + fig(4) + "<=" + fig(3) + ",IF(" + x + "<=" + fig(4) + ",1,0),(" +
                        fig(4) + "-" + x + ")/(" + fig(4) + "-" + fig(3) + "))";
            else
                score = "IF(" + fig(4) + "=" + fig(3) + ",1,(" + fig(4) + "-" + x + ")/(" + fig(4) +
                        "-" + fig(3) + "))";
            break;
        case PriceMethod::LowestDeviation:
            score = "IF(" + fig(3) + ">0,1-(" + x + "-" + fig(3) + ")/" + fig(3) + ",0)";
            break;
        case PriceMethod::MeanDeviation:
            score = "IF(" + fig(3) + ">0,0.5-(" + x + "-" + fig(3) + ")/" + fig(3) + ",0)";
            break;
        case PriceMethod::Income:
            score = "IF(" + fig(4) + ">0," + x + "/" + fig(4) + ",0)";
            break;
        }
        break;
    }
    case CriterionType::Judgement:
        if (r != nullptr) {
            number(ws, row, col, r->figure);
            text(ws, row, col + 1,
                 r->source == JudgementSource::Consensus ? "consensus" : "evaluators' mean");
        }
        score = "IF(" + absCell(2, col + 3) + ">0," + x + "/" + absCell(2, col + 3) + ",0)";
        break;
    case CriterionType::SocialValue: {
        const int sv = leaf.figureColumn;
        const std::string svCell = cell(row, sv);
        if (input != nullptr) {
            std::string sum;
            for (std::size_t k = 0; k < c.measures.size(); ++k) {
                const auto& measure = c.measures[k];
                const int q = col + static_cast<int>(3 * k);
                double quantity = 0;
                for (const auto& commitment : input->commitments)
                    if (commitment.measureId == measure.id)
                        quantity += commitment.quantity;
                const DeliverabilityFactor* factor =
                    folder_.evaluations.findDeliverability(input->id, measure.id);
                number(ws, row, q, quantity, f_.input);
                number(ws, row, q + 1, factor != nullptr ? factor->factor : 1, f_.input);
                formula(ws, row, q + 2,
                        cell(row, q) + "*" + modelRef(leaf.measureRows[k], kModelValue) + "*" +
                            cell(row, q + 1),
                        commitmentValue(quantity, measure.proxy, factor), f_.money);
                sum += (sum.empty() ? "" : ",") + cell(row, q + 2);
            }
            formula(ws, row, sv, sum.empty() ? std::string("0") : "SUM(" + sum + ")",
                    r != nullptr ? r->figure : 0, f_.money);
        }
        if (c.socialValueMethod == SocialValueMethod::RatioToPrice) {
            const double price = bid.price.value_or(0);
            if (bid.price && priceLeaf_ != nullptr)
                formula(ws, row, sv + 1,
                        quotedSheet(priceLeaf_->sheet) + cell(row, priceLeaf_->figureColumn), price,
                        f_.money);
            else if (bid.price)
                number(ws, row, sv + 1, price, f_.money);
            if (r != nullptr)
                formula(ws, row, sv + 2,
                        "IF(" + cell(row, sv + 1) + ">0," + svCell + "/" + cell(row, sv + 1) +
                            ",0)",
                        price > 0 ? r->figure / price : 0, f_.score);
            score = "IF(AND(" + fig(3) + ">0," + cell(row, sv + 1) + ">0)," + cell(row, sv + 2) +
                    "/" + fig(3) + ",0)";
        } else if (c.socialValueMethod == SocialValueMethod::Target) {
            score = "IF(" + fig(3) + ">0,MIN(1," + svCell + "/" + fig(3) + "),1)";
        } else {
            score = "IF(" + fig(3) + ">0," + svCell + "/" + fig(3) + ",0)";
        }
        break;
    }
    case CriterionType::Locality:
        if (c.localityMethod == LocalityMethod::SupplierLocation) {
            if (input != nullptr && input->supplier.postcode)
                text(ws, row, col, input->supplier.postcode->text());
            if (r != nullptr) {
                const bool matched =
                    r->match >= 0 && static_cast<std::size_t>(r->match) < leaf.bandRows.size();
                text(ws, row, col + 1,
                     matched ? c.bands[static_cast<std::size_t>(r->match)].areaId
                             : std::string("(otherwise)"));
                score = matched ? modelRef(leaf.bandRows[static_cast<std::size_t>(r->match)],
                                           kModelValue)
                                : paramOf(leaf, "otherwise");
            }
        } else {
            if (input != nullptr && input->localSpendPercent)
                number(ws, row, col, *input->localSpendPercent);
            score = c.localSpendTarget ? "IF(" + fig(3) + ">0,MIN(1," + x + "/" + fig(3) + "),1)"
                                       : "IF(" + fig(3) + ">0," + x + "/" + fig(3) + ",0)";
        }
        break;
    case CriterionType::LivingWage:
        if (input != nullptr && input->livingWage) {
            number(ws, row, col, input->livingWage->accredited ? 1 : 0);
            number(ws, row, col + 1, input->livingWage->committed ? 1 : 0);
            if (input->livingWage->lowestHourlyRate)
                number(ws, row, col + 2, input->livingWage->lowestHourlyRate->pounds(), f_.money);
        }
        if (r != nullptr)
            text(ws, row, col + 3, std::string(toString(r->tier)));
        if (c.livingWageMethod == LivingWageMethod::Tiered) {
            const std::string rate = cell(row, col + 2);
            const std::string rlw = modelRef(kModelLivingWageRow, 1);
            score = "IF(" + x + "=1," + paramOf(leaf, "accredited") + ",IF(" + cell(row, col + 1) +
                    "=1," + paramOf(leaf, "committed") + ",IF(AND(ISNUMBER(" + rate +
                    "),ISNUMBER(" + rlw + ")," + rate + ">=" + rlw + ")," +
                    paramOf(leaf, "meets-rate") + "," + paramOf(leaf, "below") + ")))";
        }
        break;
    case CriterionType::Ownership:
        if (input != nullptr)
            text(ws, row, col, std::string(toString(input->supplier.ownership)));
        if (r != nullptr) {
            const bool listed =
                r->match >= 0 && static_cast<std::size_t>(r->match) < leaf.ownershipRows.size();
            score = listed ? modelRef(leaf.ownershipRows[static_cast<std::size_t>(r->match)],
                                      kModelValue)
                           : paramOf(leaf, "otherwise");
        }
        break;
    }
    if (r == nullptr || leaf.scoreColumn < 0 || !summary.scored || score.empty())
        return;
    formula(ws, row, leaf.scoreColumn, "MAX(0,MIN(1," + score + "))", r->score, f_.score);
    formula(ws, row, leaf.pointsColumn,
            "ROUND(" + cell(row, leaf.scoreColumn) + "*" + weightOf(leaf) + "," + rounding() + ")",
            r->points, f_.points);
}

void Writer::writePanel(lxw_worksheet* ws) {
    const Evaluations& evaluations = folder_.evaluations;
    text(ws, 0, 0,
         "Panel: every evaluator's score and reason, the consensus and its reason, and each "
         "deliverability factor on a social value commitment",
         f_.title);
    const std::vector<std::string> headers = {"Bid", "Supplier", "Criterion", "Kind",
                                              "Who", "Value",    "Reason",    "Flag"};
    for (std::size_t c = 0; c < headers.size(); ++c)
        text(ws, 1, static_cast<int>(c), headers[c], f_.header);
    worksheet_set_column(ws, 0, 0, 7, nullptr);
    worksheet_set_column(ws, 1, 1, 26, nullptr);
    worksheet_set_column(ws, 2, 5, 11, nullptr);
    worksheet_set_column(ws, 6, 6, 70, f_.wrap);
    worksheet_set_column(ws, 7, 7, 40, nullptr);
    worksheet_freeze_panes(ws, 2, 0);
    // Indexed once by bid: a linear search per bid would be quadratic for large tenders.
    std::unordered_map<std::string, std::vector<const EvaluatorScore*>> scores;
    std::unordered_map<std::string, std::vector<const ConsensusScore*>> consensus;
    for (const auto& score : evaluations.scores)
        scores[score.bidId].push_back(&score);
    for (const auto& agreed : evaluations.consensus)
        consensus[agreed.bidId].push_back(&agreed);
    int row = 2;
    for (const BidResult& bid : result_.bids) {
        const auto s = scores.find(bid.bidId);
        const auto k = consensus.find(bid.bidId);
        for (const auto& leaf : result_.leaves) {
            if (leaf.type != CriterionType::Judgement)
                continue;
            std::string flag;
            for (const auto& f : bid.flags)
                if (f.criterionId == leaf.criterionId &&
                    (f.kind == FlagKind::EvaluatorSpread || f.kind == FlagKind::Unmoderated))
                    flag += (flag.empty() ? "" : "; ") + std::string(toString(f.kind)) + ": " +
                            f.detail;
            bool any = false;
            if (s != scores.end())
                for (const auto* score : s->second) {
                    if (score->criterionId != leaf.criterionId)
                        continue;
                    text(ws, row, 0, bid.bidId);
                    text(ws, row, 1, bid.supplierName);
                    text(ws, row, 2, leaf.criterionId);
                    text(ws, row, 3, "evaluator");
                    text(ws, row, 4, score->evaluator);
                    number(ws, row, 5, score->value);
                    text(ws, row, 6, score->reason, f_.wrap);
                    text(ws, row, 7, flag);
                    ++row;
                    any = true;
                }
            if (k != consensus.end())
                for (const auto* agreed : k->second) {
                    if (agreed->criterionId != leaf.criterionId)
                        continue;
                    text(ws, row, 0, bid.bidId, f_.bold);
                    text(ws, row, 1, bid.supplierName, f_.bold);
                    text(ws, row, 2, leaf.criterionId, f_.bold);
                    text(ws, row, 3, "consensus", f_.bold);
                    text(ws, row, 4, agreed->moderator, f_.bold);
                    number(ws, row, 5, agreed->value, f_.bold);
                    text(ws, row, 6, agreed->reason, f_.wrap);
                    ++row;
                    any = true;
                }
            (void)any;
        }
    }
    // The deliverability factors on social value commitments, with the panel's reasons: the
    // factors the Social value sheet multiplies by.
    for (const BidResult& bid : result_.bids)
        for (const auto& d : evaluations.deliverability) {
            if (d.bidId != bid.bidId)
                continue;
            text(ws, row, 0, bid.bidId);
            text(ws, row, 1, bid.supplierName);
            text(ws, row, 2, d.measureId);
            text(ws, row, 3, "deliverability");
            number(ws, row, 5, d.factor);
            text(ws, row, 6, d.reason, f_.wrap);
            ++row;
        }
    if (row == 2)
        text(ws, row, 0, "(no evaluations)");
    worksheet_set_landscape(ws);
    worksheet_fit_to_pages(ws, 1, 0);
    worksheet_repeat_rows(ws, 1, 1);
}

// One bid's page: its status, total and a row per leaf with points available, score,
// points (formulas onto the dimension sheets) and the derivation in words. Returns the row
// after the block.
int Writer::writeScorecard(lxw_worksheet* ws, const BidResult& bid, std::size_t bidIndex, int row) {
    const int bidRow = kFirstBidRow + static_cast<int>(bidIndex);
    text(ws, row++, 0, "Bid " + bid.bidId + ": " + bid.supplierName, f_.title);
    text(ws, row, 0, "Status", f_.bold);
    text(ws, row++, 1,
         std::string(toString(bid.status)) +
             (bid.exclusionReasons.empty() ? "" : ": " + bid.exclusionReason()));
    if (bid.rank) {
        text(ws, row, 0, "Rank", f_.bold);
        formula(ws, row++, 1, "Summary!" + absCell(bidRow, summaryRankColumn_), *bid.rank);
    }
    if (bid.status == BidStatus::Ranked) {
        text(ws, row, 0, "Total", f_.bold);
        formula(ws, row++, 1, "Summary!" + absCell(bidRow, summaryTotalColumn_), bid.total,
                f_.points);
    }
    if (bid.price) {
        text(ws, row, 0, "Price (P)", f_.bold);
        if (priceLeaf_ != nullptr)
            formula(ws, row++, 1,
                    quotedSheet(priceLeaf_->sheet) + cell(bidRow, priceLeaf_->figureColumn),
                    *bid.price, f_.money);
        else
            number(ws, row++, 1, *bid.price, f_.money);
    }
    std::string flags;
    for (const auto& flag : bid.flags)
        flags +=
            (flags.empty() ? "" : "; ") + std::string(toString(flag.kind)) + ": " + flag.detail;
    if (!flags.empty()) {
        text(ws, row, 0, "Flags", f_.bold);
        text(ws, row++, 1, flags, f_.wrap);
    }
    for (const auto& note : bid.notes) {
        text(ws, row, 0, "Note", f_.bold);
        text(ws, row++, 1, note, f_.wrap);
    }
    if (bid.status != BidStatus::Ranked)
        return row + 1;
    ++row;
    // The derivation is text: the evaluation as run on the exported inputs. The score and
    // points beside it are live and follow any change made in the workbook.
    const std::vector<std::string> headers = {
        "Criterion",
        "Title",
        "Available",
        "Score",
        "Points",
        "How the points arose (text of the evaluation as run on the inputs exported; the cells "
        "to its left recalculate)"};
    for (std::size_t c = 0; c < headers.size(); ++c)
        text(ws, row, static_cast<int>(c), headers[c], f_.header);
    ++row;
    const Bid* input = inputBidOf(bid, folder_.bids);
    for (std::size_t i = 0; i < leaves_.size() && i < bid.criteria.size(); ++i) {
        const auto& leaf = leaves_[i];
        const auto& summary = result_.leaves[i];
        text(ws, row, 0, summary.criterionId);
        text(ws, row, 1, summary.title);
        formula(ws, row, 2, weightOf(leaf), summary.effectiveWeight, f_.number);
        if (leaf.scoreColumn >= 0) {
            formula(ws, row, 3, quotedSheet(leaf.sheet) + cell(bidRow, leaf.scoreColumn),
                    bid.criteria[i].score, f_.score);
            formula(ws, row, 4, quotedSheet(leaf.sheet) + cell(bidRow, leaf.pointsColumn),
                    bid.criteria[i].points, f_.points);
        } else {
            text(ws, row, 3, "not scored");
        }
        if (input != nullptr)
            text(ws, row, 5,
                 derive(result_, bid, i, folder_.tender, *input, folder_.evaluations).formula,
                 f_.wrap);
        ++row;
    }
    return row + 1;
}

void Writer::writeScorecards() {
    const Tender& tender = folder_.tender;
    const std::string footer =
        "&LPage &P of &N&RInputs SHA-256 " + inputsFingerprint_.substr(0, 16);
    const auto layout = [&](lxw_worksheet* ws) {
        worksheet_set_column(ws, 0, 0, 16, nullptr);
        worksheet_set_column(ws, 1, 1, 34, nullptr);
        worksheet_set_column(ws, 2, 4, 12, nullptr);
        worksheet_set_column(ws, 5, 5, 90, nullptr);
        worksheet_set_landscape(ws);
        worksheet_set_paper(ws, 9); // A4
        worksheet_fit_to_pages(ws, 1, 0);
        worksheet_set_footer(ws, footer.c_str());
    };
    if (result_.bids.size() <= options_.maxScorecardSheets) {
        for (std::size_t b = 0; b < result_.bids.size(); ++b) {
            const BidResult& bid = result_.bids[b];
            lxw_worksheet* ws = addSheet("Scorecard " + bid.bidId);
            if (ws == nullptr)
                return;
            layout(ws);
            const std::string header =
                "&L" + headerText(tender.id, 50) + "&C" +
                headerText("Bid " + bid.bidId + ": " + bid.supplierName, 100) + "&R" +
                headerText(tender.title, 80);
            worksheet_set_header(ws, header.c_str());
            writeScorecard(ws, bid, b, 0);
        }
        return;
    }
    lxw_worksheet* ws = addSheet("Scorecards");
    if (ws == nullptr)
        return;
    layout(ws);
    const std::string header = "&L" + headerText(tender.id, 50) +
                               "&CScorecards: one page per bid&R" + headerText(tender.title, 80);
    worksheet_set_header(ws, header.c_str());
    // Excel keeps at most 1,023 manual page breaks; later bids follow without a forced break.
    std::vector<lxw_row_t> breaks;
    int row = 0;
    for (std::size_t b = 0; b < result_.bids.size(); ++b) {
        if (b > 0 && breaks.size() < 1023)
            breaks.push_back(static_cast<lxw_row_t>(row));
        row = writeScorecard(ws, result_.bids[b], b, row);
    }
    breaks.push_back(0);
    check(worksheet_set_h_pagebreaks(ws, breaks.data()), "page breaks");
}

void Writer::writeSensitivity(lxw_worksheet* ws, const AwardSensitivity& s) {
    const int places = result_.rounding;
    const auto winnerText = [](const std::optional<std::string>& winner) {
        return winner ? *winner : std::string("tie for first place");
    };
    text(ws, 0, 0, "How robust is this award", f_.title);
    text(ws, 1, 0, verdictText(s, places), f_.bold);
    int row = 3;
    const auto line = [&](const std::string& name, const std::string& value) {
        text(ws, row, 0, name, f_.bold);
        text(ws, row++, 1, value);
    };
    line("Winner", s.winner.value_or("none (first place tied or nothing ranked)"));
    line("Runner-up", s.runnerUp.value_or("none"));
    if (s.margin) {
        text(ws, row, 0, s.marginInPounds ? "Margin (pounds per point)" : "Margin (points)",
             f_.bold);
        const BidResult* winner = s.winner ? result_.findBid(*s.winner) : nullptr;
        const BidResult* runnerUp = s.runnerUp ? result_.findBid(*s.runnerUp) : nullptr;
        if (!s.marginInPounds && winner != nullptr && runnerUp != nullptr) {
            // Live: the winner's total less the runner-up's, on the Summary sheet.
            const auto totalOf = [&](const BidResult* bid) {
                const auto index = static_cast<int>(bid - result_.bids.data());
                return "Summary!" + absCell(kFirstBidRow + index, summaryTotalColumn_);
            };
            formula(ws, row++, 1, totalOf(winner) + "-" + totalOf(runnerUp), *s.margin, f_.points);
        } else {
            number(ws, row++, 1, *s.margin, f_.money);
        }
    }
    text(ws, row, 0, "Close margin", f_.bold);
    number(ws, row++, 1, s.closeMargin, f_.points);
    line("Clear winner", s.clearWinner ? "yes" : "no: record why the award stands");

    row += 1;
    text(ws, row++, 0, "Weight flips", f_.title);
    text(ws, row++, 0,
         "The nearest weight (percent of the parent, on a 0.01 grid; the siblings rescaled in "
         "proportion) at which another bid wins, each way, confirmed by the full evaluation; "
         "blank where no weight that way changes the winner.");
    const std::vector<std::string> flipHeaders{"Node", "Title", "Weight", "Down to",
                                               "Wins", "Up to", "Wins",   "Nearest"};
    for (std::size_t c = 0; c < flipHeaders.size(); ++c)
        text(ws, row, static_cast<int>(c), flipHeaders[c], f_.header);
    ++row;
    for (const auto& flips : s.weightFlips) {
        text(ws, row, 0, flips.nodeId);
        text(ws, row, 1, flips.title);
        number(ws, row, 2, flips.weight, f_.money);
        if (flips.down) {
            number(ws, row, 3, flips.down->weight, f_.money);
            text(ws, row, 4, winnerText(flips.down->newWinner));
        }
        if (flips.up) {
            number(ws, row, 5, flips.up->weight, f_.money);
            text(ws, row, 6, winnerText(flips.up->newWinner));
        }
        if (const WeightFlip* nearest = flips.nearest())
            // Both on the 0.01 grid: the distance is too, not 24.09999999999999.
            number(ws, row, 7, roundHalfAwayFromZero(std::abs(nearest->weight - flips.weight), 2),
                   f_.money);
        ++row;
    }

    row += 1;
    text(ws, row++, 0, "Mark flips", f_.title);
    text(ws, row++, 0,
         "Every single judgement value (the consensus, or the evaluators' mean) moved one "
         "scale step that alone changes the winner.");
    const std::vector<std::string> markHeaders{"Bid", "Criterion", "From", "To", "New winner"};
    for (std::size_t c = 0; c < markHeaders.size(); ++c)
        text(ws, row, static_cast<int>(c), markHeaders[c], f_.header);
    ++row;
    if (s.markFlips.empty())
        text(ws, row++, 0, "none: no single step changes the winner");
    for (const auto& flip : s.markFlips) {
        text(ws, row, 0, flip.bidId);
        text(ws, row, 1, flip.criterionId);
        number(ws, row, 2, flip.from, f_.number);
        number(ws, row, 3, flip.to, f_.number);
        text(ws, row++, 4, winnerText(flip.newWinner));
    }

    row += 1;
    const auto& odds = s.odds;
    text(ws, row++, 0, "First-place odds", f_.title);
    text(ws, row++, 0,
         std::to_string(odds.samples) + " samples, seed " + std::to_string(odds.seed) +
             "; each sample draws the weights around the published ones (Dirichlet, a "
             "coefficient of variation of about 10%) and moves each judgement value a step "
             "up or down with probability " +
             formatDecimal(odds.stepProbability) + " each.");
    text(ws, row, 0, "Bid", f_.header);
    text(ws, row, 1, "Samples won", f_.header);
    text(ws, row++, 2, "Share of first places", f_.header);
    const int firstOddsRow = row;
    lxw_format* share = workbook_add_format(workbook_);
    format_set_num_format(share, "0.0%");
    for (const auto& entry : odds.bids) {
        text(ws, row, 0, entry.bidId);
        const double won = std::round(entry.share * static_cast<double>(odds.samples));
        number(ws, row, 1, won, f_.number);
        // Live: the samples won over the samples drawn.
        formula(ws, row, 2,
                cell(row, 1) + "/" + std::to_string(std::max<std::size_t>(odds.samples, 1)),
                entry.share, share);
        ++row;
    }
    if (!odds.bids.empty()) {
        text(ws, row, 0, "All", f_.bold);
        formula(ws, row, 1, "SUM(" + cell(firstOddsRow, 1) + ":" + cell(row - 1, 1) + ")",
                static_cast<double>(odds.samples), f_.number);
    }
    worksheet_set_column(ws, 0, 0, 22, nullptr);
    worksheet_set_column(ws, 1, 1, 36, nullptr);
    worksheet_set_column(ws, 2, 7, 12, nullptr);
    worksheet_set_landscape(ws);
    worksheet_fit_to_pages(ws, 1, 0);
}

void Writer::writeProvenance(lxw_worksheet* ws) {
    const Tender& tender = folder_.tender;
    text(ws, 0, 0, "Provenance", f_.title);
    int row = 1;
    const auto line = [&](const std::string& name, const std::string& value) {
        text(ws, row, 0, name, f_.bold);
        text(ws, row++, 1, value, f_.wrap);
    };
    line("Tender id", tender.id);
    line("Tender title", tender.title);
    line("Buyer", tender.buyer);
    line("Tool", "fairtender " + options_.toolVersion);
    line("Time of export", options_.exportedAt.empty() ? utcTimestampNow() : options_.exportedAt);
    line("Rounding rule", "each criterion's points rounded to " + std::to_string(result_.rounding) +
                              " decimal places, half away from zero (Excel's ROUND); totals are "
                              "sums of the rounded points; ranks compare the totals, then the "
                              "tie-break on the Model sheet");
    line("Inputs SHA-256", inputsFingerprint_);
    line("How to recompute",
         "Every score and points cell on the dimension sheets is a formula over the bid's "
         "inputs (the cells to its left on the same row), the eligible bids' lowest, highest or "
         "mean "
         "(rows 4-5 above each block) and the Model sheet (effective weights in column G, "
         "parameters in column H, rounding places in B2). Summary totals sum those points. "
         "Recalculate (Ctrl+Alt+F9 in Excel) and the totals are unchanged. The inputs "
         "fingerprint is the SHA-256 of the lines 'hash  file' below, in this order.");
    ++row;
    text(ws, row, 0, "Input file", f_.header);
    text(ws, row++, 1, "SHA-256", f_.header);
    for (const auto& [name, hash] : fileHashes_) {
        text(ws, row, 0, name);
        text(ws, row++, 1, hash);
    }
    worksheet_set_column(ws, 0, 0, 28, nullptr);
    worksheet_set_column(ws, 1, 1, 100, nullptr);
    worksheet_set_landscape(ws);
    worksheet_fit_to_pages(ws, 1, 0);
}

} // namespace

std::string excelSheetName(const std::string& wanted) {
    std::string name;
    for (char c : wanted)
        name += std::string("[]:*?/\\").find(c) != std::string::npos ? '-' : c;
    while (!name.empty() && name.front() == '\'')
        name.erase(name.begin());
    name = name.substr(0, utf8Prefix(name, 31));
    while (!name.empty() && name.back() == '\'')
        name.pop_back();
    return name.empty() ? std::string("Sheet") : name;
}

std::string excelCellText(const std::string& text, bool& cut) {
    cut = false;
    const std::size_t length = utf8Length(text);
    if (length <= kExcelCellLimit)
        return text;
    cut = true;
    const std::string marker = "... [cut: " + std::to_string(length) + " characters]";
    return text.substr(0, utf8Prefix(text, kExcelCellLimit - marker.size())) + marker;
}

ExportResult exportScorecard(const TenderFolder& folder, const EvaluationResult& result,
                             const std::vector<Diagnostic>& lint, const ScorecardOptions& options,
                             const fs::path& out) {
    ExportResult failed;
    const auto fail = [&](const std::string& message) {
        failed.diagnostics.push_back(errorAt({out.string(), 0, 0}, message));
        failed.sheets.clear();
        return failed;
    };
    if (out.filename().empty())
        return fail("the scorecard needs a file name, such as scorecard.xlsx");
    if (const auto problem = outputPathProblem(out, {}))
        return fail("cannot write the scorecard: " + *problem);
    std::error_code error;
    const fs::path parent = out.parent_path().empty() ? fs::path(".") : out.parent_path();
    if (!fs::is_directory(parent, error))
        return fail("cannot write the scorecard: no folder " + parent.string());
    if (fs::is_directory(out, error))
        return fail("cannot write the scorecard: " + out.string() + " is a folder");
    try {
        Writer writer(folder, result, lint, options, parent / out.filename());
        ExportResult outcome;
        const auto failed =
            replaceFileWith(parent / out.filename(), [&](const fs::path& temporary) {
                const bool written = writer.write(temporary);
                outcome = std::move(writer.outcome());
                if (!written || !outcome.ok())
                    return false;
                if (options.beforeRename && !options.beforeRename(temporary)) {
                    outcome.diagnostics.push_back(
                        errorAt({out.string(), 0, 0},
                                "cannot write the scorecard: the write was interrupted"));
                    return false;
                }
                return true;
            });
        if (failed && !failed->empty())
            outcome.diagnostics.push_back(
                errorAt({out.string(), 0, 0}, "cannot write the scorecard: " + *failed));
        if (failed)
            outcome.sheets.clear();
        return outcome;
    } catch (const std::exception& e) {
        return fail(std::string("cannot write the scorecard: ") + e.what());
    }
}

} // namespace fairtender
