#include "desktop/PointsChartView.h"

#include "desktop/LoadedTender.h"
#include "desktop/RankingColumns.h"

#include <QBarCategoryAxis>
#include <QBarSet>
#include <QChart>
#include <QHorizontalStackedBarSeries>
#include <QValueAxis>

namespace fairtender::desktop {

namespace {

// More bars than this are unreadable at any window size and slow to lay out.
constexpr std::size_t kBarsShown = 20;

} // namespace

PointsChartView::PointsChartView(QWidget* parent) : QChartView(parent) {
    setRenderHint(QPainter::Antialiasing);
    setMinimumHeight(220);
    setTender(nullptr);
}

void PointsChartView::setTender(const std::shared_ptr<const LoadedTender>& tender) {
    auto* chart = new QChart();
    chart->setTitle(QStringLiteral("Points by group, ranked bids"));
    // Beside the bars, one line each, so no group's name is cut short in a small window.
    chart->legend()->setAlignment(Qt::AlignRight);
    chart->legend()->setShowToolTips(true); // long group names are elided
    chart->setMargins(QMargins(4, 4, 4, 4));
    if (tender && tender->ok()) {
        const EvaluationResult& result = *tender->evaluation.result;
        const auto columns = rankingColumns(tender->evaluation.folder->tender, result);
        // The engine lists ranked bids first, best first (its ranking order).
        std::vector<const BidResult*> ranked;
        std::size_t rankedCount = 0;
        for (const auto& bid : result.bids)
            if (bid.status == BidStatus::Ranked && ++rankedCount <= kBarsShown)
                ranked.push_back(&bid);
        if (rankedCount > kBarsShown)
            chart->setTitle(QStringLiteral("Points by group, top %1 of %2 ranked bids")
                                .arg(kBarsShown)
                                .arg(rankedCount));
        // Horizontal bars run bottom to top: list the lowest rank first so rank 1 is on top.
        QStringList categories;
        for (auto it = ranked.rbegin(); it != ranked.rend(); ++it)
            categories << QString::fromStdString((*it)->bidId);
        auto* series = new QHorizontalStackedBarSeries();
        double available = 0;
        for (const auto& column : columns) {
            if (!isPointsColumn(column))
                continue;
            const bool leaf = column.kind == RankingColumnKind::Leaf;
            available += leaf ? result.leaves[column.index].effectiveWeight
                              : result.groups[column.index].effectiveWeight;
            auto* set = new QBarSet(QString::fromStdString(column.header));
            for (auto it = ranked.rbegin(); it != ranked.rend(); ++it) {
                const BidResult& bid = **it;
                if (leaf)
                    *set << (column.index < bid.criteria.size() ? bid.criteria[column.index].points
                                                                : 0);
                else
                    *set << (column.index < bid.groups.size() ? bid.groups[column.index].points
                                                              : 0);
            }
            series->append(set);
        }
        series->setBarWidth(0.7);
        chart->addSeries(series);
        auto* bids = new QBarCategoryAxis();
        bids->append(categories);
        chart->addAxis(bids, Qt::AlignLeft);
        series->attachAxis(bids);
        auto* points = new QValueAxis();
        points->setRange(0, available > 0 ? available : 100);
        points->setLabelFormat(QStringLiteral("%.0f"));
        points->setTitleText(QStringLiteral("points"));
        chart->addAxis(points, Qt::AlignBottom);
        series->attachAxis(points);
    }
    QChart* old = this->chart();
    setChart(chart); // the view takes ownership of the new chart, not of the old one
    delete old;
}

} // namespace fairtender::desktop
