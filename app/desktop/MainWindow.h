// MainWindow: the desktop app's window: the Start, Results (or Problems) and Model
// screens, the actions and shortcuts that move between them, and evaluation of a tender
// folder off the GUI thread with a busy indicator.
#pragma once

#include <QFutureWatcher>
#include <QMainWindow>

#include <functional>
#include <memory>

class QAction;
class QLabel;
class QProgressBar;
class QStackedWidget;

namespace fairtender::desktop {

struct LoadedTender;

class ModelPage;
class ProblemsPage;
class ResultsPage;
class StartPage;

class MainWindow : public QMainWindow {
    Q_OBJECT

public:
    enum class Screen { Start, Results, Model };

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

    bool isBusy() const;
    // The tender last shown, or nullptr before any folder has been evaluated.
    std::shared_ptr<const LoadedTender> tender() const { return tender_; }

signals:
    // Emitted after an evaluation finished and its results or problems are on screen.
    void tenderShown();

protected:
    void closeEvent(QCloseEvent* event) override;

private:
    void createActions();
    void chooseFolder();
    void showLoaded();
    void rememberRecent(const QString& folder);
    void updateActions();

    QStackedWidget* stack_ = nullptr;
    StartPage* start_ = nullptr;
    ResultsPage* results_ = nullptr;
    ModelPage* model_ = nullptr;
    ProblemsPage* problems_ = nullptr;
    QProgressBar* busy_ = nullptr;
    QLabel* status_ = nullptr;
    QAction* reevaluate_ = nullptr;
    QAction* showResults_ = nullptr;
    QAction* showModel_ = nullptr;
    QFutureWatcher<std::shared_ptr<const LoadedTender>>* watcher_ = nullptr;
    std::function<QString(QWidget*)> chooser_;
    std::shared_ptr<const LoadedTender> tender_;
    QString folder_;  // the folder last asked for
    QString pending_; // the folder being evaluated, empty when idle
    QString queued_;  // asked for while another evaluation was running
};

} // namespace fairtender::desktop
