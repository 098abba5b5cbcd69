// ScoringPage: the acting evaluator's scoring grid (bids as the engine lets them see them x
// judgement criteria), the chosen criterion's scale and descriptors, the score entry with
// its required reason, the others' scores once one's own is in, and the lead's reopen.
#pragma once

#include <QWidget>

#include <memory>

class QCheckBox;
class QComboBox;
class QLabel;
class QLineEdit;
class QPlainTextEdit;
class QPushButton;
class QTableView;
class QTextBrowser;

namespace fairtender::desktop {

struct WorkspaceSnapshot;
class ScoringModel;

class ScoringPage : public QWidget {
    Q_OBJECT

public:
    explicit ScoringPage(QWidget* parent = nullptr);

    void setSnapshot(std::shared_ptr<const WorkspaceSnapshot> snapshot);
    ScoringModel* scoringModel() const { return model_; }
    QTableView* gridView() const { return grid_; }

signals:
    void scoreRequested(const QString& bidId, const QString& criterionId, const QString& value,
                        const QString& reason);
    void reopenRequested(const QString& bidId, const QString& criterionId, const QString& evaluator,
                         const QString& reason);
    void anonymousChanged(bool anonymous);
    // The acting evaluator asks for their score sheet to fill in, or returns a filled one.
    void exportSheetRequested();
    void importSheetRequested();

private:
    void showCell();
    QString bidIdAt(int row) const;
    QString criterionIdAt(int column) const;

    std::shared_ptr<const WorkspaceSnapshot> snapshot_;
    QLabel* notice_ = nullptr;
    QCheckBox* anonymous_ = nullptr;
    QPushButton* exportSheet_ = nullptr;
    QPushButton* importSheet_ = nullptr;
    ScoringModel* model_ = nullptr;
    QTableView* grid_ = nullptr;
    QTextBrowser* scale_ = nullptr;
    QTextBrowser* others_ = nullptr;
    QLabel* cellState_ = nullptr;
    QLineEdit* value_ = nullptr;
    QPlainTextEdit* reason_ = nullptr;
    QPushButton* submit_ = nullptr;
    QWidget* reopenBox_ = nullptr;
    QComboBox* reopenEvaluator_ = nullptr;
    QLineEdit* reopenReason_ = nullptr;
    QPushButton* reopen_ = nullptr;
};

} // namespace fairtender::desktop
