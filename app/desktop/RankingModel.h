// RankingModel: the results ranking as a table model over the engine's EvaluationResult
// (rank, bid, supplier, total, points per top-level group, flags, status), ranked bids
// first by rank, then excluded bids. It shows the engine's numbers; it never scores.
#pragma once

#include <QAbstractTableModel>
#include <QSortFilterProxyModel>
#include <QString>

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

    // The text a filter searches in `row`: its bid id, supplier and status, cased as shown.
    const QString& searchText(int row) const;
    // True when `left` sorts before `right` in `column`: the same order as comparing their
    // SortRole values, without a QVariant per comparison.
    bool sortsBefore(int left, int right, int column) const;

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
    // Built on first use after a reset: the search text per row, and per text column the
    // sort key per row, so sorting or filtering 10,000 rows converts each string once.
    mutable std::vector<QString> searchTexts_;
    mutable std::vector<std::vector<QString>> textKeys_;
};

// The Results table's proxy: sorts with RankingModel::sortsBefore and keeps the rows whose
// bid id, supplier or status contains the filter text, ignoring case.
class RankingProxyModel : public QSortFilterProxyModel {
    Q_OBJECT

public:
    explicit RankingProxyModel(QObject* parent = nullptr);

    // Keeps only the rows containing `text`; empty shows every row.
    void setFilterText(const QString& text);
    const QString& filterText() const { return filter_; }

protected:
    bool filterAcceptsRow(int sourceRow, const QModelIndex& sourceParent) const override;
    bool lessThan(const QModelIndex& left, const QModelIndex& right) const override;

private:
    const RankingModel* ranking() const;

    QString filter_;
};

} // namespace fairtender::desktop
