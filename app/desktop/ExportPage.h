// ExportPage: the documents written from the tender shown, one row per kind (what it is, a
// button, a status line): the scorecard for any tender, and from a locked or awarded
// workspace the award report, the assessment summaries and the OCDS release package. Each
// is gathered off the GUI thread behind a progress dialog; PDFs are then drawn on the GUI
// thread. New kinds are added to the list in ExportPage.cpp.
#pragma once

#include <QFutureWatcher>
#include <QString>
#include <QWidget>

#include <filesystem>
#include <functional>
#include <memory>
#include <vector>

class QLabel;
class QProgressDialog;
class QPushButton;

namespace fairtender::desktop {

struct LoadedTender;
struct Prompts;
struct TenderSource;

// What a workspace document's worker thread did: why nothing can be written, or (when set)
// what draws it on the GUI thread, where the PDF's text layout runs; `render` returns what
// went wrong, or an empty text.
struct PreparedExport {
    QString error;
    std::function<QString()> render;
};

// One kind of document: `write` runs on a worker thread and returns what went wrong, or an
// empty text when the file was written. A workspace document (`prepare` set instead) is
// made from the workspace file and only once it is locked or awarded.
struct ExportKind {
    using Write = std::function<QString(const LoadedTender&, const QString& file)>;
    using Prepare = std::function<PreparedExport(const std::filesystem::path& workspace,
                                                 const QString& target)>;

    QString id; // "scorecard"
    // Where a tender on a server gives it ("/documents/scorecard") and how such a file
    // begins; the folder kind (the summaries) is fetched bid by bid instead.
    std::string serverPath;
    std::string magic;
    QString title;
    QString description;
    QString suffix; // "xlsx"
    QString filter; // "Excel workbooks (*.xlsx)"
    Write write;
    Prepare prepare;
    bool toFolder = false; // the target is an existing folder rather than a file
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
    // The workspace shown (empty for a folder) and why its reports cannot be written yet
    // (empty once it is locked or awarded).
    void setWorkspace(const QString& path, const QString& reportsUnavailable);
    // A tender on a server (null for none): each document is then fetched as the server made
    // it from its verified record. `unavailable`: why the account may not have them (the
    // engine's rule), `reportsUnavailable` as for a workspace (kept as setWorkspace left it
    // when `server` is null).
    void setServer(std::shared_ptr<const TenderSource> server, const QString& unavailable,
                   const QString& reportsUnavailable);
    // Why the record fails verification (empty when it verified): every export is then
    // disabled with this reason, the scorecard included.
    void setRecordBroken(const QString& why);
    // The tooltip of the kind `id`'s button: what it writes, or why it is disabled.
    QString toolTipOf(const QString& id) const;
    bool isEnabled(const QString& id) const;
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
        QString reasonShown; // the reason the status line shows while the row is disabled
    };

    void finish();
    void updateRows();

    std::shared_ptr<const Prompts> prompts_;
    std::shared_ptr<const LoadedTender> tender_;
    std::shared_ptr<const TenderSource> server_;
    QString serverUnavailable_;
    QLabel* notice_ = nullptr;
    std::vector<Row> rows_;
    QString workspace_;
    QString reportsUnavailable_;
    QString recordBroken_;
    QFutureWatcher<PreparedExport>* watcher_ = nullptr;
    QProgressDialog* progress_ = nullptr;
    int running_ = -1;
    QString runningFile_;
};

} // namespace fairtender::desktop
