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
#include <QTextCursor>
#include <QTextDocument>
#include <QTextFrame>
#include <QTextTable>
#include <QUrl>

#include <algorithm>
#include <cmath>
#include <cstdlib>
#include <functional>
#include <set>

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
td.title { background-color: #ffffff; font-size: 10pt; }
)";

// The HTML of a document, written with the rows of every table counted in document order,
// so the pagination can split a table before a row that would otherwise break across two
// pages: the table closes, the next page starts, and the table opens again with its header.
class Html {
public:
    explicit Html(const std::set<int>& breaksBefore) : breaksBefore_(breaksBefore) {}

    Html& operator+=(const std::string& text) {
        out_ += text;
        return *this;
    }

    // Opens a ruled table; a header row repeats on every page it runs over. A `title` sits in
    // the header above the column names, so it never stands alone at the foot of a page.
    void tableOpen(const std::vector<std::string>& headers, const std::vector<bool>& numeric = {},
                   const char* tableClass = "", const std::vector<std::string>& widths = {},
                   const std::string& title = {}) {
        open_ = arg("<table class=\"%1\" border=\"1\" cellspacing=\"0\" cellpadding=\"%2\" "
                    "width=\"100%\"><thead>",
                    {tableClass, std::string(tableClass) == "dense" ? "2" : "3"});
        if (!title.empty())
            open_ += arg("<tr><td colspan=\"%1\" class=\"title\"><b>%2</b></td></tr>",
                         {std::to_string(headers.size()), title});
        open_ += "<tr>";
        for (std::size_t i = 0; i < headers.size(); ++i)
            open_ +=
                arg("<th%1%2>%3</th>",
                    {i < numeric.size() && numeric[i] ? " class=\"num\"" : "",
                     i < widths.size() && !widths[i].empty() ? " width=\"" + widths[i] + "\"" : "",
                     headers[i]});
        open_ += "</tr></thead><tbody>";
        out_ += open_;
    }
    // Opens a table without rules or header (a block of label and value lines).
    void plainTableOpen(const std::string& attributes) {
        open_ = "<table " + attributes + "><tbody>";
        out_ += open_;
    }
    void row(const std::vector<std::string>& cells, const std::vector<bool>& numeric = {}) {
        if (breaksBefore_.count(rows_) != 0)
            out_ +=
                "</tbody></table><p style=\"page-break-before: always; margin: 0\"></p>" + open_;
        ++rows_;
        out_ += "<tr>";
        for (std::size_t i = 0; i < cells.size(); ++i)
            out_ += arg("<td%1>%2</td>",
                        {i < numeric.size() && numeric[i] ? " class=\"num\"" : "", cells[i]});
        out_ += "</tr>";
    }
    // A row of raw cells ("<td colspan=2>...</td>"), counted like any other.
    void rawRow(const std::string& cells) {
        if (breaksBefore_.count(rows_) != 0)
            out_ +=
                "</tbody></table><p style=\"page-break-before: always; margin: 0\"></p>" + open_;
        ++rows_;
        out_ += "<tr>" + cells + "</tr>";
    }
    void tableClose() { out_ += "</tbody></table>"; }

    const std::string& text() const { return out_; }

private:
    const std::set<int>& breaksBefore_;
    std::string out_;
    std::string open_; // the open table's start, header included, to repeat after a break
    int rows_ = 0;     // body rows written so far, over every table
};

// Writes a document's HTML given the rows to break before.
using HtmlOf = std::function<std::string(const std::set<int>& breaksBefore)>;

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

// One way of laying the document out: at a scale of its natural size, with the rows the
// pagination moved to a new page.
struct Layout {
    std::unique_ptr<QTextDocument> document;
    double scale = 1;
    double pageHeight = 0; // in the document's own units
    int pages = 0;
    double lastPageFill = 0; // how much of the last page the content uses, 0 to 1
};

