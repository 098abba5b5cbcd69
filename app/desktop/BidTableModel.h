// BidTableModel: the bids of a loaded tender folder as a table (id, supplier, postcode,
// ownership, SME, price, living wage, local spend, commitments, file), one row per bid in
// the order the folder holds them. It shows what the bid files declare; it never scores.
#pragma once

#include <QAbstractTableModel>

#include <memory>

namespace fairtender {
struct Bid;
} // namespace fairtender

namespace fairtender::desktop {

struct LoadedTender;

class BidTableModel : public QAbstractTableModel {
    Q_OBJECT

public:
    enum Column {
        IdColumn,
        SupplierColumn,
        PostcodeColumn,
        OwnershipColumn,
        SmeColumn,
        PriceColumn,
        LivingWageColumn,
        LocalSpendColumn,
        CommitmentsColumn,
        FileColumn,
        ColumnCount
    };

    explicit BidTableModel(QObject* parent = nullptr);
    ~BidTableModel() override;

    // Shows the bids of this tender's folder; null or an unreadable folder empties the table.
    void setTender(std::shared_ptr<const LoadedTender> tender);

    // The bid shown in `row`, or nullptr when out of range.
    const Bid* bidAt(int row) const;

    int rowCount(const QModelIndex& parent = {}) const override;
    int columnCount(const QModelIndex& parent = {}) const override;
    QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation,
                        int role = Qt::DisplayRole) const override;

private:
    std::shared_ptr<const LoadedTender> tender_;
};

} // namespace fairtender::desktop
