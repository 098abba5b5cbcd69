// RankingModel: the results ranking as a table model over the engine's EvaluationResult
// (rank, bid, supplier, total, points per top-level group, flags, status), ranked bids
// first by rank, then excluded bids. It shows the engine's numbers; it never scores.
#pragma once

#include <QAbstractTableModel>

#include <memory>
#include <vector>

namespace fairtender {
struct BidResult;
struct EvaluationResult;
} // namespace fairtender

namespace fairtender::desktop {

struct LoadedTender;
struct RankingColumn;

class RankingModel : public QAbstractTableModel {
    Q_OBJECT

public:
    // Qt::DisplayRole is formatted text; SortRole holds the number (or text) to sort by.
    static constexpr int SortRole = Qt::UserRole + 1;

    explicit RankingModel(QObject* parent = nullptr);
    ~RankingModel() override;

    // Shows this tender's results; an invalid or null tender empties the table.
    void setTender(std::shared_ptr<const LoadedTender> tender);
    const LoadedTender* tender() const { return tender_.get(); }

    // The column descriptor behind `column`, or nullptr when out of range.
    const RankingColumn* columnAt(int column) const;
    // The bid shown in `row`, or nullptr when out of range.
    const BidResult* bidAt(int row) const;

    int rowCount(const QModelIndex& parent = {}) const override;
    int columnCount(const QModelIndex& parent = {}) const override;
    QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation,
                        int role = Qt::DisplayRole) const override;

private:
    QVariant display(const BidResult& bid, const RankingColumn& column) const;
    QVariant sortKey(const BidResult& bid, const RankingColumn& column) const;

    std::shared_ptr<const LoadedTender> tender_;
    const EvaluationResult* result_ = nullptr;
    std::vector<RankingColumn> columns_;
};

} // namespace fairtender::desktop