std::unique_ptr<QTextDocument> layDocument(const std::string& html, const QImage* chart,
                                           QPaintDevice& device, const QSizeF& page) {
    auto document = std::make_unique<QTextDocument>();
    document->documentLayout()->setPaintDevice(&device);
    QFont base(QString::fromUtf8(kFont));
    base.setPointSizeF(9);
    document->setDefaultFont(base);
    document->setDefaultStyleSheet(QString::fromUtf8(kStyle));
    document->setDocumentMargin(0);
    if (chart != nullptr)
        document->addResource(QTextDocument::ImageResource,
                              QUrl(QStringLiteral("fairtender:chart")), *chart);
    document->setHtml(QString::fromStdString(html));
    document->setPageSize(page);
    return document;
}

template <class Visit> void forEachTable(QTextFrame* frame, Visit&& visit) {
    for (QTextFrame* child : frame->childFrames()) {
        if (auto* table = qobject_cast<QTextTable*>(child))
            visit(*table);
        forEachTable(child, visit);
    }
}

// The body rows, counted over every table as Html counts them, whose text runs from one page
// onto the next, in order; with `keepable`, only those short enough to be kept on one page.
std::vector<int> rowsAcrossPages(QTextDocument& document, double pageHeight, bool keepable) {
    QAbstractTextDocumentLayout* layout = document.documentLayout();
    int index = 0;
    std::vector<int> split;
    forEachTable(document.rootFrame(), [&](QTextTable& table) {
        const int headerRows = table.format().headerRowCount();
        for (int r = headerRows; r < table.rows(); ++r, ++index) {
            double top = 1e300;
            double bottom = -1e300;
            for (int c = 0; c < table.columns(); ++c) {
                const QTextTableCell cell = table.cellAt(r, c);
                if (cell.row() != r || cell.column() != c)
                    continue;
                for (auto it = cell.begin(); !it.atEnd(); ++it) {
                    const QTextBlock block = it.currentBlock();
                    if (!block.isValid() || block.text().isEmpty())
                        continue;
                    const QRectF rect = layout->blockBoundingRect(block);
                    top = std::min(top, rect.top());
                    bottom = std::max(bottom, rect.bottom());
                }
            }
            if (bottom < top || (keepable && bottom - top > pageHeight * 0.8))
                continue;
            if (std::floor(top / pageHeight) != std::floor((bottom - 1) / pageHeight))
                split.push_back(index);
        }
    });
    return split;
}

// The first row a page break could be put before to keep it whole; -1 when none.
int firstSplitRow(QTextDocument& document, double pageHeight) {
    const auto split = rowsAcrossPages(document, pageHeight, true);
    return split.empty() ? -1 : split.front();
}

// Starts a new page before each heading numbered (in document order) in `headings`.
void breakBeforeHeadings(QTextDocument& document, const std::set<int>& headings) {
    int n = 0;
    for (QTextBlock block = document.begin(); block.isValid(); block = block.next()) {
        if (block.blockFormat().headingLevel() == 0)
            continue;
        if (headings.count(n++) == 0)
            continue;
        QTextBlockFormat format = block.blockFormat();
        format.setPageBreakPolicy(QTextFormat::PageBreak_AlwaysBefore);
        QTextCursor(block).setBlockFormat(format);
    }
}

// The first heading, numbered in document order, left at the foot of a page while what it
// introduces starts on the next; -1 when there is none.
int firstStrandedHeading(QTextDocument& document, double pageHeight) {
    QAbstractTextDocumentLayout* layout = document.documentLayout();
    int n = -1;
    for (QTextBlock block = document.begin(); block.isValid(); block = block.next()) {
        if (block.blockFormat().headingLevel() == 0)
            continue;
        ++n;
        QTextBlock next = block.next();
        while (next.isValid() && next.text().isEmpty())
            next = next.next();
        if (!next.isValid())
            continue;
        const double headingTop = layout->blockBoundingRect(block).top();
        const double nextTop = layout->blockBoundingRect(next).top();
        if (std::floor(nextTop / pageHeight) > std::floor(headingTop / pageHeight))
            return n;
    }
    return -1;
}

