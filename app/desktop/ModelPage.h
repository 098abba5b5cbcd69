// ModelPage: the evaluation model as a read-only tree with the lint warnings beside it.
#pragma once

#include <QWidget>

#include <memory>

class QLabel;
class QListView;
class QTreeView;

namespace fairtender::desktop {

struct LoadedTender;

class DiagnosticListModel;
class ModelTreeModel;

class ModelPage : public QWidget {
    Q_OBJECT

public:
    explicit ModelPage(QWidget* parent = nullptr);

    // Shows the tender's model and lint warnings; null or unreadable clears the page.
    void setTender(const std::shared_ptr<const LoadedTender>& tender);

    ModelTreeModel* treeModel() const { return tree_; }
    DiagnosticListModel* lintModel() const { return lint_; }

private:
    ModelTreeModel* tree_ = nullptr;
    DiagnosticListModel* lint_ = nullptr;
    QTreeView* treeView_ = nullptr;
    QLabel* lintLabel_ = nullptr;
};

} // namespace fairtender::desktop
