#include "desktop/StartPage.h"

#include "desktop/DesktopPaths.h"
#include "desktop/QtText.h"
#include "desktop/WorkspaceAccess.h"
#include "io/xml/TenderFolder.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QGridLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QListView>
#include <QPushButton>
#include <QStandardItemModel>
#include <QStringListModel>
#include <QVBoxLayout>
#include <QtConcurrent/QtConcurrentRun>

#include <string_view>

namespace fairtender::desktop {

namespace {

QListView* listView(QWidget* parent, const QString& name, const QString& accessible,
                    QAbstractItemModel* model) {
    auto* view = new QListView(parent);
    view->setObjectName(name);
    view->setAccessibleName(accessible);
    view->setModel(model);
    view->setEditTriggers(QAbstractItemView::NoEditTriggers);
    return view;
}

// "<title>\n<stage> · <path>" for a recent workspace or folder, read off the GUI thread;
// never throws. A workspace is opened as for any other reading (an older one is brought up
// to date as opening it would); a folder's tender.xml is only parsed.
QString describeRecent(const QString& path) noexcept {
    try {
        const QFileInfo info(path);
        if (!info.exists())
            return QStringLiteral("(not found)\n%1").arg(path);
        if (info.isFile() && info.suffix() == QStringLiteral("ftw")) {
            auto opened = Workspace::open(path.toStdString());
            if (!opened.workspace)
                return QStringLiteral("(cannot be read)\n%1").arg(path);
            const WorkspaceStatus status = opened.workspace->status();
            QString stage = QStringLiteral("workspace, %1").arg(qtext(status.state));
            if (const auto award = opened.workspace->award())
                stage += QStringLiteral(" to %1").arg(qtext(award->bidId));
            return QStringLiteral("%1\n%2 · %3").arg(qtext(status.tenderTitle), stage, path);
        }
        const QString folder = info.isDir() ? path : info.absolutePath();
        QFile file(QDir(folder).filePath(QStringLiteral("tender.xml")));
        if (!file.open(QIODevice::ReadOnly))
            return QStringLiteral("(no tender.xml)\n%1").arg(path);
        const QByteArray xml = file.readAll();
        Diagnostics problems;
        const auto tender =
            parseTender(std::string_view(xml.constData(), static_cast<std::size_t>(xml.size())),
                        "tender.xml", referenceTables().ratesOrNull(), problems);
        if (!tender)
            return QStringLiteral("(tender.xml has problems)\ntender folder · %1").arg(path);
        return QStringLiteral("%1\ntender folder · %2").arg(qtext(tender->title), path);
    } catch (...) {
        return {};
    }
}

} // namespace

StartPage::StartPage(QWidget* parent) : QWidget(parent) {
    samples_ = new QStringListModel(this);
    recent_ = new QStandardItemModel(this);
    describer_ = new QFutureWatcher<QStringList>(this);

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
    connect(recent, &QListView::activated, this, [this](const QModelIndex& index) {
        emit openRequested(index.data(PathRole).toString());
    });
    connect(describer_, &QFutureWatcherBase::finished, this, [this] {
        const QStringList lines = describer_->result();
        // A newer list may have replaced the one described; its own description follows.
        if (lines.size() != recent_->rowCount())
            return;
        for (int row = 0; row < recent_->rowCount(); ++row)
            if (!lines[row].isEmpty())
                recent_->item(row)->setText(lines[row]);
    });
    refreshSamples();
}

StartPage::~StartPage() {
    describer_->waitForFinished();
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
    recent_->clear();
    for (const QString& path : folders) {
        auto* item = new QStandardItem(path);
        item->setData(path, PathRole);
        item->setToolTip(path);
        item->setEditable(false);
        recent_->appendRow(item);
    }
    recentPaths_ = folders;
    describer_->waitForFinished();
    describer_->setFuture(QtConcurrent::run([folders] {
        QStringList lines;
        for (const QString& path : folders)
            lines << describeRecent(path);
        return lines;
    }));
}

bool StartPage::isDescribingRecent() const {
    return describer_->isRunning();
}

} // namespace fairtender::desktop