// Lays the document out at `scale`, moving each table row that would break across pages to
// the next page (its table's header repeated there), and each heading that would end a page
// to the top of the next.
Layout paginate(const HtmlOf& htmlOf, const QImage* chart, QPaintDevice& device, const QSizeF& body,
                double scale) {
    Layout laid;
    laid.scale = scale;
    const QSizeF page(body.width() / scale, body.height() / scale);
    laid.pageHeight = page.height();
    std::set<int> breaks;   // body rows that start a page
    std::set<int> headings; // headings that start a page
    for (int attempt = 0; attempt < 400; ++attempt) {
        laid.document = layDocument(htmlOf(breaks), chart, device, page);
        breakBeforeHeadings(*laid.document, headings);
        const int split = firstSplitRow(*laid.document, page.height());
        if (split >= 0) {
            if (!breaks.insert(split).second)
                break;
            continue;
        }
        const int stranded = firstStrandedHeading(*laid.document, page.height());
        if (stranded < 0 || !headings.insert(stranded).second)
            break;
    }
    laid.pages = laid.document->pageCount();
    double end = 0;
    QAbstractTextDocumentLayout* layout = laid.document->documentLayout();
    for (QTextBlock block = laid.document->begin(); block.isValid(); block = block.next())
        if (!block.text().isEmpty())
            end = std::max(end, layout->blockBoundingRect(block).bottom());
    forEachTable(laid.document->rootFrame(), [&](QTextTable& table) {
        end = std::max(end, layout->frameBoundingRect(&table).bottom());
    });
    laid.lastPageFill = (end - (laid.pages - 1) * page.height()) / page.height();
    return laid;
}

// Lays `htmlOf` out on A4 pages (no table row split across two, no last page left nearly
// empty when a slightly smaller type avoids it) and writes them with the header and footer,
// atomically.
PdfWritten renderPdf(const HtmlOf& htmlOf, const QString& title, const QString& headerLeft,
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

        Layout laid = paginate(htmlOf, chart, writer, body, 1.0);
        // A last page holding a few lines: a little smaller type may bring them back.
        if (laid.pages > 1 && laid.lastPageFill < 0.2)
            for (const double scale : {0.96, 0.92, 0.88}) {
                Layout smaller = paginate(htmlOf, chart, writer, body, scale);
                if (smaller.pages < laid.pages) {
                    laid = std::move(smaller);
                    break;
                }
            }
        QTextDocument& document = *laid.document;
        const int pages = laid.pages;
        const double pageHeight = laid.pageHeight;

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
            painter.translate(left, top);
            painter.scale(laid.scale, laid.scale);
            painter.translate(0, -pageHeight * i);
            document.drawContents(&painter,
                                  QRectF(0, pageHeight * i, body.width() / laid.scale, pageHeight));
            painter.restore();
        }
        if (!painter.end()) {
            written.error = "cannot write " + out.string() + ": the PDF could not be completed";
            return written;
        }
        written.pages = pages;
        written.rowsAcrossPages =
            static_cast<int>(rowsAcrossPages(document, pageHeight, false).size());
        written.lastPageFill = laid.lastPageFill;
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

void headingTable(Html& html, const TenderHeading& t) {
    html.plainTableOpen("border=\"0\" cellspacing=\"0\" cellpadding=\"2\"");
    const auto line = [&](const char* label, const std::string& value) {
        if (!value.empty())
            html.rawRow(arg("<td><b>%1</b></td><td>%2</td>", {label, h(value)}));
    };
    line("Tender", t.id);
    line("Title", t.title);
    line("Buyer", t.buyer);
    line("Estimated value", t.estimatedValue);
    line("Stage", t.stage);
    html.tableClose();
}

// The social value commitments of one bid on one criterion: each measure's quantity x
// proxy x deliverability, the panel's reason for a factor, the sum and how it scored.
void socialValueTable(Html& html, const SocialValueText& sv, const std::string& title) {
    html.tableOpen({"Measure", "Quantity x proxy x deliverability = value", "Why the factor"},
                   {false, false, false}, "dense", {"30%", "38%", ""}, title);
    if (sv.commitments.empty())
        html.row({"<i>no commitments to these measures</i>", "0.00", ""});
    for (const auto& c : sv.commitments)
        html.row({h(c.measure), h(c.formula), h(c.reason)});
    html.row({"<b>Social value</b>", "<b>" + h(sv.total) + "</b>",
              "scored " + h(sv.scoring) + " points"});
    html.tableClose();
}

