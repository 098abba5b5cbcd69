#include "desktop/WorkspaceModels.h"

#include "core/Decimal.h"
#include "desktop/HeaderTitles.h"
#include "desktop/QtText.h"
#include "desktop/WorkspaceAccess.h"

#include <QBrush>
#include <QColor>
#include <QFont>
#include <QIcon>
#include <QPainter>
#include <QPen>
#include <QPixmap>

namespace fairtender::desktop {

namespace {

// The lock mark of a submitted score, drawn so it needs no icon theme or emoji font.
QIcon padlock() {
    static const QIcon icon = [] {
        QPixmap pixmap(16, 16);
        pixmap.fill(Qt::transparent);
        QPainter painter(&pixmap);
        painter.setRenderHint(QPainter::Antialiasing);
        painter.setPen(QPen(QColor(90, 90, 90), 2));
        painter.drawArc(QRectF(4, 1, 8, 10), 0, 180 * 16);
        painter.drawLine(QPointF(4, 6), QPointF(4, 8));
        painter.drawLine(QPointF(12, 6), QPointF(12, 8));
        painter.setPen(Qt::NoPen);
        painter.setBrush(QColor(90, 90, 90));
        painter.drawRoundedRect(QRectF(2, 7, 12, 8), 1.5, 1.5);
        return QIcon(pixmap);
    }();
    return icon;
}

// The rows of the panel table: one per member and role.
std::size_t panelRows(const WorkspaceSnapshot* snapshot) {
    return snapshot ? snapshot->panel.members.size() : 0;
}

QString conflictsOf(const PanelRecord& panel, const std::string& name) {
    QStringList lines;
    for (const auto& declaration : panel.declarations)
        if (declaration.person == name && !declaration.bidId.empty())
            lines << QStringLiteral("%1 (%2)").arg(qtext(declaration.bidId),
                                                   qtext(declaration.details));
    return lines.join(QStringLiteral("; "));
}

} // namespace

// ---- PanelModel

PanelModel::PanelModel(QObject* parent) : QAbstractTableModel(parent) {}

void PanelModel::setSnapshot(std::shared_ptr<const WorkspaceSnapshot> snapshot) {
    beginResetModel();
    snapshot_ = std::move(snapshot);
    endResetModel();
}

int PanelModel::rowCount(const QModelIndex& parent) const {
    return parent.isValid() ? 0 : static_cast<int>(panelRows(snapshot_.get()));
}

int PanelModel::columnCount(const QModelIndex& parent) const {
    return parent.isValid() ? 0 : 4;
}

QVariant PanelModel::data(const QModelIndex& index, int role) const {
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid) ||
        role != Qt::DisplayRole)
        return {};
    const PanelRecord& panel = snapshot_->panel;
    const PanelMember& member = panel.members[static_cast<std::size_t>(index.row())];
    switch (index.column()) {
    case 0:
        return qtext(member.name);
    case 1:
        return qtext(std::string(toString(member.role)));
    case 2:
        return panel.hasDeclared(member.name) ? QStringLiteral("yes") : QStringLiteral("no");
    default:
        return conflictsOf(panel, member.name);
    }
}

QVariant PanelModel::headerData(int section, Qt::Orientation orientation, int role) const {
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole || section < 0 || section > 3)
        return {};
    static const char* const headers[] = {"Name", "Role", "Declared", "Conflicts"};
    return QString::fromLatin1(headers[section]);
}

// ---- ScoringModel

ScoringModel::ScoringModel(QObject* parent) : QAbstractTableModel(parent) {}

void ScoringModel::setSnapshot(std::shared_ptr<const WorkspaceSnapshot> snapshot) {
    beginResetModel();
    snapshot_ = std::move(snapshot);
    endResetModel();
}

int ScoringModel::rowCount(const QModelIndex& parent) const {
    return parent.isValid() || !snapshot_ || snapshot_->bidViews.empty()
               ? 0
               : static_cast<int>(snapshot_->bidIds.size());
}

int ScoringModel::columnCount(const QModelIndex& parent) const {
    return parent.isValid() || !snapshot_ || snapshot_->bidViews.empty()
               ? 0
               : static_cast<int>(snapshot_->criteria.size());
}

