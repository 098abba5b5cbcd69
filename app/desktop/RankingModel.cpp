#include "desktop/RankingModel.h"

#include "core/Decimal.h"
#include "core/Money.h"
#include "desktop/HeaderTitles.h"
#include "desktop/LoadedTender.h"
#include "desktop/QtText.h"
#include "desktop/RankingColumns.h"

#include <QBrush>
#include <QFont>
#include <QPalette>
#include <QStringList>

#include <limits>

namespace fairtender::desktop {

namespace {

QString flagWords(const BidResult& bid) {
    QStringList words;
    for (const auto& flag : bid.flags) {
        QString word = QString::fromUtf8(toString(flag.kind).data(),
                                         static_cast<qsizetype>(toString(flag.kind).size()));
        if (!flag.criterionId.empty())
            word += QStringLiteral(" (") + qtext(flag.criterionId) + QStringLiteral(")");
        words << word;
    }
    return words.join(QStringLiteral(", "));
}

QString statusWords(const EvaluationResult& result, const BidResult& bid) {
    if (bid.status == BidStatus::Excluded)
        return QStringLiteral("Excluded: ") + qtext(bid.exclusionReason());
    if (result.winnerId && *result.winnerId == bid.bidId)
        return QStringLiteral("Ranked: winner");
    return QStringLiteral("Ranked");
}

} // namespace

RankingModel::RankingModel(QObject* parent) : QAbstractTableModel(parent) {}

RankingModel::~RankingModel() = default;

void RankingModel::setTender(std::shared_ptr<const LoadedTender> tender) {
    beginResetModel();
    tender_ = std::move(tender);
    result_ = nullptr;
    columns_.clear();
    searchTexts_.clear();
    textKeys_.clear();
    if (tender_ && tender_->ok() && tender_->evaluation.result) {
        result_ = &*tender_->evaluation.result;
        columns_ = rankingColumns(tender_->evaluation.folder->tender, *result_);
    }
    endResetModel();
}

const RankingColumn* RankingModel::columnAt(int column) const {
    if (column < 0 || static_cast<std::size_t>(column) >= columns_.size())
        return nullptr;
    return &columns_[static_cast<std::size_t>(column)];
}

const BidResult* RankingModel::bidAt(int row) const {
    if (result_ == nullptr || row < 0 || static_cast<std::size_t>(row) >= result_->bids.size())
        return nullptr;
    return &result_->bids[static_cast<std::size_t>(row)];
}

const QString& RankingModel::searchText(int row) const {
    static const QString none;
    if (result_ == nullptr || row < 0 || static_cast<std::size_t>(row) >= result_->bids.size())
        return none;
    if (searchTexts_.empty()) {
        // A unit separator between the fields, so a filter never matches across two of them.
        const QChar separator(0x1f);
        searchTexts_.reserve(result_->bids.size());
        for (const auto& bid : result_->bids) {
            QString words = qtext(bid.bidId);
            words += separator;
            words += qtext(bid.supplierName);
            words += separator;
            words += statusWords(*result_, bid);
            searchTexts_.push_back(std::move(words));
        }
    }
    return searchTexts_[static_cast<std::size_t>(row)];
}

bool RankingModel::sortsBefore(int left, int right, int column) const {
    const BidResult* a = bidAt(left);
    const BidResult* b = bidAt(right);
    const RankingColumn* shown = columnAt(column);
    if (a == nullptr || b == nullptr || shown == nullptr)
        return false;
    switch (shown->kind) {
    case RankingColumnKind::Bid:
    case RankingColumnKind::Supplier:
    case RankingColumnKind::Flags:
    case RankingColumnKind::Status: {
        if (textKeys_.size() != columns_.size())
            textKeys_.assign(columns_.size(), {});
        auto& keys = textKeys_[static_cast<std::size_t>(column)];
        if (keys.empty()) {
            keys.reserve(result_->bids.size());
            for (const auto& bid : result_->bids)
                keys.push_back(display(bid, *shown).toString());
        }
        // QSortFilterProxyModel's own comparison of two strings (case-sensitive, not locale
        // aware), so the order is the one SortRole gives.
        return keys[static_cast<std::size_t>(left)].compare(keys[static_cast<std::size_t>(right)]) <
               0;
    }
    default:
        return sortKey(*a, *shown).toDouble() < sortKey(*b, *shown).toDouble();
    }
}

int RankingModel::rowCount(const QModelIndex& parent) const {
    if (parent.isValid() || result_ == nullptr)
        return 0;
    return static_cast<int>(result_->bids.size());
}

int RankingModel::columnCount(const QModelIndex& parent) const {
    return parent.isValid() ? 0 : static_cast<int>(columns_.size());
}

QVariant RankingModel::display(const BidResult& bid, const RankingColumn& column) const {
    const int places = result_->rounding;
    const bool ranked = bid.status == BidStatus::Ranked;
    switch (column.kind) {
    case RankingColumnKind::Rank:
        return bid.rank ? QVariant(QString::number(*bid.rank)) : QVariant(QStringLiteral("-"));
    case RankingColumnKind::Bid:
        return qtext(bid.bidId);
    case RankingColumnKind::Supplier:
        return qtext(bid.supplierName);
    case RankingColumnKind::Price:
        return bid.price ? QVariant(qtext(formatPounds(*bid.price))) : QVariant();
    case RankingColumnKind::Total:
        return ranked ? QVariant(qtext(formatFixed(bid.total, places))) : QVariant();
    case RankingColumnKind::PricePerPoint:
        return bid.pricePerPoint ? QVariant(qtext(formatFixed(*bid.pricePerPoint, places)))
                                 : QVariant();
    case RankingColumnKind::Leaf:
        if (column.index < bid.criteria.size())
            return qtext(formatFixed(bid.criteria[column.index].points, places));
        return {};
    case RankingColumnKind::Group:
        if (column.index < bid.groups.size())
            return qtext(formatFixed(bid.groups[column.index].points, places));
        return {};
    case RankingColumnKind::Flags:
        return flagWords(bid);
    case RankingColumnKind::Status:
        return statusWords(*result_, bid);
    }
    return {};
}

QVariant RankingModel::sortKey(const BidResult& bid, const RankingColumn& column) const {
    switch (column.kind) {
    case RankingColumnKind::Rank:
        // Excluded bids have no rank and sort after every ranked bid.
        return bid.rank ? *bid.rank : std::numeric_limits<int>::max();
    case RankingColumnKind::Price:
        return bid.price ? *bid.price : std::numeric_limits<double>::max();
    case RankingColumnKind::Total:
        return bid.status == BidStatus::Ranked ? bid.total : -1.0;
    case RankingColumnKind::PricePerPoint:
        return bid.pricePerPoint ? *bid.pricePerPoint : std::numeric_limits<double>::max();
    case RankingColumnKind::Leaf:
        return column.index < bid.criteria.size() ? bid.criteria[column.index].points : -1.0;
    case RankingColumnKind::Group:
        return column.index < bid.groups.size() ? bid.groups[column.index].points : -1.0;
    case RankingColumnKind::Bid:
    case RankingColumnKind::Supplier:
    case RankingColumnKind::Flags:
    case RankingColumnKind::Status:
        return display(bid, column);
    }
    return {};
}

QVariant RankingModel::data(const QModelIndex& index, int role) const {
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const BidResult* bid = bidAt(index.row());
    const RankingColumn* column = columnAt(index.column());
    if (bid == nullptr || column == nullptr)
        return {};
    switch (role) {
    case Qt::DisplayRole:
        return display(*bid, *column);
    case SortRole:
        return sortKey(*bid, *column);
    case Qt::ToolTipRole:
        if (column->kind == RankingColumnKind::Status || column->kind == RankingColumnKind::Flags) {
            const QString words = display(*bid, *column).toString();
            return words.isEmpty() ? QVariant() : QVariant(words);
        }
        return {};
    case Qt::TextAlignmentRole:
        if (column->kind == RankingColumnKind::Rank || column->kind == RankingColumnKind::Total ||
            column->kind == RankingColumnKind::Price ||
            column->kind == RankingColumnKind::PricePerPoint || isPointsColumn(*column))
            return QVariant(Qt::AlignRight | Qt::AlignVCenter);
        return QVariant(Qt::AlignLeft | Qt::AlignVCenter);
    case Qt::ForegroundRole:
        if (bid->status == BidStatus::Excluded)
            return QBrush(QPalette().color(QPalette::Disabled, QPalette::Text));
        if (column->kind == RankingColumnKind::Flags && !bid->flags.empty())
            return QBrush(QColor(0xb0, 0x4a, 0x00));
        return {};
    case Qt::FontRole:
        if (result_->winnerId && *result_->winnerId == bid->bidId) {
            QFont bold;
            bold.setBold(true);
            return bold;
        }
        return {};
    default:
        return {};
    }
}

QVariant RankingModel::headerData(int section, Qt::Orientation orientation, int role) const {
    if (orientation != Qt::Horizontal)
        return QAbstractTableModel::headerData(section, orientation, role);
    const RankingColumn* column = columnAt(section);
    if (column == nullptr)
        return {};
    if (!isPointsColumn(*column) || result_ == nullptr)
        return role == Qt::DisplayRole ? QVariant(qtext(column->header)) : QVariant();
    const double available = column->kind == RankingColumnKind::Leaf
                                 ? result_->leaves[column->index].effectiveWeight
                                 : result_->groups[column->index].effectiveWeight;
    if (role == Qt::DisplayRole)
        return qtext(
            wrappedTitle(column->id, column->header + " (" + formatDecimal(available) + ")"));
    if (role == Qt::ToolTipRole)
        return qtext(column->id + ": " + formatDecimal(available) + " points available");
    if (role == Qt::TextAlignmentRole)
        return QVariant(Qt::AlignCenter);
    return {};
}

} // namespace fairtender::desktop

namespace fairtender::desktop {

RankingProxyModel::RankingProxyModel(QObject* parent) : QSortFilterProxyModel(parent) {}

const RankingModel* RankingProxyModel::ranking() const {
    return qobject_cast<const RankingModel*>(sourceModel());
}

void RankingProxyModel::setFilterText(const QString& text) {
    if (text == filter_)
        return;
    filter_ = text;
    invalidateFilter();
}

bool RankingProxyModel::filterAcceptsRow(int sourceRow, const QModelIndex& sourceParent) const {
    if (filter_.isEmpty() || sourceParent.isValid())
        return true;
    const RankingModel* model = ranking();
    return model == nullptr || model->searchText(sourceRow).contains(filter_, Qt::CaseInsensitive);
}

bool RankingProxyModel::lessThan(const QModelIndex& left, const QModelIndex& right) const {
    const RankingModel* model = ranking();
    if (model == nullptr || left.column() != right.column())
        return QSortFilterProxyModel::lessThan(left, right);
    return model->sortsBefore(left.row(), right.row(), left.column());
}

} // namespace fairtender::desktop