// How robust the award is: the verdict (a close call in a box, so no reader misses it),
// the nearest weight flips, every mark flip and the first-place odds with text bars.
void robustnessSection(Html& html, const RobustnessText& r) {
    html += "<h2>How robust is this award</h2>";
    if (r.clearWinner)
        html += "<p><b>" + h(r.verdict) + ".</b></p>";
    else {
        html.plainTableOpen("border=\"1\" cellspacing=\"0\" cellpadding=\"6\" width=\"100%\"");
        html.rawRow("<td><b>" + h(r.verdict) + ".</b></td>");
        html.tableClose();
    }
    html += "<p>Weight flips: the nearest weight of each part of the model (percent of its "
            "parent, the siblings rescaled in proportion) at which another tender wins, each "
            "confirmed by the full evaluation; - where no weight that way changes the "
            "winner.</p>";
    constexpr std::size_t kShownFlips = 12;
    html.tableOpen({"Part of the model", "Weight", "Down to", "Wins", "Up to", "Wins"},
                   {false, true, true, false, true, false}, "dense");
    for (std::size_t i = 0; i < r.weightFlips.size() && i < kShownFlips; ++i) {
        const auto& f = r.weightFlips[i];
        html.row({h(f.node), h(f.weight), h(f.down), h(f.downWinner), h(f.up), h(f.upWinner)},
                 {false, true, true, false, true, false});
    }
    html.tableClose();
    if (r.weightFlips.size() > kShownFlips)
        html += "<p>The " + std::to_string(kShownFlips) + " nearest of " +
                std::to_string(r.weightFlips.size()) +
                " are shown; the scorecard's Sensitivity sheet lists every one.</p>";
    html += "<p>Mark flips: each single judgement score that, moved one step, alone changes "
            "the winner.</p>";
    if (r.markFlips.empty()) {
        html += "<p>None: no single step of one score changes the winner.</p>";
    } else {
        html.tableOpen({"Bid", "Criterion", "From", "To", "Then first"},
                       {false, false, true, true, false}, "dense");
        for (const auto& m : r.markFlips)
            html.row({h(m.bidId), h(m.criterion), h(m.from), h(m.to), h(m.newWinner)},
                     {false, false, true, true, false});
        html.tableClose();
    }
    html += "<p>First-place odds: " + h(r.oddsMethod) + ".</p>";
    html.tableOpen({"Bid", "Supplier", "First places", ""}, {false, false, true, false}, "dense",
                   {"", "30%", "", "45%"});
    for (const auto& o : r.odds) {
        std::string bar;
        for (long i = 0; i < std::lround(o.fraction * 40.0); ++i)
            bar += "\u2588";
        html.row({h(o.bidId), h(o.supplier), h(o.share), bar}, {false, false, true, false});
    }
    html.tableClose();
}

