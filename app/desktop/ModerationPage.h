// ModerationPage: the moderation agenda (every bid and judgement criterion with each
// evaluator's score and reason side by side, spreads over the threshold first), the
// consensus entry starting from the mean, and the lead's abnormally-low price decisions.
#pragma once

#include <QWidget>

#include <memory>

class QComboBox;
class QLabel;
class QLineEdit;
class QPushButton;
class QTableView;

namespace fairtender::desktop {

struct WorkspaceSnapshot;
class ModerationModel;

class ModerationPage : public QWidget {
    Q_OBJECT

public:
    explicit ModerationPage(QWidget* parent = nullptr);

    void setSnapshot(std::shared_ptr<const WorkspaceSnapshot> snapshot);
    ModerationModel* moderationModel() const { return model_; }
    QTableView* agendaView() const { return table_; }

signals:
    void consensusRequested(const QString& bidId, const QString& criterionId, const QString& value,
                            const QString& reason, const QString& changeReason);
    void abnormallyLowRequested(const QString& bidId, bool accept, const QString& reason);

private:
    void showItem();

    std::shared_ptr<const WorkspaceSnapshot> snapshot_;
    QLabel* notice_ = nullptr;
    ModerationModel* model_ = nullptr;
    QTableView* table_ = nullptr;
    QLabel* item_ = nullptr;
    QLineEdit* value_ = nullptr;
    QLineEdit* reason_ = nullptr;
    QLineEdit* changeReason_ = nullptr;
    QPushButton* agree_ = nullptr;
    QLabel* lowNotice_ = nullptr;
    QComboBox* lowBid_ = nullptr;
    QLineEdit* lowReason_ = nullptr;
    QPushButton* accept_ = nullptr;
    QPushButton* reject_ = nullptr;
};

} // namespace fairtender::desktop
