// ModelTreeModel: the tender's evaluation model as a read-only tree (id, title, type,
// method, weight, effective weight), groups holding their criteria and gates.
#pragma once

#include <QAbstractItemModel>

#include <memory>
#include <unordered_map>
#include <vector>

namespace fairtender {
struct EvaluationModel;
struct ModelNode;
} // namespace fairtender

namespace fairtender::desktop {

class ModelTreeModel : public QAbstractItemModel {
    Q_OBJECT

public:
    enum Column { Id, Title, Type, Method, Weight, EffectiveWeight, ColumnCount };

    explicit ModelTreeModel(QObject* parent = nullptr);
    ~ModelTreeModel() override;

    // Shows a copy of `model`; an empty model empties the tree.
    void setModel(const EvaluationModel& model);

    QModelIndex index(int row, int column, const QModelIndex& parent = {}) const override;
    QModelIndex parent(const QModelIndex& child) const override;
    int rowCount(const QModelIndex& parent = {}) const override;
    int columnCount(const QModelIndex& parent = {}) const override;
    QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation,
                        int role = Qt::DisplayRole) const override;

private:
    struct Place {
        const ModelNode* parent = nullptr; // nullptr at the top level
        int row = 0;
        double effectiveWeight = 0; // points
    };

    const std::vector<ModelNode>& childrenOf(const ModelNode* node) const;
    void index(const std::vector<ModelNode>& nodes, const ModelNode* parent, double parentPoints);

    std::unique_ptr<EvaluationModel> model_;
    std::unordered_map<const ModelNode*, Place> places_;
};

} // namespace fairtender::desktop