std::string awardReportHtml(const AwardReportContent& c, double chartWidthCss,
                            double chartHeightCss, const std::set<int>& breaks) {
    Html html(breaks);
    html += "<html><body>";
    html += "<h1>Award report</h1>";
    html += "<p class=\"lead\">" + h(c.tender.title) + "</p>";
    headingTable(html, c.tender);

    html += "<h2>Recommendation</h2>";
    if (c.recommendation) {
        const Recommendation& r = *c.recommendation;
        html += arg("<p class=\"lead\">The most advantageous tender is <b>%1</b> from <b>%2</b> "
                    "with <b>%3</b> points, at a price of <b>%4</b>.</p>",
                    {h(r.bidId), h(r.supplier), h(r.total), h(r.price)});
        html += "<p>The price is " + h(r.priceBasis) +
                (r.versusEstimate.empty() ? "" : "; it is " + h(r.versusEstimate)) + ".</p>";
        if (!r.runnerUpBidId.empty()) {
            html += arg(
                "<p>It scores %1 points more than the runner-up, %2 from %3 with %4 "
                "points at a price of %5; its price is %6. Points by part of the "
                "model:</p>",
                {h(r.margin), h(r.runnerUpBidId), h(r.runnerUpSupplier), h(r.runnerUpTotal),
                 h(r.runnerUpPrice),
                 h(r.priceDifference.empty() ? std::string("not comparable") : r.priceDifference)});
            html.tableOpen({"Part of the model", h(r.bidId), h(r.runnerUpBidId), "Difference"},
                           {false, true, true, true});
            for (const auto& line : r.comparison)
                html.row({h(line.node), h(line.winner), h(line.runnerUp), h(line.difference)},
                         {false, true, true, true});
            html.row({"<b>Total</b>", "<b>" + h(r.total) + "</b>",
                      "<b>" + h(r.runnerUpTotal) + "</b>", "<b>" + h(r.margin) + "</b>"},
                     {false, true, true, true});
            html.row({"Price", h(r.price), h(r.runnerUpPrice), ""}, {false, true, true, true});
            html.tableClose();
        } else {
            html += "<p>It is the only tender ranked.</p>";
        }
    } else {
        html += "<p>No single tender ranks first (no bid is ranked, or first place is tied): the "
                "panel must resolve this before an award.</p>";
    }

    html += "<h2>Ranking</h2>";
    std::vector<std::string> headers{"Rank", "Bid", "Supplier", "Price"};
    std::vector<bool> numeric{true, false, false, true};
    for (const auto& column : c.columns) {
        headers.push_back(h(column));
        numeric.push_back(true);
    }
    headers.insert(headers.end(), {"Total", "Status"});
    numeric.insert(numeric.end(), {true, false});
    html.tableOpen(headers, numeric, "dense", {"", "", "20%"});
    for (const auto& r : c.ranking) {
        std::vector<std::string> cells{h(r.rank), h(r.bidId), h(r.supplier), h(r.price)};
        for (const auto& points : r.columnPoints)
            cells.push_back(h(points));
        cells.insert(cells.end(), {"<b>" + h(r.total) + "</b>", h(r.status)});
        html.row(cells, numeric);
    }
    html.tableClose();

    if (!c.chart.empty()) {
        // The chart draws its own title: a heading in the text could end a page the chart
        // itself starts the next one on.
        html += arg("<p><img src=\"fairtender:chart\" width=\"%1\" height=\"%2\"></p>",
                    {std::to_string(static_cast<int>(chartWidthCss)),
                     std::to_string(static_cast<int>(chartHeightCss))});
    }

    if (c.robustness)
        robustnessSection(html, *c.robustness);

    html += "<h2>Evaluation model</h2>";
    html += "<p>Aggregation: " + h(c.aggregation) +
            ". Weights are percent of the parent; points available are the effective "
            "weights.</p>";
    html.tableOpen({"Criterion or group", "Type", "Weight", "Points available", "How scored"},
                   {false, false, true, true, false});
    for (const auto& m : c.model) {
        std::string name;
        for (int d = 0; d < m.depth; ++d)
            name += "&nbsp;&nbsp;&nbsp;&nbsp;";
        name += (m.kind == "group" ? "<b>" + h(m.title) + "</b>" : h(m.title)) +
                " <span class=\"small\">(" + h(m.id) + ")</span>";
        html.row({name, h(m.kind == "criterion" ? m.type : m.kind), h(m.weight),
                  h(m.effectiveWeight), "<span class=\"small\">" + h(m.method) + "</span>"},
                 {false, false, true, true, false});
    }
    html.tableClose();

    html += "<h2>Exclusions</h2>";
    if (c.exclusions.empty()) {
        html += "<p>No bid was excluded.</p>";
    } else {
        html.tableOpen({"Bid", "Supplier", "Reason"});
        for (const auto& e : c.exclusions)
            html.row({h(e.bidId), h(e.supplier), h(e.reason)});
        html.tableClose();
    }

    html += "<h2>Flags and how they were resolved</h2>";
    if (c.flags.empty()) {
        html += "<p>The evaluation raised no flags.</p>";
    } else {
        html.tableOpen({"Bid", "Flag", "Detail", "Resolution"});
        for (const auto& f : c.flags)
            html.row({h(f.bidId), h(f.kind) + (f.criterion.empty() ? "" : "<br>" + h(f.criterion)),
                      h(f.detail), h(f.resolution)});
        html.tableClose();
    }

    if (!c.socialValue.empty()) {
        html += "<h2>Social value commitments</h2>";
        html += "<p>How each ranked tender's social value arose: every commitment valued as "
                "quantity x proxy value x the panel's deliverability factor, and the sum "
                "scored.</p>";
        constexpr std::size_t kShown = 20;
        std::set<std::string> bids;
        for (const auto& sv : c.socialValue) {
            if (bids.insert(sv.bidId).second && bids.size() > kShown)
                break;
            socialValueTable(html, sv, h(sv.bidId) + " " + h(sv.supplier) + ": " + h(sv.criterion));
        }
        if (bids.size() > kShown)
            html += "<p>The first " + std::to_string(kShown) +
                    " ranked tenders are shown; the Excel scorecard gives every tender's "
                    "commitments.</p>";
    }

    html += "<h2>The panel</h2>";
    html.tableOpen({"Name", "Roles", "Conflict of interest declaration"});
    for (const auto& p : c.panel)
        html.row({h(p.name), h(p.roles), h(p.declaration)});
    html.tableClose();
    const ModerationSummary& m = c.moderation;
    html += arg("<p>Moderation: %1 individual scores, %2 consensus scores, %3 spreads over the "
                "threshold, %4 scores reopened, %5 consensus scores changed after they were "
                "agreed.</p>",
                {std::to_string(m.individualScores), std::to_string(m.consensusScores),
                 std::to_string(m.spreadsOverThreshold), std::to_string(m.reopenedScores),
                 std::to_string(m.changes.size())});
    if (!m.changes.empty()) {
        html.tableOpen({"Bid and criterion", "By", "Before", "After", "Reason for the change"},
                       {false, false, true, true, false});
        for (const auto& change : m.changes)
            html.row({h(change.subject), h(change.by), h(change.before), h(change.after),
                      h(change.reason)},
                     {false, false, true, true, false});
        html.tableClose();
    }

    html += "<h2>Community wealth</h2>";
    html += "<p>" + h(c.localSpendSummary) + ".</p>";
    html.tableOpen({"Bid", "Supplier", "Local spend", "Ownership", "SME", "Real Living Wage"});
    for (const auto& w : c.communityWealth)
        html.row({h(w.bidId), h(w.supplier), h(w.localSpend), h(w.ownership), h(w.sme),
                  h(w.livingWage)});
    html.tableClose();
    html += "<h3>Suppliers by ownership model</h3>";
    html.tableOpen({"Ownership model", "Bids"}, {false, true});
    for (const auto& o : c.ownership)
        html.row({h(o.model), std::to_string(o.bids)}, {false, true});
    html.tableClose();

    html += "<h2>Integrity</h2>";
    html += "<p>The SHA-256 of each stored input file, as <code>fairtender workspace export</code> "
            "writes it:</p>";
    html.tableOpen({"File", "SHA-256"});
    for (const auto& file : c.inputs)
        html.row({h(file.name), "<span class=\"hash\">" + h(file.sha256) + "</span>"});
    html.tableClose();
    html += arg("<p>Audit trail: %1 entries; head hash <span class=\"hash\">%2</span></p>",
                {std::to_string(c.auditEntries), h(c.auditHeadHash)});
    if (!c.auditSignedBy.empty())
        html += arg("<p>Every entry is signed by the server's Ed25519 key <span "
                    "class=\"hash\">%1</span>; <code>fairtender verify %2 --signed-by "
                    "KEY</code> checks every signature against it.</p>",
                    {h(c.auditSignedBy), h(c.verifyTarget)});
    html += "<p>Anyone can check this with <code>fairtender verify " + h(c.verifyTarget) +
            "</code>: it checks every audit entry's hash and link, every stored record and "
            "recomputes the results. This report was made only after that check passed.</p>";

    if (!c.history.empty()) {
        html += "<h2>Award</h2>";
        if (c.award)
            html += arg("<p>Awarded to <b>%1</b>. Award notice %2; the standstill period ends at "
                        "the end of %3.</p>",
                        {h(c.award->bidId), h(c.award->noticeDate), h(c.award->standstillEnd)});
        else
            html += "<p>No award stands: the tender is locked for the next award decision.</p>";
        html += "<p>Each decision in the order it was recorded:</p>";
        html.tableOpen({"Step", "Date", "Bid", "What happened", "Recorded by", "Reason"});
        for (const auto& line : c.history)
            html.row({h(line.step), h(line.date), h(line.bidId), h(line.detail), h(line.by),
                      h(line.reason)});
        html.tableClose();
    }

    html += "<h2>Sign-off</h2>";
    html.plainTableOpen("border=\"0\" cellspacing=\"0\" cellpadding=\"8\" width=\"100%\"");
    for (const char* who : {"Lead evaluator", "Authorising officer"}) {
        html.rawRow(arg("<td colspan=\"2\"><b>%1</b></td>", {who}));
        for (const char* line : {"Name", "Role", "Signature", "Date"})
            html.rawRow(arg("<td width=\"20%\">%1</td><td>"
                            "______________________________________________</td>",
                            {line}));
    }
    html.tableClose();
    html += "</body></html>";
    return html.text();
}

