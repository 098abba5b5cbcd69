// StartPage: where work begins: open a tender folder or a workspace, create a workspace
// from a folder, open one of the shipped samples, or reopen a recent folder or workspace.
#pragma once

#include <QFutureWatcher>
#include <QStringList>
#include <QWidget>

class QStandardItemModel;
class QStringListModel;
class QListView;

namespace fairtender::desktop {

class StartPage : public QWidget {
    Q_OBJECT

public:
    explicit StartPage(QWidget* parent = nullptr);
    ~StartPage() override;

    // Lists the sample folders found in the samples directory (those holding tender.xml).
    void refreshSamples();
    // Shows these folders and workspaces, most recent first: each path at once, then, read
    // in the background, the tender's title and how far it has got.
    void setRecentFolders(const QStringList& folders);
    // True until every recent entry has its title and stage.
    bool isDescribingRecent() const;

    // The recent list's items hold their path here; the display text is for people.
    static constexpr int PathRole = Qt::UserRole + 1;

    QStringListModel* samplesModel() const { return samples_; }
    QStandardItemModel* recentModel() const { return recent_; }

signals:
    void chooseFolderRequested();
    void newTenderRequested();
    void createWorkspaceRequested();
    void openRequested(const QString& folder);

private:
    QString samplesPath_;
    QStringListModel* samples_ = nullptr;
    QStandardItemModel* recent_ = nullptr;
    QStringList recentPaths_;
    QFutureWatcher<QStringList>* describer_ = nullptr;
};

} // namespace fairtender::desktop
