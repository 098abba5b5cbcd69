// WorkspaceModels: the table models the workspace screens show, each over one
// WorkspaceSnapshot: the panel, the acting evaluator's scoring grid, the moderation agenda
// and the audit log (with its filter). They show the engine's records and numbers as read.
#pragma once

#include <QAbstractTableModel>
#include <QSortFilterProxyModel>

#include <memory>

namespace fairtender::desktop {

struct WorkspaceSnapshot;

// One row per panel member and role: name, role, declared, conflicts.
class PanelModel : public QAbstractTableModel {
    Q_OBJECT

public:
    explicit PanelModel(QObject* parent = nullptr);
    void setSnapshot(std::shared_ptr<const WorkspaceSnapshot> snapshot);

    int rowCount(const QModelIndex& parent = {}) const override;
    int columnCount(const QModelIndex& parent = {}) const override;
    QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation,
                        int role = Qt::DisplayRole) const override;

private:
    std::shared_ptr<const WorkspaceSnapshot> snapshot_;
};

// Bids (rows, as the actor sees them) x judgement criteria (columns): the actor's own
// score with a lock mark once submitted, "conflict" where a conflict was declared.
class ScoringModel : public QAbstractTableModel {
    Q_OBJECT

public:
    // True in a cell whose score the actor has submitted (and may no longer change).
    static constexpr int LockedRole = Qt::UserRole + 1;

    explicit ScoringModel(QObject* parent = nullptr);
    void setSnapshot(std::shared_ptr<const WorkspaceSnapshot> snapshot);
    const WorkspaceSnapshot* snapshot() const { return snapshot_.get(); }

    int rowCount(const QModelIndex& parent = {}) const override;
    int columnCount(const QModelIndex& parent = {}) const override;
    QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation,
                        int role = Qt::DisplayRole) const override;

private:
    std::shared_ptr<const WorkspaceSnapshot> snapshot_;
};

// The moderation agenda in the engine's order (spreads over the threshold first): bid,
// criterion, mean, spread, threshold, consensus, then one column per evaluator with the
// score and its reason. Rows over the threshold are highlighted.
class ModerationModel : public QAbstractTableModel {
    Q_OBJECT

public:
    static constexpr int OverThresholdRole = Qt::UserRole + 1;
    enum Column { Bid, Criterion, Mean, Spread, Threshold, Consensus, FirstEvaluator };

    explicit ModerationModel(QObject* parent = nullptr);
    void setSnapshot(std::shared_ptr<const WorkspaceSnapshot> snapshot);

    int rowCount(const QModelIndex& parent = {}) const override;
    int columnCount(const QModelIndex& parent = {}) const override;
    QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation,
                        int role = Qt::DisplayRole) const override;

private:
    std::shared_ptr<const WorkspaceSnapshot> snapshot_;
    QStringList evaluators_;
};

// The audit log, one row per entry in seq order: #, time, who, action, subject, reason,
// before, after.
class AuditLogModel : public QAbstractTableModel {
    Q_OBJECT

public:
    enum Column { Seq, Time, Who, Action, Subject, Reason, Before, After, ColumnCount };

    explicit AuditLogModel(QObject* parent = nullptr);
    void setSnapshot(std::shared_ptr<const WorkspaceSnapshot> snapshot);

    int rowCount(const QModelIndex& parent = {}) const override;
    int columnCount(const QModelIndex& parent = {}) const override;
    QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation,
                        int role = Qt::DisplayRole) const override;

private:
    std::shared_ptr<const WorkspaceSnapshot> snapshot_;
};

// Narrows the audit log to entries about a bid (a word of the subject), by one person
// (the actor, exactly) and holding a text anywhere (case-insensitive); empty filters pass.
class AuditFilterModel : public QSortFilterProxyModel {
    Q_OBJECT

public:
    explicit AuditFilterModel(QObject* parent = nullptr);
    void setBid(const QString& bid);
    void setWho(const QString& who);
    void setText(const QString& text);

protected:
    bool filterAcceptsRow(int sourceRow, const QModelIndex& sourceParent) const override;

private:
    QString bid_;
    QString who_;
    QString text_;
};

} // namespace fairtender::desktop
