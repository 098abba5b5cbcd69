#include "desktop/PanelPage.h"

#include "desktop/WorkspaceAccess.h"
#include "desktop/WorkspaceModels.h"

#include <QComboBox>
#include <QFormLayout>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QRadioButton>
#include <QTableView>
#include <QVBoxLayout>

namespace fairtender::desktop {

PanelPage::PanelPage(QWidget* parent) : QWidget(parent) {
    notice_ = new QLabel(this);
    notice_->setObjectName(QStringLiteral("panelNoticeLabel"));
    notice_->setWordWrap(true);

    model_ = new PanelModel(this);
    table_ = new QTableView(this);
    table_->setObjectName(QStringLiteral("panelTableView"));
    table_->setAccessibleName(QStringLiteral("Panel members"));
    table_->setModel(model_);
    table_->setSelectionBehavior(QAbstractItemView::SelectRows);
    table_->horizontalHeader()->setStretchLastSection(true);

    auto* add = new QGroupBox(QStringLiteral("Add a member"), this);
    name_ = new QLineEdit(add);
    name_->setObjectName(QStringLiteral("memberNameLineEdit"));
    name_->setAccessibleName(QStringLiteral("New member's name"));
    role_ = new QComboBox(add);
    role_->setObjectName(QStringLiteral("memberRoleComboBox"));
    role_->setAccessibleName(QStringLiteral("New member's role"));
    for (const char* role : {"lead", "evaluator", "moderator", "auditor"})
        role_->addItem(QString::fromLatin1(role));
    add_ = new QPushButton(QStringLiteral("&Add member"), add);
    add_->setObjectName(QStringLiteral("addMemberPushButton"));
    auto* addForm = new QFormLayout(add);
    addForm->addRow(QStringLiteral("&Name:"), name_);
    addForm->addRow(QStringLiteral("&Role:"), role_);
    addForm->addRow(add_);

    auto* declare = new QGroupBox(QStringLiteral("Declaration of interests"), this);
    declareHeading_ = new QLabel(declare);
    declareHeading_->setWordWrap(true);
    none_ = new QRadioButton(QStringLiteral("No conflict of &interest"), declare);
    none_->setObjectName(QStringLiteral("noConflictRadioButton"));
    none_->setChecked(true);
    conflict_ = new QRadioButton(QStringLiteral("A &conflict with bid:"), declare);
    conflict_->setObjectName(QStringLiteral("conflictRadioButton"));
    conflictBid_ = new QComboBox(declare);
    conflictBid_->setObjectName(QStringLiteral("conflictBidComboBox"));
    conflictBid_->setAccessibleName(QStringLiteral("Bid in conflict"));
    details_ = new QLineEdit(declare);
    details_->setObjectName(QStringLiteral("conflictDetailsLineEdit"));
    details_->setAccessibleName(QStringLiteral("What the conflict is"));
    details_->setPlaceholderText(QStringLiteral("What the conflict is"));
    declare_ = new QPushButton(QStringLiteral("&Declare"), declare);
    declare_->setObjectName(QStringLiteral("declarePushButton"));
    auto* conflictRow = new QHBoxLayout();
    conflictRow->addWidget(conflict_);
    conflictRow->addWidget(conflictBid_);
    conflictRow->addWidget(details_, 1);
    auto* declareLayout = new QVBoxLayout(declare);
    declareLayout->addWidget(declareHeading_);
    declareLayout->addWidget(none_);
    declareLayout->addLayout(conflictRow);
    declareLayout->addWidget(declare_, 0, Qt::AlignLeft);

    auto* forms = new QHBoxLayout();
    forms->addWidget(add);
    forms->addWidget(declare, 1);
    auto* layout = new QVBoxLayout(this);
    layout->addWidget(notice_);
    layout->addWidget(table_, 1);
    layout->addLayout(forms);

    connect(add_, &QPushButton::clicked, this,
            [this] { emit addMemberRequested(name_->text().trimmed(), role_->currentText()); });
    connect(declare_, &QPushButton::clicked, this, [this] {
        if (none_->isChecked())
            emit declareRequested({}, {});
        else
            emit declareRequested(conflictBid_->currentData().toString(), details_->text());
    });
    setSnapshot(nullptr);
}

void PanelPage::setSnapshot(std::shared_ptr<const WorkspaceSnapshot> snapshot) {
    snapshot_ = std::move(snapshot);
    model_->setSnapshot(snapshot_ && snapshot_->ok() ? snapshot_ : nullptr);
    const bool open = snapshot_ && snapshot_->ok();
    setEnabled(open);
    if (!open) {
        notice_->setText(QStringLiteral("Open a workspace (*.ftw) to see its panel."));
        return;
    }
    const QString actor = QString::fromStdString(snapshot_->actor);
    notice_->setText(
        snapshot_->panel.members.empty()
            ? QStringLiteral("The panel is empty: the first member added should be the lead, "
                             "who then adds everyone else.")
            : QStringLiteral("Acting as %1.")
                  .arg(actor.isEmpty() ? QStringLiteral("nobody") : actor));
    conflictBid_->clear();
    // Declarations name the real bids: the declaring person knows the suppliers.
    if (const auto& tender = snapshot_->tender; tender && tender->evaluation.folder)
        for (const auto& bid : tender->evaluation.folder->bids)
            conflictBid_->addItem(
                QStringLiteral("%1 %2").arg(QString::fromStdString(bid.id),
                                            QString::fromStdString(bid.supplier.name)),
                QString::fromStdString(bid.id));
    const bool member = snapshot_->panel.isMember(snapshot_->actor);
    const bool declared = snapshot_->panel.hasDeclared(snapshot_->actor);
    declareHeading_->setText(
        !member ? QStringLiteral("Only panel members declare: choose a member under "
                                 "\"Acting as\".")
        : declared
            ? QStringLiteral("%1 has declared (a further declaration adds to it).").arg(actor)
            : QStringLiteral("%1 has not declared yet: declare before scoring.").arg(actor));
    // The engine's rule, with its reason under the table and on the disabled buttons.
    const QString frozen = QString::fromStdString(panelChangeProblem(snapshot_->state));
    if (!frozen.isEmpty()) {
        notice_->setText(notice_->text() + QLatin1Char(' ') + frozen.at(0).toUpper() +
                         frozen.mid(1) + QLatin1Char('.'));
        if (member)
            declareHeading_->setText(declared ? QStringLiteral("%1 has declared.").arg(actor)
                                              : QStringLiteral("%1 did not declare.").arg(actor));
    }
    for (QWidget* control : std::initializer_list<QWidget*>{name_, role_, add_, none_, conflict_,
                                                            conflictBid_, details_})
        control->setEnabled(frozen.isEmpty());
    declare_->setEnabled(member && frozen.isEmpty());
    for (QPushButton* button : {add_, declare_})
        button->setToolTip(frozen.isEmpty() ? QString() : frozen);
}

} // namespace fairtender::desktop
