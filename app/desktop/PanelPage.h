// PanelPage: the workspace's panel: who is on it in which role and what each declared, with
// the forms to add a member and to record the acting person's declaration of interests.
#pragma once

#include <QWidget>

#include <memory>

class QComboBox;
class QLabel;
class QLineEdit;
class QPushButton;
class QRadioButton;
class QTableView;

namespace fairtender::desktop {

struct WorkspaceSnapshot;
class PanelModel;

class PanelPage : public QWidget {
    Q_OBJECT

public:
    explicit PanelPage(QWidget* parent = nullptr);

    void setSnapshot(std::shared_ptr<const WorkspaceSnapshot> snapshot);
    PanelModel* panelModel() const { return model_; }

signals:
    void addMemberRequested(const QString& name, const QString& role);
    // `bidId` empty: no conflict of interest.
    void declareRequested(const QString& bidId, const QString& details);

private:
    std::shared_ptr<const WorkspaceSnapshot> snapshot_;
    QLabel* notice_ = nullptr;
    PanelModel* model_ = nullptr;
    QTableView* table_ = nullptr;
    QLineEdit* name_ = nullptr;
    QComboBox* role_ = nullptr;
    QPushButton* add_ = nullptr;
    QLabel* declareHeading_ = nullptr;
    QRadioButton* none_ = nullptr;
    QRadioButton* conflict_ = nullptr;
    QComboBox* conflictBid_ = nullptr;
    QLineEdit* details_ = nullptr;
    QPushButton* declare_ = nullptr;
};

} // namespace fairtender::desktop
