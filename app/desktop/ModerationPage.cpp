#include "desktop/ModerationPage.h"

#include "core/Decimal.h"
#include "desktop/QtText.h"
#include "desktop/WorkspaceAccess.h"
#include "desktop/WorkspaceModels.h"
#include "lifecycle/PanelRules.h"

#include <QComboBox>
#include <QFormLayout>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QItemSelectionModel>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QTableView>
#include <QVBoxLayout>

#include <algorithm>
#include <optional>
#include <utility>

namespace fairtender::desktop {

namespace {} // namespace

ModerationPage::ModerationPage(QWidget* parent) : QWidget(parent) {
    notice_ = new QLabel(this);
    notice_->setObjectName(QStringLiteral("moderationNoticeLabel"));
    notice_->setWordWrap(true);

    model_ = new ModerationModel(this);
    table_ = new QTableView(this);
    table_->setObjectName(QStringLiteral("moderationTableView"));
    table_->setAccessibleName(QStringLiteral("Moderation agenda"));
    table_->setModel(model_);
    table_->setSelectionBehavior(QAbstractItemView::SelectRows);
    table_->setSelectionMode(QAbstractItemView::SingleSelection);
    table_->horizontalHeader()->setStretchLastSection(true);
    table_->setWordWrap(true);

    auto* consensus = new QGroupBox(QStringLiteral("Consensus"), this);
    item_ = new QLabel(consensus);
    item_->setObjectName(QStringLiteral("moderationItemLabel"));
    item_->setWordWrap(true);
    value_ = new QLineEdit(consensus);
    value_->setObjectName(QStringLiteral("consensusValueLineEdit"));
    value_->setAccessibleName(QStringLiteral("Consensus score"));
    reason_ = new QLineEdit(consensus);
    reason_->setObjectName(QStringLiteral("consensusReasonLineEdit"));
    reason_->setAccessibleName(QStringLiteral("Reason for the consensus"));
    changeReason_ = new QLineEdit(consensus);
    changeReason_->setObjectName(QStringLiteral("consensusChangeReasonLineEdit"));
    changeReason_->setAccessibleName(QStringLiteral("Why the agreed consensus changes"));
    changeReason_->setPlaceholderText(QStringLiteral("Only when replacing an agreed consensus"));
    agree_ = new QPushButton(QStringLiteral("Record &consensus"), consensus);
    agree_->setObjectName(QStringLiteral("recordConsensusPushButton"));
    auto* form = new QFormLayout(consensus);
    form->addRow(item_);
    form->addRow(QStringLiteral("&Value (the mean to start):"), value_);
    form->addRow(QStringLiteral("&Reason:"), reason_);
    form->addRow(QStringLiteral("C&hange reason:"), changeReason_);
    form->addRow(agree_);

    auto* low = new QGroupBox(QStringLiteral("Abnormally low prices (lead)"), this);
    lowNotice_ = new QLabel(low);
    lowNotice_->setObjectName(QStringLiteral("abnormallyLowNoticeLabel"));
    lowNotice_->setWordWrap(true);
    lowBid_ = new QComboBox(low);
    lowBid_->setObjectName(QStringLiteral("abnormallyLowBidComboBox"));
    lowBid_->setAccessibleName(QStringLiteral("Bid with an abnormally low price"));
    lowReason_ = new QLineEdit(low);
    lowReason_->setObjectName(QStringLiteral("abnormallyLowReasonLineEdit"));
    lowReason_->setAccessibleName(QStringLiteral("Reason for the decision"));
    accept_ = new QPushButton(QStringLiteral("Acce&pt price"), low);
    accept_->setObjectName(QStringLiteral("acceptPricePushButton"));
    reject_ = new QPushButton(QStringLiteral("Re&ject bid"), low);
    reject_->setObjectName(QStringLiteral("rejectPricePushButton"));
    auto* lowForm = new QFormLayout(low);
    lowForm->addRow(lowNotice_);
    lowForm->addRow(QStringLiteral("Bid:"), lowBid_);
    lowForm->addRow(QStringLiteral("Reason:"), lowReason_);
    auto* buttons = new QHBoxLayout();
    buttons->addWidget(accept_);
    buttons->addWidget(reject_);
    lowForm->addRow(buttons);

    auto* forms = new QHBoxLayout();
    forms->addWidget(consensus, 1);
    forms->addWidget(low, 1);
    auto* layout = new QVBoxLayout(this);
    layout->addWidget(notice_);
    layout->addWidget(table_, 1);
    layout->addLayout(forms);

    connect(table_->selectionModel(), &QItemSelectionModel::currentRowChanged, this,
            [this] { showItem(); });
    connect(agree_, &QPushButton::clicked, this, [this] {
        const QModelIndex current = table_->currentIndex();
        if (!snapshot_ || !current.isValid())
            return;
        const ModerationItem& item = snapshot_->agenda[static_cast<std::size_t>(current.row())];
        emit consensusRequested(qtext(item.bidId), qtext(item.criterionId),
                                value_->text().trimmed(), reason_->text().trimmed(),
                                changeReason_->text().trimmed());
    });
    const auto decide = [this](bool accept) {
        if (lowBid_->currentIndex() >= 0)
            emit abnormallyLowRequested(lowBid_->currentData().toString(), accept,
                                        lowReason_->text().trimmed());
    };
    connect(accept_, &QPushButton::clicked, this, [decide] { decide(true); });
    connect(reject_, &QPushButton::clicked, this, [decide] { decide(false); });
    setSnapshot(nullptr);
}

void ModerationPage::setSnapshot(std::shared_ptr<const WorkspaceSnapshot> snapshot) {
    // The same item stays chosen and what was typed stays, so a refused consensus can be
    // corrected rather than typed again.
    std::optional<std::pair<std::string, std::string>> before;
    if (const QModelIndex current = table_->currentIndex();
        snapshot_ && current.isValid() &&
        static_cast<std::size_t>(current.row()) < snapshot_->agenda.size()) {
        const ModerationItem& item = snapshot_->agenda[static_cast<std::size_t>(current.row())];
        before.emplace(item.bidId, item.criterionId);
    }
    const QStringList typed{value_->text(), reason_->text(), changeReason_->text()};
    snapshot_ = snapshot && snapshot->ok() ? std::move(snapshot) : nullptr;
    QString notice;
    bool visible = false;
    if (!snapshot_)
        notice = QStringLiteral("Open a workspace (*.ftw) to moderate its scores.");
    else if (!snapshot_->panel.isMember(snapshot_->actor))
        notice = QStringLiteral("Choose a panel member under \"Acting as\" to moderate.");
    else if (!readsEveryScore(snapshot_->panel, snapshot_->actor))
        notice = QStringLiteral("Moderation shows every evaluator's scores: it is for the "
                                "moderators, the lead and auditors, not for %1 as an evaluator.")
                     .arg(qtext(snapshot_->actor));
    else {
        visible = true;
        notice = snapshot_->state == LifecycleState::Moderation
                     ? QStringLiteral("Spreads over the threshold come first and are "
                                      "highlighted. Select a row to agree its consensus.")
                     : QStringLiteral("Consensus is agreed during moderation; the tender is "
                                      "%1.")
                           .arg(qtext(std::string(toString(snapshot_->state))));
    }
    notice_->setText(notice);
    model_->setSnapshot(visible ? snapshot_ : nullptr);
    // Numbers fit their text; the criterion gets room for its title, and the evaluators'
    // scores with their reasons share the rest.
    for (const int column : {ModerationModel::Bid, ModerationModel::Mean, ModerationModel::Spread,
                             ModerationModel::Threshold, ModerationModel::Consensus})
        table_->resizeColumnToContents(column);
    table_->setColumnWidth(ModerationModel::Criterion, 190);
    for (int column = ModerationModel::FirstEvaluator; column < model_->columnCount(); ++column)
        table_->horizontalHeader()->setSectionResizeMode(column, QHeaderView::Stretch);
    bool restored = false;
    if (before && visible)
        for (std::size_t row = 0; row < snapshot_->agenda.size() && !restored; ++row)
            if (snapshot_->agenda[row].bidId == before->first &&
                snapshot_->agenda[row].criterionId == before->second) {
                table_->setCurrentIndex(model_->index(static_cast<int>(row), 0));
                restored = true;
            }

    lowBid_->clear();
    const auto priceHidden = [this](const std::string& bidId) {
        const auto& ids = snapshot_->bidIds;
        const auto at =
            static_cast<std::size_t>(std::find(ids.begin(), ids.end(), bidId) - ids.begin());
        return at >= snapshot_->bidViews.size() || snapshot_->bidViews[at].priceHidden;
    };
    std::size_t undecided = 0;
    if (visible)
        for (const auto& price : snapshot_->abnormallyLow) {
            // A decided price stays listed: the lead may replace the decision, with reasons.
            // The finding and the lead's reason may quote prices, hidden until the lock.
            const QString what =
                priceHidden(price.bidId)
                    ? (price.decision ? QStringLiteral("abnormally low price, decided (shown "
                                                       "with the prices once locked)")
                                      : QStringLiteral("abnormally low price (prices hidden "
                                                       "until the results are locked)"))
                : price.decision ? qtext(price.resolution())
                                 : qtext(price.finding);
            lowBid_->addItem(
                QStringLiteral("%1: %2").arg(qtext(snapshot_->labelOf(price.bidId)), what),
                qtext(price.bidId));
            lowBid_->setItemData(lowBid_->count() - 1, what, Qt::ToolTipRole);
            undecided += price.decision ? 0 : 1;
        }
    const bool lead = snapshot_ && snapshot_->panel.hasRole(snapshot_->actor, PanelRole::Lead);
    const QString tally =
        lowBid_->count() == 0
            ? QString()
            : QStringLiteral("%1 examined, %2 awaiting a decision. ")
                  .arg(lowBid_->count() == 1 ? QStringLiteral("1 price")
                                             : QStringLiteral("%1 prices").arg(lowBid_->count()))
                  .arg(undecided);
    lowNotice_->setText(!visible                ? QString()
                        : lowBid_->count() == 0 ? QStringLiteral("No bid is flagged with an "
                                                                 "abnormally low price.")
                        : lead ? tally + QStringLiteral("Accept the price or reject the bid, "
                                                        "with the reason.")
                               : tally + QStringLiteral("Only the lead decides on abnormally "
                                                        "low prices."));
    const bool decides = snapshot_ &&
                         mayTake(WorkspaceAction::DecideAbnormallyLow, snapshot_->panel,
                                 snapshot_->state, snapshot_->actor) &&
                         lowBid_->count() > 0;
    lowBid_->setEnabled(decides);
    lowReason_->setEnabled(decides);
    accept_->setEnabled(decides);
    reject_->setEnabled(decides);
    showItem();
    if (restored) {
        value_->setText(typed[0]);
        reason_->setText(typed[1]);
        changeReason_->setText(typed[2]);
    }
}

void ModerationPage::showItem() {
    const QModelIndex current = table_->currentIndex();
    const bool valid = snapshot_ && current.isValid() && model_->rowCount() > current.row();
    agree_->setEnabled(valid && mayTake(WorkspaceAction::SetConsensus, snapshot_->panel,
                                        snapshot_->state, snapshot_->actor));
    if (!valid) {
        item_->setText(QStringLiteral("Select a row of the agenda."));
        return;
    }
    const ModerationItem& item = snapshot_->agenda[static_cast<std::size_t>(current.row())];
    const QString scored =
        item.scores.empty()
            ? QStringLiteral("no evaluator's score counts (threshold %1)")
                  .arg(qtext(formatFixed(item.threshold, 2)))
            : QStringLiteral("mean %1, spread %2 (threshold %3)")
                  .arg(qtext(formatFixed(item.mean, 2)), qtext(formatFixed(item.spread, 2)),
                       qtext(formatFixed(item.threshold, 2)));
    item_->setText(QStringLiteral("%1 %2: %3%4")
                       .arg(qtext(snapshot_->labelOf(item.bidId)),
                            qtext(snapshot_->titleOf(item.criterionId)), scored,
                            item.consensus
                                ? QStringLiteral("; agreed %1, so give a change "
                                                 "reason to replace it")
                                      .arg(qtext(exactDecimalText(item.consensus->value)))
                                : QString()));
    // A consensus starts from the evaluators' mean; with no score there is nothing to offer.
    value_->setText(item.consensus        ? qtext(exactDecimalText(item.consensus->value))
                    : item.scores.empty() ? QString()
                                          : qtext(exactDecimalText(item.mean)));
    changeReason_->setEnabled(item.consensus.has_value());
}

} // namespace fairtender::desktop