// The supplier's own scores, each beside the winning tender's points when there is one.
void scoresTable(Html& html, const BidAssessment& a, bool withWinner) {
    // Short headings: narrow number columns must not break a word.
    std::vector<std::string> headers{"Criterion", "Max", "Figure", "Score", "Points"};
    std::vector<bool> numeric{false, true, false, true, true};
    if (withWinner) {
        headers.push_back("Winner");
        numeric.push_back(true);
    }
    headers.push_back("Reason");
    numeric.push_back(false);
    html.tableOpen(headers, numeric, "",
                   withWinner ? std::vector<std::string>{"21%", "7%", "16%", "8%", "8%", "9%"}
                              : std::vector<std::string>{"24%", "7%", "18%", "8%", "8%"});
    for (const auto& c : a.criteria) {
        std::vector<std::string> cells{h(c.title), h(c.effectiveWeight), h(c.figure), h(c.score),
                                       "<b>" + h(c.points) + "</b>"};
        if (withWinner)
            cells.push_back(h(c.winnerPoints.empty() ? std::string("-") : c.winnerPoints));
        cells.push_back(h(c.reason));
        html.row(cells, numeric);
    }
    html.tableClose();
    if (!a.groups.empty()) {
        html.tableOpen({"Group", "Points", "Available"}, {false, true, true});
        for (const auto& g : a.groups)
            html.row({h(g.title), h(g.points), h(g.available)}, {false, true, true});
        html.tableClose();
    }
}