QVariant ScoringModel::data(const QModelIndex& index, int role) const {
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const JudgementCell* cell = snapshot_->cell(static_cast<std::size_t>(index.row()),
                                                static_cast<std::size_t>(index.column()));
    if (!cell)
        return {};
    switch (role) {
    case Qt::DisplayRole:
        if (!cell->needed)
            return QStringLiteral("-");
        if (!cell->conflict.empty())
            return QStringLiteral("conflict");
        if (cell->own)
            return qtext(exactDecimalText(cell->own->value));
        if (!snapshot_->panel.hasRole(snapshot_->actor, PanelRole::Evaluator))
            return QStringLiteral("%1 scored").arg(cell->seen.size());
        return {};
    case Qt::ToolTipRole:
        if (!cell->needed)
            return QStringLiteral("Not scored: the bid failed a pass/fail gate");
        if (!cell->conflict.empty())
            return QStringLiteral("Declared conflict of interest: %1").arg(qtext(cell->conflict));
        if (cell->own)
            return QStringLiteral("Submitted and locked: %1").arg(qtext(cell->own->reason));
        return QStringLiteral("Not scored yet");
    case Qt::DecorationRole:
        return cell->own ? QVariant(padlock()) : QVariant();
    case Qt::AccessibleTextRole:
        return cell->own ? QVariant(QStringLiteral("%1, locked")
                                        .arg(qtext(exactDecimalText(cell->own->value))))
                         : QVariant();
    case LockedRole:
        return cell->own.has_value();
    case Qt::TextAlignmentRole:
        return QVariant::fromValue(Qt::AlignCenter);
    default:
        return {};
    }
}

QVariant ScoringModel::headerData(int section, Qt::Orientation orientation, int role) const {
    if ((role != Qt::DisplayRole && role != Qt::ToolTipRole) || !snapshot_ || section < 0)
        return {};
    const auto at = static_cast<std::size_t>(section);
    if (orientation == Qt::Horizontal) {
        if (at >= snapshot_->criteria.size())
            return {};
        const JudgementCriterion& criterion = snapshot_->criteria[at];
        return role == Qt::ToolTipRole
                   ? qtext(criterion.id + ": scored 0 to " + exactDecimalText(criterion.scaleMax))
                   : qtext(wrappedTitle(criterion.id, criterion.title));
    }
    if (role == Qt::ToolTipRole)
        return {};
    if (at < snapshot_->bidViews.size())
        return qtext(snapshot_->bidViews[at].label);
    return {};
}

// ---- ModerationModel

ModerationModel::ModerationModel(QObject* parent) : QAbstractTableModel(parent) {}

void ModerationModel::setSnapshot(std::shared_ptr<const WorkspaceSnapshot> snapshot) {
    beginResetModel();
    snapshot_ = std::move(snapshot);
    evaluators_.clear();
    if (snapshot_)
        for (const auto& item : snapshot_->agenda)
            for (const auto& score : item.scores)
                if (!evaluators_.contains(qtext(score.evaluator)))
                    evaluators_ << qtext(score.evaluator);
    endResetModel();
}

int ModerationModel::rowCount(const QModelIndex& parent) const {
    return parent.isValid() || !snapshot_ ? 0 : static_cast<int>(snapshot_->agenda.size());
}

int ModerationModel::columnCount(const QModelIndex& parent) const {
    return parent.isValid() ? 0 : FirstEvaluator + static_cast<int>(evaluators_.size());
}

QVariant ModerationModel::data(const QModelIndex& index, int role) const {
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const ModerationItem& item = snapshot_->agenda[static_cast<std::size_t>(index.row())];
    if (role == OverThresholdRole)
        return item.overThreshold;
    if (role == Qt::BackgroundRole)
        return item.overThreshold ? QVariant(QBrush(QColor(255, 224, 178))) : QVariant();
    if (role == Qt::FontRole && item.overThreshold && index.column() == Spread) {
        QFont bold;
        bold.setBold(true);
        return bold;
    }
    if (role == Qt::ToolTipRole && index.column() == Criterion)
        return qtext(item.criterionId);
    if (role == Qt::ToolTipRole && index.column() == Spread)
        return item.overThreshold
                   ? QStringLiteral("Spread %1 is over the threshold %2: discuss before agreeing")
                         .arg(qtext(formatFixed(item.spread, 2)),
                              qtext(formatFixed(item.threshold, 2)))
                   : QStringLiteral("Within the threshold %1")
                         .arg(qtext(formatFixed(item.threshold, 2)));
    if (role != Qt::DisplayRole)
        return {};
    switch (index.column()) {
    case Bid:
        return qtext(snapshot_->labelOf(item.bidId));
    case Criterion:
        return qtext(snapshot_->titleOf(item.criterionId));
    // With no score in (every evaluator conflicted, or none scored yet) there is no mean.
    case Mean:
        return item.scores.empty() ? QStringLiteral("-") : qtext(formatFixed(item.mean, 2));
    case Spread:
        return item.scores.empty() ? QStringLiteral("-") : qtext(formatFixed(item.spread, 2));
    case Threshold:
        return qtext(formatFixed(item.threshold, 2));
    case Consensus:
        return item.consensus ? QVariant(qtext(exactDecimalText(item.consensus->value)))
                              : QVariant();
    default:
        break;
    }
    const QString evaluator = evaluators_.value(index.column() - FirstEvaluator);
    for (const auto& score : item.scores)
        if (qtext(score.evaluator) == evaluator)
            return QStringLiteral("%1: %2").arg(qtext(exactDecimalText(score.value)),
                                                qtext(score.reason));
    return {};
}

