// AuditPage: the workspace's audit log with filters by bid, person and text, and Verify,
// which checks the hash chain and every stored record off the GUI thread and shows the
// head hash or the first broken entry.
#pragma once

#include <QFutureWatcher>
#include <QWidget>

#include <memory>

class QLabel;
class QLineEdit;
class QPushButton;
class QTableView;

namespace fairtender {
struct VerifyReport;
}

namespace fairtender::desktop {

struct WorkspaceSnapshot;
class AuditFilterModel;
class AuditLogModel;

class AuditPage : public QWidget {
    Q_OBJECT

public:
    explicit AuditPage(QWidget* parent = nullptr);
    ~AuditPage() override;

    void setSnapshot(std::shared_ptr<const WorkspaceSnapshot> snapshot);
    // Verifies the workspace shown in the background; nothing while one runs.
    void verify();
    bool isVerifying() const;

    AuditLogModel* logModel() const { return model_; }
    AuditFilterModel* filterModel() const { return filter_; }

signals:
    void verified(bool ok);

private:
    void showReport();
    void fitColumns();

    std::shared_ptr<const WorkspaceSnapshot> snapshot_;
    QLabel* notice_ = nullptr;
    QLineEdit* bid_ = nullptr;
    QLineEdit* who_ = nullptr;
    QLineEdit* text_ = nullptr;
    AuditLogModel* model_ = nullptr;
    AuditFilterModel* filter_ = nullptr;
    QTableView* table_ = nullptr;
    QPushButton* verify_ = nullptr;
    QLabel* result_ = nullptr;
    QFutureWatcher<std::shared_ptr<const VerifyReport>>* watcher_ = nullptr;
};

} // namespace fairtender::desktop
