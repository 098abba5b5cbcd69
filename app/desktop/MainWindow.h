// MainWindow: the desktop app's window: the Start, Results (or Problems), Model and Bids
// screens, the actions and shortcuts that move between them, evaluation of a tender folder
// off the GUI thread with a busy indicator, and the all-or-nothing import of bid files.
#pragma once

#include <QFutureWatcher>
#include <QMainWindow>
#include <QStringList>

#include <atomic>
#include <functional>
#include <memory>

class QAction;
class QLabel;
class QProgressBar;
class QProgressDialog;
class QStackedWidget;

namespace fairtender::desktop {

struct BidImportCheck;
struct LoadedTender;

class BidsPage;
class ModelPage;
class ProblemsPage;
class ResultsPage;
class StartPage;

class MainWindow : public QMainWindow {
    Q_OBJECT

public:
    enum class Screen { Start, Results, Model, Bids };

    explicit MainWindow(QWidget* parent = nullptr);
    ~MainWindow() override;

    // Evaluates `folder` in the background and shows its results, or its problems when it
    // is invalid. A later call supersedes an earlier one still running.
    void openFolder(const QString& folder);
    // Evaluates the open folder again (after its files were edited); nothing if none is open.
    void reevaluate();
    // Shows a screen; Results shows the Problems list when the open folder is invalid.
    void showScreen(Screen screen);

    // What the Open action asks for a folder with; tests replace the file dialog with it.
    void setFolderChooser(std::function<QString(QWidget*)> chooser);
    // What the Import action asks for bid files with; tests replace the file dialog with it.
    void setBidFilesChooser(std::function<QStringList(QWidget*)> chooser);
    // Checks `files` with the open folder off the GUI thread, then copies them into its bids/
    // and evaluates again, or imports none and lists every problem. Nothing while busy.
    void importBidFiles(const QStringList& files);

    bool isBusy() const;
    // The tender last shown, or nullptr before any folder has been evaluated.
    std::shared_ptr<const LoadedTender> tender() const { return tender_; }

signals:
    // Emitted after an evaluation finished and its results or problems are on screen.
    void tenderShown();
    // Emitted when an import ends: `imported` is false when it was refused or cancelled.
    void importFinished(bool imported);

protected:
    void closeEvent(QCloseEvent* event) override;

private:
    void createActions();
    void chooseFolder();
    void chooseBidFiles();
    void finishImport();
    void showLoaded();
    void rememberRecent(const QString& folder);
    void updateActions();

    QStackedWidget* stack_ = nullptr;
    StartPage* start_ = nullptr;
    ResultsPage* results_ = nullptr;
    ModelPage* model_ = nullptr;
    ProblemsPage* problems_ = nullptr;
    BidsPage* bids_ = nullptr;
    QProgressBar* busy_ = nullptr;
    QLabel* status_ = nullptr;
    QAction* reevaluate_ = nullptr;
    QAction* showResults_ = nullptr;
    QAction* showModel_ = nullptr;
    QAction* showBids_ = nullptr;
    QAction* importBids_ = nullptr;
    QFutureWatcher<std::shared_ptr<const LoadedTender>>* watcher_ = nullptr;
    std::function<QString(QWidget*)> chooser_;
    std::function<QStringList(QWidget*)> bidFilesChooser_;
    QFutureWatcher<std::shared_ptr<const BidImportCheck>>* importWatcher_ = nullptr;
    QProgressDialog* importProgress_ = nullptr;
    std::shared_ptr<std::atomic<bool>> importCancelled_;
    QString importFolder_;    // the folder being imported into, empty when no import runs
    QStringList importFiles_; // the files being imported
    std::shared_ptr<const LoadedTender> tender_;
    QString folder_;  // the folder last asked for
    QString pending_; // the folder being evaluated, empty when idle
    QString queued_;  // asked for while another evaluation was running
};

} // namespace fairtender::desktop
