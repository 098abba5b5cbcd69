// ModelEditorModel: the editable tree of a TenderDocument's evaluation model (groups,
// criteria, gates). Id, title and weight are edited in place; every edit goes through the
// document, so it is undoable, and a group whose weights do not sum to 100 is marked.
#pragma once

#include "desktop/TenderDocument.h"

#include <QAbstractItemModel>

#include <memory>
#include <optional>
#include <utility>
#include <vector>

namespace fairtender::desktop {

class ModelEditorModel : public QAbstractItemModel {
    Q_OBJECT

public:
    // Points: the points available (effective weight) as the engine's model plan gives
    // them for the tree as it stands, so an edit shows at once what it is worth.
    enum Column { Id, Title, Type, Method, Weight, Points, ColumnCount };
    enum Role {
        // On column Id of a group: "weights sum to 95, must be 100", or an empty string when
        // the group's weights are right. Also the group's tooltip and the reason for its mark.
        WeightProblemRole = Qt::UserRole + 1,
    };

    explicit ModelEditorModel(TenderDocument* document, QObject* parent = nullptr);
    ~ModelEditorModel() override;

    TenderDocument* document() const { return document_; }
    // The path of the node `index` shows ({} for an invalid index) and back.
    NodePath pathOf(const QModelIndex& index) const;
    QModelIndex indexOf(const NodePath& path, int column = 0) const;
    // The problem with the top-level weights (the model has no row of its own), or "".
    QString topLevelWeightProblem() const;

    QModelIndex index(int row, int column, const QModelIndex& parent = {}) const override;
    QModelIndex parent(const QModelIndex& child) const override;
    int rowCount(const QModelIndex& parent = {}) const override;
    int columnCount(const QModelIndex& parent = {}) const override;
    QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const override;
    bool setData(const QModelIndex& index, const QVariant& value, int role = Qt::EditRole) override;
    Qt::ItemFlags flags(const QModelIndex& index) const override;
    QVariant headerData(int section, Qt::Orientation orientation,
                        int role = Qt::DisplayRole) const override;

    // Drag and drop moves one node among its siblings (an undoable move); a drop under
    // another parent is refused. The drop performs the move itself and reports false, so
    // the view never removes the source rows.
    Qt::DropActions supportedDropActions() const override;
    QStringList mimeTypes() const override;
    QMimeData* mimeData(const QModelIndexList& indexes) const override;
    bool canDropMimeData(const QMimeData* data, Qt::DropAction action, int row, int column,
                         const QModelIndex& parent) const override;
    bool dropMimeData(const QMimeData* data, Qt::DropAction action, int row, int column,
                      const QModelIndex& parent) override;

private:
    // A mirror of the document's tree: one Item per node, stable while the node exists, so
    // model indexes (which point at Items) survive inserts, removals and moves.
    struct Item {
        Item* parent = nullptr;
        std::vector<std::unique_ptr<Item>> children;
    };

    Item* itemAt(const NodePath& path) const;
    const Item* itemOf(const QModelIndex& index) const;
    int rowOf(const Item* item) const;
    void mirror(Item& item, const std::vector<ModelNode>& nodes);
    // Refreshes the rows whose display depends on the sum of `parent`'s children.
    void siblingsChanged(const NodePath& parent);
    // Announces the Points column again under `parent`, at every depth.
    void pointsChanged(const QModelIndex& parent);
    // The node's points available, or nullopt for a node the plan does not hold.
    std::optional<double> pointsOf(const ModelNode& node) const;
    QString weightProblem(const NodePath& parent) const;
    // The move a drop at `row` under `parent` stands for: the dragged path and its new row.
    std::optional<std::pair<NodePath, int>> dropMove(const QMimeData* data, int row,
                                                     const QModelIndex& parent) const;

    TenderDocument* document_;
    Item root_;
};

} // namespace fairtender::desktop
