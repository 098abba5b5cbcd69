#include "desktop/ResultsPage.h"

#include "core/Money.h"
#include "desktop/CellExplanation.h"
#include "desktop/LoadedTender.h"
#include "desktop/PointsChartView.h"
#include "desktop/QtText.h"
#include "desktop/RankingColumns.h"
#include "desktop/RankingModel.h"

#include <QFontDatabase>
#include <QHeaderView>
#include <QItemSelectionModel>
#include <QLabel>
#include <QLineEdit>
#include <QShortcut>
#include <QSplitter>
#include <QTableView>
#include <QTextEdit>
#include <QVBoxLayout>

#include <algorithm>

namespace fairtender::desktop {

namespace {

constexpr int kRowsMeasuredForWidth = 200;

QString summaryText(const LoadedTender& tender) {
    const Tender& model = tender.evaluation.folder->tender;
    const EvaluationResult& result = *tender.evaluation.result;
    std::size_t ranked = 0;
    for (const auto& bid : result.bids)
        ranked += bid.status == BidStatus::Ranked ? 1 : 0;
    QString text = QStringLiteral("<b>%1</b> &nbsp; %2")
                       .arg(QString::fromStdString(model.id).toHtmlEscaped(),
                            QString::fromStdString(model.title).toHtmlEscaped());
    if (!model.buyer.empty())
        text += QStringLiteral(" &middot; ") + QString::fromStdString(model.buyer).toHtmlEscaped();
    text += QStringLiteral("<br>%1 bids, %2 ranked, %3 excluded. ")
                .arg(result.bids.size())
                .arg(ranked)
                .arg(result.bids.size() - ranked);
    if (result.winnerId) {
        const BidResult* winner = result.findBid(*result.winnerId);
        text += QStringLiteral("Winner: <b>%1</b> %2.")
                    .arg(QString::fromStdString(*result.winnerId).toHtmlEscaped(),
                         winner ? QString::fromStdString(winner->supplierName).toHtmlEscaped()
                                : QString());
    } else {
        text += QStringLiteral("No winner: no bid is ranked or first place is tied.");
    }
    text += QStringLiteral(" Select any cell to see how it was worked out.");
    return text;
}

} // namespace

ResultsPage::ResultsPage(QWidget* parent) : QWidget(parent) {
    summary_ = new QLabel(this);
    summary_->setObjectName(QStringLiteral("resultsSummaryLabel"));
    summary_->setTextFormat(Qt::RichText);
    summary_->setWordWrap(true);

    filter_ = new QLineEdit(this);
    filter_->setObjectName(QStringLiteral("resultsFilterLineEdit"));
    filter_->setAccessibleName(QStringLiteral("Filter bids"));
    filter_->setPlaceholderText(QStringLiteral("Filter bids by supplier, bid or status (Ctrl+F)"));
    filter_->setClearButtonEnabled(true);

    model_ = new RankingModel(this);
    proxy_ = new RankingProxyModel(this);
    proxy_->setSourceModel(model_);
    proxy_->setSortRole(RankingModel::SortRole);

    table_ = new QTableView(this);
    table_->setObjectName(QStringLiteral("rankingTableView"));
    table_->setAccessibleName(QStringLiteral("Ranking"));
    table_->setModel(proxy_);
    table_->setSortingEnabled(true);
    table_->sortByColumn(-1, Qt::AscendingOrder); // engine order: rank, then excluded bids
    table_->setSelectionBehavior(QAbstractItemView::SelectItems);
    table_->setSelectionMode(QAbstractItemView::SingleSelection);
    table_->setAlternatingRowColors(true);
    table_->verticalHeader()->hide();
    table_->horizontalHeader()->setStretchLastSection(true);
    table_->setWordWrap(false);

    chart_ = new PointsChartView(this);
    chart_->setObjectName(QStringLiteral("pointsChartView"));
    chart_->setAccessibleName(QStringLiteral("Points by group"));

    explanation_ = new QTextEdit(this);
    explanation_->setObjectName(QStringLiteral("explanationTextEdit"));
    explanation_->setAccessibleName(QStringLiteral("Explanation"));
    explanation_->setReadOnly(true);
    explanation_->setFont(QFontDatabase::systemFont(QFontDatabase::FixedFont));
    explanation_->setPlaceholderText(
        QStringLiteral("Select a cell of the ranking to see its formula with the numbers."));

    auto* lower = new QSplitter(Qt::Horizontal, this);
    lower->addWidget(chart_);
    lower->addWidget(explanation_);
    lower->setStretchFactor(0, 3);
    lower->setStretchFactor(1, 2);
    // The chart's legend needs the room more than the explanation, which wraps.
    lower->setSizes({600, 400});

    auto* split = new QSplitter(Qt::Vertical, this);
    split->addWidget(table_);
    split->addWidget(lower);
    split->setStretchFactor(0, 1);
    split->setStretchFactor(1, 1);

    auto* layout = new QVBoxLayout(this);
    layout->addWidget(summary_);
    layout->addWidget(filter_);
    layout->addWidget(split, 1);

    connect(filter_, &QLineEdit::textChanged, this,
            [this](const QString& text) { proxy_->setFilterText(text.trimmed()); });
    auto* find = new QShortcut(QKeySequence(Qt::CTRL | Qt::Key_F), this);
    find->setContext(Qt::WidgetWithChildrenShortcut);
    connect(find, &QShortcut::activated, this, [this] {
        filter_->setFocus(Qt::ShortcutFocusReason);
        filter_->selectAll();
    });

    connect(table_->selectionModel(), &QItemSelectionModel::currentChanged, this,
            [this](const QModelIndex& current, const QModelIndex&) { explain(current); });
}

void ResultsPage::setTender(const std::shared_ptr<const LoadedTender>& tender) {
    const bool showable = tender && tender->ok();
    model_->setTender(showable ? tender : nullptr);
    chart_->setTender(showable ? tender : nullptr);
    summary_->setText(showable ? summaryText(*tender) : QString());
    explanation_->clear();
    // Widths from the header and the first rows only (the ranked top, which has the longest
    // totals): measuring every one of 10,000 rows would take longer than the evaluation.
    table_->horizontalHeader()->setResizeContentsPrecision(kRowsMeasuredForWidth);
    table_->resizeColumnsToContents();
    // Long supplier names, reasons and titles must not push the points off screen: the cells
    // elide, and the whole text is in their tooltips.
    for (int column = 0; column < proxy_->columnCount(); ++column) {
        const RankingColumn* shown = model_->columnAt(column);
        const bool narrow = shown != nullptr &&
                            (isPointsColumn(*shown) || shown->kind == RankingColumnKind::Status ||
                             shown->kind == RankingColumnKind::Flags);
        const int widest = narrow ? 112 : 170;
        table_->setColumnWidth(column, std::min(table_->columnWidth(column), widest));
    }
    // Start on the winner's total, so the panel shows at once how a total is made.
    if (showable && proxy_->rowCount() > 0)
        for (int column = 0; column < proxy_->columnCount(); ++column)
            if (const auto* kind = model_->columnAt(column);
                kind != nullptr && kind->kind == RankingColumnKind::Total)
                table_->setCurrentIndex(proxy_->index(0, column));
}

void ResultsPage::showCriterion(const QString& bidId, const QString& criterionId) {
    const LoadedTender* tender = model_->tender();
    if (tender == nullptr)
        return;
    const EvaluationResult& result = *tender->evaluation.result;
    const auto leaf = result.leafIndex(criterionId.toStdString());
    if (!leaf)
        return;
    const auto& path = result.leaves[*leaf].path;
    int column = -1;
    for (int c = 0; c < model_->columnCount(); ++c) {
        const RankingColumn* shown = model_->columnAt(c);
        if (shown == nullptr)
            continue;
        if ((shown->kind == RankingColumnKind::Leaf && shown->index == *leaf) ||
            (shown->kind == RankingColumnKind::Group &&
             std::find(path.begin(), path.end(), shown->id) != path.end()))
            column = c;
    }
    for (int row = 0; row < model_->rowCount() && column >= 0; ++row)
        if (const BidResult* bid = model_->bidAt(row);
            bid != nullptr && qtext(bid->bidId) == bidId) {
            filter_->clear();
            const QModelIndex shown = proxy_->mapFromSource(model_->index(row, column));
            table_->setCurrentIndex(shown);
            table_->scrollTo(shown);
            table_->setFocus(Qt::OtherFocusReason);
            return;
        }
}

void ResultsPage::showUnavailable(const QString& why) {
    setTender(nullptr);
    summary_->setText(why);
}

void ResultsPage::explain(const QModelIndex& current) {
    const QModelIndex source = proxy_->mapToSource(current);
    const LoadedTender* tender = model_->tender();
    const BidResult* bid = model_->bidAt(source.row());
    const RankingColumn* column = model_->columnAt(source.column());
    if (!source.isValid() || tender == nullptr || bid == nullptr || column == nullptr) {
        explanation_->clear();
        return;
    }
    explanation_->setPlainText(QString::fromStdString(
        explainCell(*tender->evaluation.folder, *tender->evaluation.result, *bid, *column)));
}

} // namespace fairtender::desktop
