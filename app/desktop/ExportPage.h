// ExportPage: the documents written from the tender shown, one row per kind (what it is, a
// button, a status line), each written off the GUI thread behind a progress dialog. New
// kinds are added to the list in ExportPage.cpp.
#pragma once

#include <QFutureWatcher>
#include <QString>
#include <QWidget>

#include <functional>
#include <memory>
#include <vector>

class QLabel;
class QProgressDialog;
class QPushButton;

namespace fairtender::desktop {

struct LoadedTender;
struct Prompts;

// One kind of document: `write` runs on a worker thread and returns what went wrong, or an
// empty text when the file was written.
struct ExportKind {
    using Write = std::function<QString(const LoadedTender&, const QString& file)>;

    QString id; // "scorecard"
    QString title;
    QString description;
    QString suffix; // "xlsx"
    QString filter; // "Excel workbooks (*.xlsx)"
    Write write;
};

class ExportPage : public QWidget {
    Q_OBJECT

public:
    explicit ExportPage(std::shared_ptr<const Prompts> prompts, QWidget* parent = nullptr);
    ~ExportPage() override;

    // The tender to export (it must be ok()); null says why nothing can be exported, in the
    // words of `unavailable` when given.
    void setTender(std::shared_ptr<const LoadedTender> tender, const QString& unavailable = {});
    // Asks where to save the kind `id`, then writes it in the background.
    void exportKind(const QString& id);
    bool isBusy() const;
    // The status line of the kind `id`, for tests and screenshots.
    QString statusOf(const QString& id) const;

signals:
    void exported(const QString& id, bool ok);

private:
    struct Row {
        ExportKind kind;
        QPushButton* button = nullptr;
        QLabel* status = nullptr;
    };

    void finish();
    void updateRows();

    std::shared_ptr<const Prompts> prompts_;
    std::shared_ptr<const LoadedTender> tender_;
    QLabel* notice_ = nullptr;
    std::vector<Row> rows_;
    QFutureWatcher<QString>* watcher_ = nullptr;
    QProgressDialog* progress_ = nullptr;
    int running_ = -1;
    QString runningFile_;
};

} // namespace fairtender::desktop
