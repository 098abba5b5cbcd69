#include "desktop/BidTableModel.h"

#include "core/Decimal.h"
#include "core/Money.h"
#include "desktop/LoadedTender.h"
#include "desktop/QtText.h"

#include <QStringList>

#include <set>

namespace fairtender::desktop {

namespace {

QString priceText(const Bid& bid) {
    if (bid.price)
        return qtext(bid.price->toDisplayString());
    if (!bid.costs.empty()) {
        // A whole-life profile may list a year twice only by mistake; count the years it covers.
        std::set<int> years;
        for (const auto& cost : bid.costs)
            years.insert(cost.year);
        return QStringLiteral("whole life: %1 years").arg(years.size());
    }
    return QStringLiteral("none");
}

QString livingWageText(const Bid& bid) {
    if (!bid.livingWage)
        return QStringLiteral("not declared");
    const LivingWageDeclaration& wage = *bid.livingWage;
    QStringList words;
    words << (wage.accredited ? QStringLiteral("accredited") : QStringLiteral("not accredited"));
    words << (wage.committed ? QStringLiteral("committed") : QStringLiteral("not committed"));
    if (wage.lowestHourlyRate)
        words << QStringLiteral("lowest %1/h").arg(qtext(wage.lowestHourlyRate->toDisplayString()));
    return words.join(QStringLiteral(", "));
}

QString fileText(const Bid& bid) {
    return qtext(bid.where.file);
}

} // namespace

BidTableModel::BidTableModel(QObject* parent) : QAbstractTableModel(parent) {}

BidTableModel::~BidTableModel() = default;

void BidTableModel::setTender(std::shared_ptr<const LoadedTender> tender) {
    beginResetModel();
    tender_ = std::move(tender);
    endResetModel();
}

const Bid* BidTableModel::bidAt(int row) const {
    if (!tender_ || !tender_->evaluation.folder || row < 0)
        return nullptr;
    const auto& bids = tender_->evaluation.folder->bids;
    if (static_cast<std::size_t>(row) >= bids.size())
        return nullptr;
    return &bids[static_cast<std::size_t>(row)];
}

int BidTableModel::rowCount(const QModelIndex& parent) const {
    if (parent.isValid() || !tender_ || !tender_->evaluation.folder)
        return 0;
    return static_cast<int>(tender_->evaluation.folder->bids.size());
}

int BidTableModel::columnCount(const QModelIndex& parent) const {
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant BidTableModel::data(const QModelIndex& index, int role) const {
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const Bid* bid = bidAt(index.row());
    if (bid == nullptr)
        return {};
    if (role == Qt::TextAlignmentRole) {
        const bool number = index.column() == PriceColumn || index.column() == LocalSpendColumn ||
                            index.column() == CommitmentsColumn;
        return QVariant::fromValue(number ? Qt::AlignRight | Qt::AlignVCenter
                                          : Qt::AlignLeft | Qt::AlignVCenter);
    }
    if (role != Qt::DisplayRole && role != Qt::ToolTipRole)
        return {};
    switch (static_cast<Column>(index.column())) {
    case IdColumn:
        return qtext(bid->id);
    case SupplierColumn:
        return qtext(bid->supplier.name);
    case PostcodeColumn:
        return bid->supplier.postcode ? qtext(bid->supplier.postcode->text()) : QString();
    case OwnershipColumn:
        return qtext(toString(bid->supplier.ownership));
    case SmeColumn:
        if (!bid->supplier.sme)
            return QStringLiteral("not stated");
        return *bid->supplier.sme ? QStringLiteral("yes") : QStringLiteral("no");
    case PriceColumn:
        return priceText(*bid);
    case LivingWageColumn:
        return livingWageText(*bid);
    case LocalSpendColumn:
        return bid->localSpendPercent
                   ? qtext(formatDecimal(*bid->localSpendPercent)) + QStringLiteral("%")
                   : QString();
    case CommitmentsColumn:
        return static_cast<qulonglong>(bid->commitments.size());
    case FileColumn:
        return fileText(*bid);
    case ColumnCount:
        break;
    }
    return {};
}

QVariant BidTableModel::headerData(int section, Qt::Orientation orientation, int role) const {
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole || section < 0 ||
        section >= ColumnCount)
        return QAbstractTableModel::headerData(section, orientation, role);
    switch (static_cast<Column>(section)) {
    case IdColumn:
        return QStringLiteral("Bid");
    case SupplierColumn:
        return QStringLiteral("Supplier");
    case PostcodeColumn:
        return QStringLiteral("Postcode");
    case OwnershipColumn:
        return QStringLiteral("Ownership");
    case SmeColumn:
        return QStringLiteral("SME");
    case PriceColumn:
        return QStringLiteral("Price");
    case LivingWageColumn:
        return QStringLiteral("Living wage");
    case LocalSpendColumn:
        return QStringLiteral("Local spend");
    case CommitmentsColumn:
        return QStringLiteral("Commitments");
    case FileColumn:
        return QStringLiteral("File");
    case ColumnCount:
        break;
    }
    return {};
}

} // namespace fairtender::desktop
