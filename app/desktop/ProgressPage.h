// ProgressPage: a workspace whose results are not locked yet, shown as the evaluation in
// progress rather than as results or errors: for each judgement criterion how many bids
// each evaluator has scored and how many consensus scores are agreed, what the next stage
// still needs, and what the person acting has left to do. No ranking is shown until the
// results are locked.
#pragma once

#include <QWidget>

#include <memory>

class QLabel;
class QListWidget;
class QStandardItemModel;
class QTableView;

namespace fairtender::desktop {

struct WorkspaceSnapshot;

class ProgressPage : public QWidget {
    Q_OBJECT

public:
    explicit ProgressPage(QWidget* parent = nullptr);

    // Shows the snapshot's progress; null clears the page.
    void setSnapshot(const std::shared_ptr<const WorkspaceSnapshot>& snapshot);

    QStandardItemModel* progressModel() const { return model_; }

private:
    QLabel* heading_ = nullptr;
    QStandardItemModel* model_ = nullptr;
    QTableView* table_ = nullptr;
    QLabel* next_ = nullptr;
    QLabel* todoHeading_ = nullptr;
    QListWidget* todo_ = nullptr;
};

} // namespace fairtender::desktop