QVariant ModerationModel::headerData(int section, Qt::Orientation orientation, int role) const {
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole || section < 0 ||
        section >= columnCount())
        return {};
    static const char* const headers[] = {"Bid",    "Criterion", "Mean",
                                          "Spread", "Threshold", "Consensus"};
    if (section < FirstEvaluator)
        return QString::fromLatin1(headers[section]);
    return evaluators_.value(section - FirstEvaluator);
}

// ---- AuditLogModel

AuditLogModel::AuditLogModel(QObject* parent) : QAbstractTableModel(parent) {}

void AuditLogModel::setSnapshot(std::shared_ptr<const WorkspaceSnapshot> snapshot) {
    beginResetModel();
    snapshot_ = std::move(snapshot);
    endResetModel();
}

int AuditLogModel::rowCount(const QModelIndex& parent) const {
    return parent.isValid() || !snapshot_ ? 0 : static_cast<int>(snapshot_->audit.size());
}

int AuditLogModel::columnCount(const QModelIndex& parent) const {
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant AuditLogModel::data(const QModelIndex& index, int role) const {
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid) ||
        (role != Qt::DisplayRole && role != Qt::ToolTipRole))
        return {};
    const AuditEntry& entry = snapshot_->audit[static_cast<std::size_t>(index.row())];
    switch (index.column()) {
    case Seq:
        return role == Qt::ToolTipRole ? QVariant(qtext(entry.hash))
                                       : QVariant(static_cast<qlonglong>(entry.seq));
    case Time:
        return qtext(entry.time);
    case Who:
        return qtext(entry.actor);
    case Action:
        return qtext(entry.action);
    case Subject:
        return qtext(entry.subject);
    case Reason:
        return qtext(entry.reason);
    case Before:
        return qtext(entry.before);
    default:
        return qtext(entry.after);
    }
}

QVariant AuditLogModel::headerData(int section, Qt::Orientation orientation, int role) const {
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole || section < 0 ||
        section >= ColumnCount)
        return {};
    static const char* const headers[] = {"#",       "Time",   "Who",    "Action",
                                          "Subject", "Reason", "Before", "After"};
    return QString::fromLatin1(headers[section]);
}

// ---- AuditFilterModel

AuditFilterModel::AuditFilterModel(QObject* parent) : QSortFilterProxyModel(parent) {}

void AuditFilterModel::setBid(const QString& bid) {
    bid_ = bid.trimmed();
    invalidateRowsFilter();
}

void AuditFilterModel::setWho(const QString& who) {
    who_ = who.trimmed();
    invalidateRowsFilter();
}

void AuditFilterModel::setText(const QString& text) {
    text_ = text.trimmed();
    invalidateRowsFilter();
}

bool AuditFilterModel::filterAcceptsRow(int sourceRow, const QModelIndex& sourceParent) const {
    const QAbstractItemModel* source = sourceModel();
    const auto cell = [&](int column) {
        return source->index(sourceRow, column, sourceParent).data().toString();
    };
    if (!bid_.isEmpty() &&
        !cell(AuditLogModel::Subject).split(QLatin1Char(' '), Qt::SkipEmptyParts).contains(bid_))
        return false;
    if (!who_.isEmpty() && cell(AuditLogModel::Who) != who_)
        return false;
    if (!text_.isEmpty()) {
        bool found = false;
        for (int column = 0; column < AuditLogModel::ColumnCount && !found; ++column)
            found = cell(column).contains(text_, Qt::CaseInsensitive);
        if (!found)
            return false;
    }
    return true;
}

} // namespace fairtender::desktop
