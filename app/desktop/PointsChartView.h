// PointsChartView: a horizontal stacked bar per ranked bid (the top 20 when there are more,
// as its title then says), one bar set per scored top-level node of the model (a group or a
// criterion), so each bar's length is the bid's total and its pieces show where the points
// came from.
#pragma once

#include <QChartView>

#include <memory>

namespace fairtender::desktop {

struct LoadedTender;

class PointsChartView : public QChartView {
    Q_OBJECT

public:
    explicit PointsChartView(QWidget* parent = nullptr);

    // Rebuilds the chart for this tender's ranked bids (the top 20); empty for a null or invalid
    // tender.
    void setTender(const std::shared_ptr<const LoadedTender>& tender);
};

} // namespace fairtender::desktop
