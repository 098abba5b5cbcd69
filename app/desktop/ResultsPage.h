// ResultsPage: the ranking table, the stacked chart of points by group and the explanation
// panel that shows the formula behind whichever cell is selected.
#pragma once

#include <QWidget>

#include <memory>

class QLabel;
class QLineEdit;
class QTableView;
class QTextEdit;

namespace fairtender::desktop {

struct LoadedTender;

class PointsChartView;
class RankingModel;
class RankingProxyModel;

class ResultsPage : public QWidget {
    Q_OBJECT

public:
    explicit ResultsPage(QWidget* parent = nullptr);

    // Shows this tender's results (it must be ok()); null clears the page.
    void setTender(const std::shared_ptr<const LoadedTender>& tender);
    // Clears the page and says in its place why there is nothing to show.
    void showUnavailable(const QString& why);

    // Selects the bid's cell in the column holding the criterion (its own, or its top-level
    // group's) and shows how it was worked out; nothing when either is not shown.
    void showCriterion(const QString& bidId, const QString& criterionId);

    RankingModel* rankingModel() const { return model_; }
    QTableView* rankingView() const { return table_; }
    // "Filter bids" above the table (Ctrl+F): keeps the rows whose bid, supplier or status
    // contains the text.
    QLineEdit* filterEdit() const { return filter_; }

private:
    void explain(const QModelIndex& current);

    QLabel* summary_ = nullptr;
    RankingModel* model_ = nullptr;
    QLineEdit* filter_ = nullptr;
    RankingProxyModel* proxy_ = nullptr;
    QTableView* table_ = nullptr;
    PointsChartView* chart_ = nullptr;
    QTextEdit* explanation_ = nullptr;
};

} // namespace fairtender::desktop
