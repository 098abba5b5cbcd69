#include "desktop/ProgressPage.h"

#include "desktop/QtText.h"
#include "desktop/WorkspaceAccess.h"

#include <QHeaderView>
#include <QLabel>
#include <QListWidget>
#include <QStandardItemModel>
#include <QTableView>
#include <QVBoxLayout>

namespace fairtender::desktop {

namespace {

QString ofText(std::size_t done, std::size_t of) {
    return QStringLiteral("%1 of %2").arg(done).arg(of);
}

QStandardItem* cellItem(const QString& text, bool done) {
    auto* item = new QStandardItem(text);
    item->setEditable(false);
    item->setTextAlignment(Qt::AlignRight | Qt::AlignVCenter);
    if (done)
        item->setForeground(QColor(0x1b, 0x5e, 0x20));
    return item;
}

} // namespace

ProgressPage::ProgressPage(QWidget* parent) : QWidget(parent) {
    heading_ = new QLabel(this);
    heading_->setObjectName(QStringLiteral("progressHeadingLabel"));
    heading_->setWordWrap(true);
    model_ = new QStandardItemModel(this);
    table_ = new QTableView(this);
    table_->setObjectName(QStringLiteral("progressTableView"));
    table_->setAccessibleName(QStringLiteral("Scores in by criterion and evaluator"));
    table_->setModel(model_);
    table_->horizontalHeader()->setSectionResizeMode(QHeaderView::ResizeToContents);
    table_->horizontalHeader()->setStretchLastSection(true);
    table_->verticalHeader()->setSectionResizeMode(QHeaderView::ResizeToContents);
    next_ = new QLabel(this);
    next_->setObjectName(QStringLiteral("progressNextLabel"));
    next_->setWordWrap(true);
    next_->setTextInteractionFlags(Qt::TextSelectableByMouse);
    todoHeading_ = new QLabel(this);
    todoHeading_->setObjectName(QStringLiteral("progressTodoHeadingLabel"));
    todo_ = new QListWidget(this);
    todo_->setObjectName(QStringLiteral("progressTodoListWidget"));
    todo_->setAccessibleName(QStringLiteral("What is left for you"));
    auto* layout = new QVBoxLayout(this);
    layout->addWidget(heading_);
    layout->addWidget(table_, 2);
    layout->addWidget(next_);
    layout->addWidget(todoHeading_);
    layout->addWidget(todo_, 1);
    setSnapshot(nullptr);
}

void ProgressPage::setSnapshot(const std::shared_ptr<const WorkspaceSnapshot>& snapshot) {
    model_->clear();
    todo_->clear();
    if (!snapshot) {
        heading_->setText(QStringLiteral("Open a workspace (*.ftw) to follow its evaluation."));
        next_->clear();
        todoHeading_->clear();
        return;
    }
    const EvaluationProgress& progress = snapshot->progress;
    heading_->setText(
        QStringLiteral("<b>Stage: %1.</b> The evaluation is in progress: the ranking is not "
                       "final, so it is shown once the results are locked.")
            .arg(qtext(std::string(toString(progress.state)))));
    QStringList headers{QStringLiteral("Criterion")};
    for (const auto& name : progress.evaluators)
        headers << qtext(name);
    headers << QStringLiteral("Consensus");
    model_->setHorizontalHeaderLabels(headers);
    for (const auto& c : progress.criteria) {
        QList<QStandardItem*> row;
        auto* name = new QStandardItem(qtext(c.title));
        name->setEditable(false);
        name->setToolTip(qtext(c.criterionId));
        row << name;
        for (std::size_t e = 0; e < progress.evaluators.size(); ++e)
            row << cellItem(ofText(c.scored[e], c.needed[e]), c.scored[e] == c.needed[e]);
        row << cellItem(ofText(c.consensus, c.bids), c.consensus == c.bids);
        model_->appendRow(row);
    }
    QList<QStandardItem*> all;
    auto* label = new QStandardItem(QStringLiteral("All criteria"));
    label->setEditable(false);
    QFont bold = label->font();
    bold.setBold(true);
    label->setFont(bold);
    all << label;
    for (std::size_t e = 0; e < progress.evaluators.size(); ++e)
        all << cellItem(ofText(progress.scored[e], progress.needed[e]),
                        progress.scored[e] == progress.needed[e]);
    all << cellItem(ofText(progress.consensusAgreed, progress.consensusNeeded),
                    progress.consensusAgreed == progress.consensusNeeded);
    model_->appendRow(all);

    if (!progress.next) {
        next_->clear();
    } else if (progress.blockers.empty()) {
        next_->setText(QStringLiteral("Nothing stands in the way of moving to %1 (Workspace > "
                                      "Advance, Ctrl+Shift+A).")
                           .arg(qtext(std::string(toString(*progress.next)))));
    } else {
        QString text = QStringLiteral("<b>To move to %1:</b>")
                           .arg(qtext(std::string(toString(*progress.next))));
        for (const auto& blocker : progress.blockers)
            text += QStringLiteral("<br>%1").arg(qtext(blocker).toHtmlEscaped());
        next_->setText(text);
    }
    const QString who = qtext(snapshot->actor);
    if (!snapshot->panel.isMember(snapshot->actor)) {
        todoHeading_->setText(QStringLiteral("Choose who you are under \"Acting as\" to see what "
                                             "is left for you."));
        return;
    }
    todoHeading_->setText(
        snapshot->todo.empty()
            ? QStringLiteral("%1 has nothing left to do at this stage.").arg(who)
            : QStringLiteral("Left for %1 (%2):").arg(who).arg(snapshot->todo.size()));
    for (const auto& item : snapshot->todo)
        todo_->addItem(QStringLiteral("%1  %2 %3")
                           .arg(qtext(item.what),
                                snapshot->labelOf(item.bidId) == item.bidId
                                    ? qtext(item.bidId)
                                    : qtext(snapshot->labelOf(item.bidId)),
                                qtext(snapshot->titleOf(item.criterionId)))
                           .trimmed());
}

} // namespace fairtender::desktop
