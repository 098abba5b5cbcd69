#include "reports/PdfReports.h"

#include "core/AtomicFile.h"
#include "core/MarkupText.h"
#include "core/OutputPath.h"

#include <QAbstractTextDocumentLayout>
#include <QBuffer>
#include <QFont>
#include <QFontMetricsF>
#include <QGuiApplication>
#include <QImage>
#include <QPageLayout>
#include <QPageSize>
#include <QPainter>
#include <QPdfWriter>
#include <QTextDocument>
#include <QUrl>

#include <cstdlib>

namespace fairtender::reports {

namespace fs = std::filesystem;

namespace {

constexpr int kDpi = 300;
constexpr double kMarginLeftMm = 18;
constexpr double kMarginRightMm = 18;
constexpr double kMarginTopMm = 22;    // room for the header line
constexpr double kMarginBottomMm = 20; // room for the footer line
const char* const kFont = "DejaVu Sans";

double mmToPx(double mm) {
    return mm / 25.4 * kDpi;
}

// HTML text: the five characters HTML gives meaning to, escaped.
std::string h(const std::string& text) {
    return markupEscaped(text, MarkupPlace::Html);
}

// `pattern` with %1, %2 ... replaced by `values` in order.
std::string arg(const std::string& pattern, std::initializer_list<std::string> values) {
    std::string out;
    for (std::size_t i = 0; i < pattern.size(); ++i) {
        if (pattern[i] == '%' && i + 1 < pattern.size() && pattern[i + 1] >= '1' &&
            pattern[i + 1] <= '9') {
            const auto index = static_cast<std::size_t>(pattern[i + 1] - '1');
            if (index < values.size()) {
                out += *(values.begin() + index);
                ++i;
                continue;
            }
        }
        out += pattern[i];
    }
    return out;
}

// Printed tables: thin black rules and a grey header, which survive a black and white printer.
const char* const kStyle = R"(
body { font-family: 'DejaVu Sans'; font-size: 9pt; }
h1 { font-size: 16pt; margin-bottom: 4px; }
h2 { font-size: 12pt; margin-top: 14px; margin-bottom: 4px; }
h3 { font-size: 10pt; margin-top: 10px; margin-bottom: 2px; }
p { margin-top: 2px; margin-bottom: 4px; }
table { border-collapse: collapse; margin-top: 2px; }
th { background-color: #d9d9d9; font-weight: bold; text-align: left; }
td.num, th.num { text-align: right; }
td.num { white-space: nowrap; }
table.dense { font-size: 7pt; }
.hash { font-family: 'DejaVu Sans Mono'; font-size: 7pt; }
.small { font-size: 8pt; }
.lead { font-size: 11pt; }
)";

std::string tableOpen(const std::vector<std::string>& headers,
                      const std::vector<bool>& numeric = {}, const char* tableClass = "",
                      const std::vector<std::string>& widths = {}) {
    std::string html = arg("<table class=\"%1\" border=\"1\" cellspacing=\"0\" cellpadding=\"%2\" "
                           "width=\"100%\"><thead><tr>",
                           {tableClass, std::string(tableClass) == "dense" ? "2" : "3"});
    for (std::size_t i = 0; i < headers.size(); ++i)
        html += arg("<th%1%2>%3</th>",
                    {i < numeric.size() && numeric[i] ? " class=\"num\"" : "",
                     i < widths.size() && !widths[i].empty() ? " width=\"" + widths[i] + "\"" : "",
                     headers[i]});
    return html + "</tr></thead><tbody>";
}

std::string row(const std::vector<std::string>& cells, const std::vector<bool>& numeric = {}) {
    std::string html = "<tr>";
    for (std::size_t i = 0; i < cells.size(); ++i)
        html += arg("<td%1>%2</td>",
                    {i < numeric.size() && numeric[i] ? " class=\"num\"" : "", cells[i]});
    return html + "</tr>";
}

const char* const kTableClose = "</tbody></table>";

// Shades and hatches distinct in greyscale: the fill tells groups apart even photocopied.
struct Swatch {
    int grey;
    Qt::BrushStyle hatch;
};
constexpr Swatch kSwatches[] = {
    {60, Qt::NoBrush},        {235, Qt::BDiagPattern}, {150, Qt::NoBrush},
    {255, Qt::CrossPattern},  {200, Qt::FDiagPattern}, {110, Qt::NoBrush},
    {255, Qt::HorPattern},    {180, Qt::VerPattern},   {255, Qt::DiagCrossPattern},
    {220, Qt::Dense6Pattern},
};

void fillSwatch(QPainter& painter, const QRectF& rect, std::size_t index) {
    const Swatch& s = kSwatches[index % std::size(kSwatches)];
    painter.fillRect(rect, QColor(s.grey, s.grey, s.grey));
    if (s.hatch != Qt::NoBrush) {
        QBrush brush(Qt::black, s.hatch);
        brush.setTransform(QTransform::fromScale(3, 3)); // hatch lines visible at print size
        painter.fillRect(rect, brush);
    }
    painter.setPen(QPen(Qt::black, 1.5));
    painter.setBrush(Qt::NoBrush);
    painter.drawRect(rect);
}

// Stacked horizontal bars of points by top-level node, one per ranked bid, rank 1 on top.
QImage drawChart(const AwardReportContent& c, double widthCss) {
    constexpr double scale = 3; // pixels per CSS pixel: sharp at 300 dpi print
    const double width = widthCss * scale;
    const std::size_t bars = c.chart.size();
    const double rowHeight = (bars <= 20 ? 22 : bars <= 40 ? 14 : 9) * scale;
    const double labelWidth = width * 0.30;
    const double totalWidth = 44 * scale;
    const double plotWidth = width - labelWidth - totalWidth;
    const double legendRowHeight = 16 * scale;
    const std::size_t legendPerRow = 3;
    const std::size_t legendRows = (c.columns.size() + legendPerRow - 1) / legendPerRow;
    const double axisHeight = 18 * scale;
    const double titleHeight = 30 * scale;
    const double height = titleHeight + static_cast<double>(bars) * rowHeight + axisHeight +
                          legendRowHeight * static_cast<double>(legendRows) + 8 * scale;
    QImage image(static_cast<int>(width), static_cast<int>(height), QImage::Format_RGB32);
    image.fill(Qt::white);
    QPainter painter(&image);
    painter.setRenderHint(QPainter::Antialiasing);
    QFont font(QString::fromUtf8(kFont));
    font.setPixelSize(static_cast<int>((bars <= 40 ? 10 : 7) * scale));
    painter.setFont(font);
    const QFontMetricsF metrics(font);
    QFont titleFont = font;
    titleFont.setPixelSize(static_cast<int>(15 * scale));
    titleFont.setBold(true);
    painter.setFont(titleFont);
    painter.setPen(Qt::black);
    painter.drawText(QRectF(0, 0, width, titleHeight), Qt::AlignLeft | Qt::AlignVCenter,
                     QStringLiteral("Points by part of the model, ranked bids"));
    painter.setFont(font);
    painter.translate(0, titleHeight);
    const double maximum = c.chartMaximum > 0 ? c.chartMaximum : 100;
    for (std::size_t b = 0; b < bars; ++b) {
        const ChartBar& bar = c.chart[b];
        const double y = static_cast<double>(b) * rowHeight;
        const QRectF labelRect(0, y, labelWidth - 6 * scale, rowHeight);
        painter.setPen(Qt::black);
        painter.drawText(labelRect, Qt::AlignVCenter | Qt::AlignLeft,
                         metrics.elidedText(QString::fromStdString(bar.label), Qt::ElideRight,
                                            labelRect.width()));
        double x = labelWidth;
        for (std::size_t p = 0; p < bar.points.size(); ++p) {
            const double w = bar.points[p] / maximum * plotWidth;
            if (w > 0)
                fillSwatch(painter, QRectF(x, y + rowHeight * 0.18, w, rowHeight * 0.64), p);
            x += w;
        }
        painter.setPen(Qt::black);
        painter.drawText(
            QRectF(x + 4 * scale, y, totalWidth + plotWidth - (x - labelWidth), rowHeight),
            Qt::AlignVCenter | Qt::AlignLeft, QString::fromStdString(bar.total));
    }
    // The axis: 0, a quarter steps, the points available.
    const double axisY = static_cast<double>(bars) * rowHeight + 2 * scale;
    painter.setPen(QPen(Qt::black, 1.5));
    painter.drawLine(QPointF(labelWidth, axisY), QPointF(labelWidth + plotWidth, axisY));
    for (int q = 0; q <= 4; ++q) {
        const double x = labelWidth + plotWidth * q / 4.0;
        painter.drawLine(QPointF(x, axisY), QPointF(x, axisY + 4 * scale));
        const QString text = QString::number(maximum * q / 4.0, 'f', 0);
        painter.drawText(QRectF(x - 30 * scale, axisY + 4 * scale, 60 * scale, 12 * scale),
                         Qt::AlignHCenter | Qt::AlignTop, text);
    }
    // The legend: one swatch per top-level node.
    const double legendTop = axisY + axisHeight;
    const double cell = width / legendPerRow;
    for (std::size_t i = 0; i < c.columns.size(); ++i) {
        const double x = static_cast<double>(i % legendPerRow) * cell;
        const double y = legendTop + static_cast<double>(i / legendPerRow) * legendRowHeight;
        fillSwatch(painter, QRectF(x, y + 3 * scale, 16 * scale, 10 * scale), i);
        painter.setPen(Qt::black);
        const QRectF text(x + 20 * scale, y, cell - 24 * scale, legendRowHeight);
        painter.drawText(
            text, Qt::AlignVCenter | Qt::AlignLeft,
            metrics.elidedText(QString::fromStdString(c.columns[i]), Qt::ElideRight, text.width()));
    }
    painter.end();
    return image;
}

// Lays `html` out on A4 pages and writes them with the header and footer, atomically.
PdfWritten renderPdf(const QString& html, const QString& title, const QString& headerLeft,
                     const QImage* chart, const fs::path& out) {
    PdfWritten written;
    if (const auto problem = outputPathProblem(out, {})) {
        written.error = "cannot write " + out.string() + ": " + *problem;
        return written;
    }
    std::error_code error;
    const fs::path parent = out.parent_path().empty() ? fs::path(".") : out.parent_path();
    if (!fs::is_directory(parent, error)) {
        written.error = "cannot write " + out.string() + ": no folder " + parent.string();
        return written;
    }
    // Drawn in memory, then written in one checked, flushed write and renamed over `out`: a
    // full disk or a failed close leaves the earlier file as it was.
    QByteArray bytes;
    QBuffer buffer(&bytes);
    buffer.open(QIODevice::WriteOnly);
    {
        QPdfWriter writer(&buffer);
        writer.setResolution(kDpi);
        writer.setPageLayout(QPageLayout(QPageSize(QPageSize::A4), QPageLayout::Portrait,
                                         QMarginsF(0, 0, 0, 0), QPageLayout::Millimeter));
        writer.setTitle(title);
        writer.setCreator(QStringLiteral("Fairtender"));
        const QRectF page(0, 0, writer.width(), writer.height());
        const double left = mmToPx(kMarginLeftMm);
        const double top = mmToPx(kMarginTopMm);
        const QSizeF body(page.width() - left - mmToPx(kMarginRightMm),
                          page.height() - top - mmToPx(kMarginBottomMm));

        QTextDocument document;
        document.documentLayout()->setPaintDevice(&writer);
        QFont base(QString::fromUtf8(kFont));
        base.setPointSizeF(9);
        document.setDefaultFont(base);
        document.setDefaultStyleSheet(QString::fromUtf8(kStyle));
        document.setDocumentMargin(0);
        if (chart != nullptr)
            document.addResource(QTextDocument::ImageResource,
                                 QUrl(QStringLiteral("fairtender:chart")), *chart);
        document.setHtml(html);
        document.setPageSize(body);
        const int pages = document.pageCount();

        QPainter painter;
        if (!painter.begin(&writer)) {
            written.error = "cannot write " + out.string() + ": the PDF cannot be started";
            return written;
        }
        QFont small(QString::fromUtf8(kFont));
        small.setPointSizeF(8);
        for (int i = 0; i < pages; ++i) {
            if (i > 0)
                writer.newPage();
            painter.setFont(small);
            painter.setPen(QPen(Qt::black, 2));
            const double headerY = mmToPx(12);
            painter.drawText(QRectF(left, headerY - mmToPx(5), body.width(), mmToPx(5)),
                             Qt::AlignLeft | Qt::AlignBottom, headerLeft);
            painter.drawText(QRectF(left, headerY - mmToPx(5), body.width(), mmToPx(5)),
                             Qt::AlignRight | Qt::AlignBottom, title);
            painter.drawLine(QPointF(left, headerY + mmToPx(1)),
                             QPointF(left + body.width(), headerY + mmToPx(1)));
            painter.drawText(QRectF(left, page.height() - mmToPx(14), body.width(), mmToPx(6)),
                             Qt::AlignHCenter | Qt::AlignVCenter,
                             QStringLiteral("Page %1 of %2").arg(i + 1).arg(pages));
            painter.save();
            painter.translate(left, top - body.height() * i);
            document.drawContents(&painter,
                                  QRectF(0, body.height() * i, body.width(), body.height()));
            painter.restore();
        }
        if (!painter.end()) {
            written.error = "cannot write " + out.string() + ": the PDF could not be completed";
            return written;
        }
        written.pages = pages;
    }
    buffer.close();
    if (bytes.isEmpty()) {
        written.pages = 0;
        written.error = "cannot write " + out.string() + ": the PDF came out empty";
        return written;
    }
    if (const auto failed = writeFileAtomically(
            out, std::string_view(bytes.constData(), static_cast<std::size_t>(bytes.size())))) {
        written.pages = 0;
        written.error = *failed + "; the earlier file, if any, is unchanged";
    }
    return written;
}

std::string headingTable(const TenderHeading& t) {
    std::string html = "<table border=\"0\" cellspacing=\"0\" cellpadding=\"2\">";
    const auto line = [&](const char* label, const std::string& value) {
        if (!value.empty())
            html += arg("<tr><td><b>%1</b></td><td>%2</td></tr>", {label, h(value)});
    };
    line("Tender", t.id);
    line("Title", t.title);
    line("Buyer", t.buyer);
    line("Estimated value", t.estimatedValue);
    line("Stage", t.stage);
    return html + "</table>";
}

std::string awardReportHtml(const AwardReportContent& c, double chartWidthCss,
                            double chartHeightCss) {
    std::string html = "<html><body>";
    html += "<h1>Award report</h1>";
    html += "<p class=\"lead\">" + h(c.tender.title) + "</p>";
    html += headingTable(c.tender);

    html += "<h2>Recommendation</h2>";
    if (c.recommendation) {
        const Recommendation& r = *c.recommendation;
        html += arg("<p class=\"lead\">The most advantageous tender is <b>%1</b> from <b>%2</b> "
                    "with <b>%3</b> points.</p>",
                    {h(r.bidId), h(r.supplier), h(r.total)});
        if (!r.runnerUpBidId.empty()) {
            html +=
                arg("<p>It scores %1 points more than the runner-up, %2 from %3 with %4 "
                    "points. Points by part of the model:</p>",
                    {h(r.margin), h(r.runnerUpBidId), h(r.runnerUpSupplier), h(r.runnerUpTotal)});
            html += tableOpen({"Part of the model", h(r.bidId), h(r.runnerUpBidId), "Difference"},
                              {false, true, true, true});
            for (const auto& line : r.comparison)
                html += row({h(line.node), h(line.winner), h(line.runnerUp), h(line.difference)},
                            {false, true, true, true});
            html += row({"<b>Total</b>", "<b>" + h(r.total) + "</b>",
                         "<b>" + h(r.runnerUpTotal) + "</b>", "<b>" + h(r.margin) + "</b>"},
                        {false, true, true, true});
            html += kTableClose;
        } else {
            html += "<p>It is the only tender ranked.</p>";
        }
    } else {
        html += "<p>No single tender ranks first (no bid is ranked, or first place is tied): the "
                "panel must resolve this before an award.</p>";
    }

    html += "<h2>Ranking</h2>";
    std::vector<std::string> headers{"Rank", "Bid", "Supplier"};
    std::vector<bool> numeric{true, false, false};
    for (const auto& column : c.columns) {
        headers.push_back(h(column));
        numeric.push_back(true);
    }
    headers.insert(headers.end(), {"Total", "Status"});
    numeric.insert(numeric.end(), {true, false});
    html += tableOpen(headers, numeric, "dense", {"", "", "24%"});
    for (const auto& r : c.ranking) {
        std::vector<std::string> cells{h(r.rank), h(r.bidId), h(r.supplier)};
        for (const auto& points : r.columnPoints)
            cells.push_back(h(points));
        cells.insert(cells.end(), {"<b>" + h(r.total) + "</b>", h(r.status)});
        html += row(cells, numeric);
    }
    html += kTableClose;

    if (!c.chart.empty()) {
        // The chart draws its own title: a heading in the text could end a page the chart
        // itself starts the next one on.
        html += arg("<p><img src=\"fairtender:chart\" width=\"%1\" height=\"%2\"></p>",
                    {std::to_string(static_cast<int>(chartWidthCss)),
                     std::to_string(static_cast<int>(chartHeightCss))});
    }

    html += "<h2>Evaluation model</h2>";
    html += "<p>Aggregation: " + h(c.aggregation) +
            ". Weights are percent of the parent; points available are the effective "
            "weights.</p>";
    html += tableOpen({"Criterion or group", "Type", "Weight", "Points available", "How scored"},
                      {false, false, true, true, false});
    for (const auto& m : c.model) {
        std::string name;
        for (int d = 0; d < m.depth; ++d)
            name += "&nbsp;&nbsp;&nbsp;&nbsp;";
        name += (m.kind == "group" ? "<b>" + h(m.title) + "</b>" : h(m.title)) +
                " <span class=\"small\">(" + h(m.id) + ")</span>";
        html += row({name, h(m.kind == "criterion" ? m.type : m.kind), h(m.weight),
                     h(m.effectiveWeight), "<span class=\"small\">" + h(m.method) + "</span>"},
                    {false, false, true, true, false});
    }
    html += kTableClose;

    html += "<h2>Exclusions</h2>";
    if (c.exclusions.empty()) {
        html += "<p>No bid was excluded.</p>";
    } else {
        html += tableOpen({"Bid", "Supplier", "Reason"});
        for (const auto& e : c.exclusions)
            html += row({h(e.bidId), h(e.supplier), h(e.reason)});
        html += kTableClose;
    }

    html += "<h2>Flags and how they were resolved</h2>";
    if (c.flags.empty()) {
        html += "<p>The evaluation raised no flags.</p>";
    } else {
        html += tableOpen({"Bid", "Flag", "Detail", "Resolution"});
        for (const auto& f : c.flags)
            html +=
                row({h(f.bidId), h(f.kind) + (f.criterion.empty() ? "" : "<br>" + h(f.criterion)),
                     h(f.detail), h(f.resolution)});
        html += kTableClose;
    }

    html += "<h2>The panel</h2>";
    html += tableOpen({"Name", "Roles", "Conflict of interest declaration"});
    for (const auto& p : c.panel)
        html += row({h(p.name), h(p.roles), h(p.declaration)});
    html += kTableClose;
    const ModerationSummary& m = c.moderation;
    html += arg("<p>Moderation: %1 individual scores, %2 consensus scores, %3 spreads over the "
                "threshold, %4 scores reopened, %5 consensus scores changed after they were "
                "agreed.</p>",
                {std::to_string(m.individualScores), std::to_string(m.consensusScores),
                 std::to_string(m.spreadsOverThreshold), std::to_string(m.reopenedScores),
                 std::to_string(m.changes.size())});
    if (!m.changes.empty()) {
        html += tableOpen({"Bid and criterion", "By", "Before", "After", "Reason for the change"},
                          {false, false, true, true, false});
        for (const auto& change : m.changes)
            html += row({h(change.subject), h(change.by), h(change.before), h(change.after),
                         h(change.reason)},
                        {false, false, true, true, false});
        html += kTableClose;
    }

    html += "<h2>Community wealth</h2>";
    html += "<p>" + h(c.localSpendSummary) + ".</p>";
    html += tableOpen({"Bid", "Supplier", "Local spend", "Ownership", "SME", "Real Living Wage"});
    for (const auto& w : c.communityWealth)
        html += row({h(w.bidId), h(w.supplier), h(w.localSpend), h(w.ownership), h(w.sme),
                     h(w.livingWage)});
    html += kTableClose;
    html += "<h3>Suppliers by ownership model</h3>";
    html += tableOpen({"Ownership model", "Bids"}, {false, true});
    for (const auto& o : c.ownership)
        html += row({h(o.model), std::to_string(o.bids)}, {false, true});
    html += kTableClose;

    html += "<h2>Integrity</h2>";
    html += "<p>The SHA-256 of each stored input file, as <code>fairtender workspace export</code> "
            "writes it:</p>";
    html += tableOpen({"File", "SHA-256"});
    for (const auto& file : c.inputs)
        html += row({h(file.name), "<span class=\"hash\">" + h(file.sha256) + "</span>"});
    html += kTableClose;
    html += arg("<p>Audit trail: %1 entries; head hash <span class=\"hash\">%2</span></p>",
                {std::to_string(c.auditEntries), h(c.auditHeadHash)});
    html += "<p>Anyone can check this with <code>fairtender verify " + h(c.workspaceFile) +
            "</code>: it checks every audit entry's hash and link, every stored record and "
            "recomputes the results.</p>";

    if (c.award) {
        html += "<h2>Award</h2>";
        html += arg("<p>Awarded to %1. Award notice %2; the standstill period ends at the end "
                    "of %3. Reason recorded: %4</p>",
                    {h(c.award->bidId), h(c.award->noticeDate), h(c.award->standstillEnd),
                     h(c.award->reason)});
    }

    html += "<h2>Sign-off</h2>";
    html += "<table border=\"0\" cellspacing=\"0\" cellpadding=\"8\" width=\"100%\">";
    for (const char* who : {"Lead evaluator", "Authorising officer"}) {
        html += arg("<tr><td colspan=\"2\"><b>%1</b></td></tr>", {who});
        for (const char* line : {"Name", "Role", "Signature", "Date"})
            html += arg("<tr><td width=\"20%\">%1</td><td>"
                        "______________________________________________</td></tr>",
                        {line});
    }
    html += "</table>";
    return html + "</body></html>";
}

std::string scoresTable(const BidAssessment& a) {
    std::string html = tableOpen({"Criterion", "Figure", "Score (0-1)", "Points", "Reason"},
                                 {false, false, true, true, false});
    for (const auto& c : a.criteria)
        html += row({h(c.title), h(c.figure), h(c.score), h(c.points), h(c.reason)},
                    {false, false, true, true, false});
    html += kTableClose;
    if (!a.groups.empty()) {
        html += tableOpen({"Group", "Points", "Available"}, {false, true, true});
        for (const auto& g : a.groups)
            html += row({h(g.title), h(g.points), h(g.available)}, {false, true, true});
        html += kTableClose;
    }
    return html;
}

std::string assessmentHtml(const BidAssessment& a, const std::string& available, bool own) {
    std::string html;
    html += arg("<p><b>Supplier:</b> %1<br><b>Bid:</b> %2</p>", {h(a.supplier), h(a.bidId)});
    if (a.status == "excluded") {
        html +=
            "<p><b>This tender was excluded and not scored.</b> Reason: " + h(a.exclusionReason) +
            "</p>";
        return html;
    }
    html += arg("<p class=\"lead\">Total: <b>%1</b> of %2 points%3.</p>",
                {h(a.total), h(available), own ? "" : " (the winning tender)"});
    for (const auto& note : a.notes)
        html += "<p>Note: " + h(note) + "</p>";
    html += scoresTable(a);
    return html;
}

std::string summaryHtml(const AssessmentSummaryContent& s) {
    std::string html = "<html><body>";
    html += "<h1>Assessment summary</h1>";
    html += "<p class=\"lead\">" + h(s.tender.title) + "</p>";
    html += headingTable(s.tender);
    html += arg("<p class=\"lead\">For <b>%1</b>, bid %2</p>", {h(s.own.supplier), h(s.own.bidId)});
    html += "<p>This summary gives the assessment of your tender against each award criterion "
            "(Procurement Act 2023, section 50, and regulation 31 of the Procurement "
            "Regulations 2024)" +
            std::string(s.winner ? ", and the same for the winning tender." : ".") + "</p>";
    if (!s.awardNotice.empty())
        html += "<p>" + h(s.awardNotice) + "</p>";

    html += "<h2>Award criteria and how they were scored</h2>";
    html += tableOpen({"Criterion", "Weight", "Points available", "How scored"},
                      {false, true, true, false});
    for (const auto& c : s.own.criteria) {
        std::string method = "<span class=\"small\">" + h(c.method);
        for (const auto& d : c.descriptors)
            method += "<br>" + h(d);
        method += "</span>";
        std::string name = h(c.title);
        if (!c.group.empty())
            name += "<br><span class=\"small\">in " + h(c.group) + "</span>";
        html += row({name, h(c.weight), h(c.effectiveWeight), method}, {false, true, true, false});
    }
    html += kTableClose;

    html += "<h2>Your tender</h2>";
    html += assessmentHtml(s.own, s.pointsAvailable, true);
    if (s.winner) {
        html += "<h2>The winning tender</h2>";
        html += assessmentHtml(*s.winner, s.pointsAvailable, false);
    } else if (s.own.status != "excluded") {
        html += "<p><b>Your tender is the most advantageous tender.</b></p>";
    }
    return html + "</body></html>";
}

} // namespace

PdfWritten writeAwardReportPdf(const AwardReportContent& content, const fs::path& out) {
    // The body is 174 mm wide; images in the document are sized in 96-dpi CSS pixels.
    const double widthCss = (210 - kMarginLeftMm - kMarginRightMm) / 25.4 * 96;
    const QImage chart = drawChart(content, widthCss);
    const double heightCss = chart.height() * widthCss / chart.width();
    return renderPdf(QString::fromStdString(awardReportHtml(content, widthCss, heightCss)),
                     QStringLiteral("Award report"),
                     QString::fromStdString("Tender " + content.tender.id), &chart, out);
}

PdfWritten writeAssessmentSummaryPdf(const AssessmentSummaryContent& content, const fs::path& out) {
    return renderPdf(QString::fromStdString(summaryHtml(content)),
                     QString::fromStdString("Assessment summary: " + content.own.bidId),
                     QString::fromStdString("Tender " + content.tender.id), nullptr, out);
}

std::string assessmentSummaryFileName(const std::string& bidId) {
    std::string name;
    for (const char ch : bidId) {
        const bool safe = (ch >= 'a' && ch <= 'z') || (ch >= 'A' && ch <= 'Z') ||
                          (ch >= '0' && ch <= '9') || ch == '-' || ch == '_' || ch == '.';
        name += safe ? ch : '_';
    }
    if (name.empty() || name.front() == '.')
        name.insert(name.begin(), '_');
    return name + "-assessment-summary.pdf";
}

namespace {

QtMessageHandler previousHandler = nullptr;

// Qt's notes about the offscreen platform's environment (no XDG_RUNTIME_DIR on a server)
// are not the user's concern; anything else goes to the handler that was installed.
void quietPlatformNotes(QtMsgType type, const QMessageLogContext& context, const QString& text) {
    if (type != QtFatalMsg && text.startsWith(QStringLiteral("QStandardPaths:")))
        return;
    if (previousHandler != nullptr)
        previousHandler(type, context, text);
}

} // namespace

OffscreenGui::OffscreenGui() {
    if (QGuiApplication::instance() != nullptr)
        return;
    previousHandler = qInstallMessageHandler(quietPlatformNotes);
    ::setenv("QT_QPA_PLATFORM", "offscreen", 1);
    static int argc = 1;
    static char name[] = "fairtender";
    static char* argv[] = {name, nullptr};
    app_ = std::make_unique<QGuiApplication>(argc, argv);
}

OffscreenGui::~OffscreenGui() {
    if (app_) {
        app_.reset();
        qInstallMessageHandler(previousHandler);
    }
}

} // namespace fairtender::reports
