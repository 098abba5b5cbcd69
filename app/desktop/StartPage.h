// StartPage: where work begins: open a tender folder or a workspace, create a workspace
// from a folder, open one of the shipped samples, or reopen a recent folder or workspace.
#pragma once

#include <QWidget>

class QStringListModel;
class QListView;

namespace fairtender::desktop {

class StartPage : public QWidget {
    Q_OBJECT

public:
    explicit StartPage(QWidget* parent = nullptr);

    // Lists the sample folders found in the samples directory (those holding tender.xml).
    void refreshSamples();
    // Shows these folders and workspaces, most recent first.
    void setRecentFolders(const QStringList& folders);

    QStringListModel* samplesModel() const { return samples_; }
    QStringListModel* recentModel() const { return recent_; }

signals:
    void chooseFolderRequested();
    void newTenderRequested();
    void createWorkspaceRequested();
    void openRequested(const QString& folder);

private:
    QString samplesPath_;
    QStringListModel* samples_ = nullptr;
    QStringListModel* recent_ = nullptr;
};

} // namespace fairtender::desktop
