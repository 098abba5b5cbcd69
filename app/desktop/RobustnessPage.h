// RobustnessPage: how robust the award is, beside Results. The engine's award confidence
// analysis (sensitivity/AwardSensitivity.h) of the tender shown, computed off the GUI
// thread with a progress bar and a Cancel button: the verdict (a close call in red), a
// tornado chart of the nearest weight flips, the bids' first-place odds as bars, and the
// mark flips as a list whose entries open the criterion.
#pragma once

#include "sensitivity/AwardSensitivity.h"

#include <QWidget>

#include <atomic>
#include <memory>

class QChartView;
class QLabel;
class QProgressBar;
class QPushButton;
class QSpinBox;
class QTableWidget;
class QTimer;
template <typename T> class QFutureWatcher;

namespace fairtender::desktop {

struct LoadedTender;

class RobustnessPage : public QWidget {
    Q_OBJECT

public:
    explicit RobustnessPage(QWidget* parent = nullptr);
    ~RobustnessPage() override;

    // The tender to weigh (it must be ok()); null clears the page. The analysis starts when
    // the page is next shown, or at once when it is showing.
    void setTender(const std::shared_ptr<const LoadedTender>& tender);
    // Clears the page and says in its place why there is nothing to weigh.
    void showUnavailable(const QString& why);

    // Starts weighing the tender with the samples and seed set on the page.
    void weigh();
    // Asks a running analysis to stop; the page then says it was cancelled.
    void cancel();
    bool isWeighing() const;
    // The last complete analysis, or null.
    const AwardSensitivity* sensitivity() const { return shown_.get(); }
    // Whether the person acting may record the run in the audit trail (the engine's rule);
    // `why` says why not, on the button.
    void setRecordable(bool recordable, const QString& why);
    // The samples and seed set on the page.
    OddsSettings oddsSettings() const;

signals:
    // A mark flip was opened: show this bid's score on this criterion.
    void criterionRequested(const QString& bidId, const QString& criterionId);
    // An analysis finished (complete or cancelled) and is shown.
    void weighed();
    // "Record in the audit trail" was pressed: record a run with these samples and seed.
    void recordRequested(const OddsSettings& odds, bool clearWinner);

protected:
    void showEvent(QShowEvent* event) override;

private:
    void finish();
    void display(const AwardSensitivity& sensitivity);
    void clearCharts();

    std::shared_ptr<const LoadedTender> tender_;
    std::shared_ptr<const LoadedTender> weighingFor_; // the tender of the run under way
    bool stale_ = false;
    bool weighing_ = false;
    std::shared_ptr<std::atomic<bool>> cancelled_;
    std::shared_ptr<std::atomic<int>> percent_;
    std::shared_ptr<const AwardSensitivity> shown_;
    QFutureWatcher<std::shared_ptr<const AwardSensitivity>>* watcher_ = nullptr;
    QLabel* verdict_ = nullptr;
    QSpinBox* samples_ = nullptr;
    QSpinBox* seed_ = nullptr;
    QPushButton* weigh_ = nullptr;
    QPushButton* cancel_ = nullptr;
    QPushButton* record_ = nullptr;
    bool recordable_ = false;
    QProgressBar* progress_ = nullptr;
    QTimer* progressTimer_ = nullptr; // shows the worker's progress while it runs
    QChartView* tornado_ = nullptr;
    QChartView* odds_ = nullptr;
    QTableWidget* markFlips_ = nullptr;
};

} // namespace fairtender::desktop