void socialValueSection(Html& html, const BidAssessment& a, const std::string& whose) {
    for (const auto& sv : a.socialValue)
        socialValueTable(html, sv,
                         "How " + whose + " social value was worked out: " + h(sv.criterion));
}

std::string summaryHtml(const AssessmentSummaryContent& s, const std::set<int>& breaks) {
    Html html(breaks);
    const BidAssessment& own = s.own;
    html += "<html><body>";
    html += "<h1>Assessment summary</h1>";
    html += "<p class=\"lead\">" + h(s.tender.title) + "</p>";
    headingTable(html, s.tender);
    html += arg("<p class=\"lead\">For <b>%1</b>, bid %2</p>", {h(own.supplier), h(own.bidId)});
    html += "<p>This summary gives the assessment of your tender against each award criterion "
            "(Procurement Act 2023, section 50, and regulation 31 of the Procurement "
            "Regulations 2024)" +
            std::string(s.winner ? ", and the same for the winning tender." : ".") + "</p>";
    if (!s.awardNotice.empty())
        html += "<p>" + h(s.awardNotice) + "</p>";

    html += "<h2>The outcome for your tender</h2>";
    // Judged but below a minimum the tender set, or excluded before any scoring (a gate).
    const bool judged = std::any_of(own.criteria.begin(), own.criteria.end(),
                                    [](const CriterionAssessment& c) { return c.figure != "-"; });
    if (own.status == "excluded" && !own.excludedAfterEvaluation && judged) {
        html += "<p class=\"lead\"><b>Your tender was scored by the panel and then excluded: "
                "it did not reach a minimum the tender set.</b></p>";
        html += "<p>The reason:</p><ul>";
        for (const auto& reason : own.exclusionReasons)
            html += "<li>" + h(reason) + "</li>";
        html += "</ul><p>An excluded tender earns no points and is not ranked; the panel's "
                "scores and reasons for it are below.</p>";
    } else if (own.status == "excluded" && !own.excludedAfterEvaluation) {
        html += "<p class=\"lead\"><b>Your tender was excluded before it was scored.</b></p>";
        html += "<p>The reason:</p><ul>";
        for (const auto& reason : own.exclusionReasons)
            html += "<li>" + h(reason) + "</li>";
        html += "</ul><p>An excluded tender is not scored against the others, so the award "
                "criteria below did not apply to it.</p>";
    } else if (own.excludedAfterEvaluation) {
        html += arg("<p class=\"lead\">Your tender scored <b>%1</b> of %2 points and was %3. It "
                    "was then excluded after the evaluation%4.</p>",
                    {h(own.total), h(s.pointsAvailable), h(own.standing),
                     own.exclusionDate.empty() ? "" : " on " + h(own.exclusionDate)});
        html += "<p>The reason recorded:</p><ul>";
        for (const auto& reason : own.exclusionReasons)
            html += "<li>" + h(reason) + "</li>";
        html += "</ul><p>Its scores below are those of the evaluation before the exclusion.</p>";
    } else {
        html += arg("<p class=\"lead\">Your tender scored <b>%1</b> of %2 points and was %3.</p>",
                    {h(own.total), h(s.pointsAvailable), h(own.standing)});
        if (!s.winner)
            html += "<p><b>Your tender is the most advantageous tender.</b></p>";
        else
            html += arg("<p>The winning tender, %1 from %2, scored %3 points.</p>",
                        {h(s.winner->bidId), h(s.winner->supplier), h(s.winner->total)});
    }

    html += "<h2>Award criteria and how they were scored</h2>";
    html.tableOpen({"Criterion", "Weight", "Points available", "How scored"},
                   {false, true, true, false});
    for (const auto& c : own.criteria) {
        std::string method = "<span class=\"small\">" + h(c.method);
        for (const auto& d : c.descriptors)
            method += "<br>" + h(d);
        method += "</span>";
        std::string name = h(c.title);
        if (!c.group.empty())
            name += "<br><span class=\"small\">in " + h(c.group) + "</span>";
        html.row({name, h(c.weight), h(c.effectiveWeight), method}, {false, true, true, false});
    }
    html.tableClose();

    const bool scored = own.status == "ranked" || own.excludedAfterEvaluation;
    if (scored) {
        html += "<h2>Your scores" + std::string(s.winner ? " beside the winning tender's" : "") +
                "</h2>";
        html += arg("<p>Total: <b>%1</b> of %2 points%3. Max is the points available on each "
                    "criterion, Score the normalised score from 0 to 1%4.</p>",
                    {h(own.total), h(s.pointsAvailable),
                     s.winner ? "; the winning tender: " + h(s.winner->total) : std::string(),
                     s.winner ? ", Winner the winning tender's points" : ""});
        for (const auto& note : own.notes)
            html += "<p>Note: " + h(note) + "</p>";
        scoresTable(html, own, s.winner.has_value());
        socialValueSection(html, own, "your");
    }
    if (s.winner) {
        html += "<h2>The winning tender</h2>";
        html += arg(
            "<p><b>Supplier:</b> %1<br><b>Bid:</b> %2<br>Total: <b>%3</b> of %4 "
            "points.</p>",
            {h(s.winner->supplier), h(s.winner->bidId), h(s.winner->total), h(s.pointsAvailable)});
        scoresTable(html, *s.winner, false);
        socialValueSection(html, *s.winner, "the winning tender's");
    }
    html += "</body></html>";
    return html.text();
}

} // namespace

PdfWritten writeAwardReportPdf(const AwardReportContent& content, const fs::path& out) {
    // The body is 174 mm wide; images in the document are sized in 96-dpi CSS pixels.
    const double widthCss = (210 - kMarginLeftMm - kMarginRightMm) / 25.4 * 96;
    const QImage chart = drawChart(content, widthCss);
    const double heightCss = chart.height() * widthCss / chart.width();
    return renderPdf(
        [&](const std::set<int>& breaks) {
            return awardReportHtml(content, widthCss, heightCss, breaks);
        },
        QStringLiteral("Award report"), QString::fromStdString("Tender " + content.tender.id),
        &chart, out);
}

PdfWritten writeAssessmentSummaryPdf(const AssessmentSummaryContent& content, const fs::path& out) {
    return renderPdf([&](const std::set<int>& breaks) { return summaryHtml(content, breaks); },
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
