#include "desktop/ModelPage.h"

#include "desktop/DiagnosticListModel.h"
#include "desktop/LoadedTender.h"
#include "desktop/ModelTreeModel.h"

#include <QHeaderView>
#include <QLabel>
#include <QListView>
#include <QSplitter>
#include <QTreeView>
#include <QVBoxLayout>

namespace fairtender::desktop {

ModelPage::ModelPage(QWidget* parent) : QWidget(parent) {
    tree_ = new ModelTreeModel(this);
    lint_ = new DiagnosticListModel(this);

    treeView_ = new QTreeView(this);
    treeView_->setObjectName(QStringLiteral("modelTreeView"));
    treeView_->setAccessibleName(QStringLiteral("Evaluation model"));
    treeView_->setModel(tree_);
    treeView_->setAlternatingRowColors(true);
    treeView_->setUniformRowHeights(true);

    lintLabel_ = new QLabel(QStringLiteral("Lint warnings"), this);
    auto* lintView = new QListView(this);
    lintView->setObjectName(QStringLiteral("lintListView"));
    lintView->setAccessibleName(QStringLiteral("Lint warnings"));
    lintView->setModel(lint_);
    lintView->setWordWrap(true);
    lintView->setAlternatingRowColors(true);

    auto* side = new QWidget(this);
    auto* sideLayout = new QVBoxLayout(side);
    sideLayout->setContentsMargins(0, 0, 0, 0);
    sideLayout->addWidget(lintLabel_);
    sideLayout->addWidget(lintView, 1);

    auto* split = new QSplitter(Qt::Horizontal, this);
    split->addWidget(treeView_);
    split->addWidget(side);
    split->setStretchFactor(0, 3);
    split->setStretchFactor(1, 2);

    auto* layout = new QVBoxLayout(this);
    layout->addWidget(split);
}

void ModelPage::setTender(const std::shared_ptr<const LoadedTender>& tender) {
    const bool readable = tender && tender->evaluation.folder;
    tree_->setModel(readable ? tender->evaluation.folder->tender.model : EvaluationModel{});
    Diagnostics warnings;
    if (readable)
        for (const auto& diagnostic : tender->evaluation.diagnostics)
            if (diagnostic.severity == Severity::Warning)
                warnings.push_back(diagnostic);
    lintLabel_->setText(warnings.empty()
                            ? QStringLiteral("Lint warnings: none")
                            : QStringLiteral("Lint warnings (%1)").arg(warnings.size()));
    lint_->setDiagnostics(std::move(warnings));
    treeView_->expandAll();
    for (int column = 0; column < tree_->columnCount(); ++column)
        treeView_->resizeColumnToContents(column);
}

} // namespace fairtender::desktop
