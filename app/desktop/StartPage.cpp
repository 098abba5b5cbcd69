#include "desktop/StartPage.h"

#include "desktop/DesktopPaths.h"

#include <QDir>
#include <QGridLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QListView>
#include <QPushButton>
#include <QStringListModel>
#include <QVBoxLayout>

namespace fairtender::desktop {

namespace {

QListView* listView(QWidget* parent, const QString& name, const QString& accessible,
                    QStringListModel* model) {
    auto* view = new QListView(parent);
    view->setObjectName(name);
    view->setAccessibleName(accessible);
    view->setModel(model);
    view->setEditTriggers(QAbstractItemView::NoEditTriggers);
    return view;
}

} // namespace

StartPage::StartPage(QWidget* parent) : QWidget(parent) {
    samples_ = new QStringListModel(this);
    recent_ = new QStringListModel(this);

    auto* title = new QLabel(QStringLiteral("<h2>Fairtender</h2>"
                                            "<p>Score tender bids on price, quality, social value, "
                                            "locality, the Real Living Wage and ownership, with "
                                            "every number explained.</p>"),
                             this);
    title->setWordWrap(true);

    auto* fresh = new QPushButton(QStringLiteral("&New tender from a template..."), this);
    fresh->setObjectName(QStringLiteral("newTenderPushButton"));
    fresh->setToolTip(QStringLiteral("Start a tender folder from one of the shipped evaluation "
                                     "models and edit it (Ctrl+N)"));
    auto* open = new QPushButton(QStringLiteral("&Open tender folder or workspace..."), this);
    open->setObjectName(QStringLiteral("openFolderPushButton"));
    open->setToolTip(QStringLiteral("A workspace (*.ftw), or a folder holding tender.xml, bids/ "
                                    "and evaluations.xml (Ctrl+O)"));
    auto* create = new QPushButton(QStringLiteral("&Create workspace from folder..."), this);
    create->setObjectName(QStringLiteral("createWorkspacePushButton"));
    create->setToolTip(QStringLiteral("Store a tender folder in a new workspace (*.ftw) where "
                                      "the panel scores, moderates and awards (Ctrl+Shift+N)"));

    auto* samples =
        listView(this, QStringLiteral("samplesListView"), QStringLiteral("Samples"), samples_);
    auto* recent = listView(this, QStringLiteral("recentListView"),
                            QStringLiteral("Recent folders and workspaces"), recent_);

    auto* grid = new QGridLayout();
    grid->addWidget(new QLabel(QStringLiteral("<b>Samples</b> (double-click to open)"), this), 0,
                    0);
    grid->addWidget(new QLabel(QStringLiteral("<b>Recent folders and workspaces</b>"), this), 0, 1);
    grid->addWidget(samples, 1, 0);
    grid->addWidget(recent, 1, 1);
    grid->setColumnStretch(0, 1);
    grid->setColumnStretch(1, 2);

    auto* layout = new QVBoxLayout(this);
    layout->addWidget(title);
    auto* buttons = new QHBoxLayout();
    buttons->addWidget(fresh);
    buttons->addWidget(open);
    buttons->addWidget(create);
    buttons->addStretch(1);
    layout->addLayout(buttons);
    layout->addLayout(grid, 1);

    connect(fresh, &QPushButton::clicked, this, [this] { emit newTenderRequested(); });
    connect(open, &QPushButton::clicked, this, [this] { emit chooseFolderRequested(); });
    connect(create, &QPushButton::clicked, this, [this] { emit createWorkspaceRequested(); });
    connect(samples, &QListView::activated, this, [this](const QModelIndex& index) {
        emit openRequested(QDir(samplesPath_).filePath(index.data().toString()));
    });
    connect(recent, &QListView::activated, this,
            [this](const QModelIndex& index) { emit openRequested(index.data().toString()); });
    refreshSamples();
}

void StartPage::refreshSamples() {
    samplesPath_ = QString::fromStdString(samplesDirectory().string());
    QStringList names;
    const QDir directory(samplesPath_);
    for (const QString& name : directory.entryList(QDir::Dirs | QDir::NoDotAndDotDot, QDir::Name))
        if (QFileInfo::exists(directory.filePath(name) + QStringLiteral("/tender.xml")))
            names << name;
    samples_->setStringList(names);
}

void StartPage::setRecentFolders(const QStringList& folders) {
    recent_->setStringList(folders);
}

} // namespace fairtender::desktop
