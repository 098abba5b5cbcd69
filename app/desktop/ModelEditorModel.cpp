#include "desktop/ModelEditorModel.h"

#include "core/Decimal.h"
#include "desktop/ModelEditorDefaults.h"
#include "desktop/QtText.h"
#include "model/Tender.h"
#include "scoring/ModelPlan.h"

#include <QApplication>
#include <QBrush>
#include <QColor>
#include <QIcon>
#include <QMimeData>
#include <QStyle>

#include <algorithm>

namespace fairtender::desktop {

namespace {

QString typeText(const ModelNode& node) {
    switch (node.kind) {
    case NodeKind::Group:
        return QStringLiteral("group");
    case NodeKind::Gate:
        return QStringLiteral("gate");
    case NodeKind::Criterion:
        return qtext(toString(node.criterion.type));
    }
    return {};
}

} // namespace

ModelEditorModel::ModelEditorModel(TenderDocument* document, QObject* parent)
    : QAbstractItemModel(parent), document_(document) {
    mirror(root_, document_->tender().model.children);
    connect(document_, &TenderDocument::aboutToReset, this, [this] { beginResetModel(); });
    connect(document_, &TenderDocument::reset, this, [this] {
        root_.children.clear();
        mirror(root_, document_->tender().model.children);
        endResetModel();
    });
    connect(document_, &TenderDocument::nodeChanged, this, [this](const NodePath& path) {
        emit dataChanged(indexOf(path, 0), indexOf(path, ColumnCount - 1));
        siblingsChanged(NodePath(path.begin(), path.end() - 1));
    });
    connect(
        document_, &TenderDocument::nodeAboutToBeInserted, this,
        [this](const NodePath& parent, int row) { beginInsertRows(indexOf(parent), row, row); });
    connect(document_, &TenderDocument::nodeInserted, this,
            [this](const NodePath& parent, int row) {
                Item* parentItem = itemAt(parent);
                auto item = std::make_unique<Item>();
                item->parent = parentItem;
                NodePath path = parent;
                path.push_back(row);
                mirror(*item, document_->node(path)->children);
                parentItem->children.insert(parentItem->children.begin() + row, std::move(item));
                endInsertRows();
                siblingsChanged(parent);
            });
    connect(
        document_, &TenderDocument::nodeAboutToBeRemoved, this,
        [this](const NodePath& parent, int row) { beginRemoveRows(indexOf(parent), row, row); });
    connect(document_, &TenderDocument::nodeRemoved, this, [this](const NodePath& parent, int row) {
        Item* parentItem = itemAt(parent);
        parentItem->children.erase(parentItem->children.begin() + row);
        endRemoveRows();
        siblingsChanged(parent);
    });
    connect(document_, &TenderDocument::nodeAboutToBeMoved, this,
            [this](const NodePath& parent, int from, int to) {
                const QModelIndex parentIndex = indexOf(parent);
                beginMoveRows(parentIndex, from, from, parentIndex, to > from ? to + 1 : to);
            });
    connect(document_, &TenderDocument::nodeMoved, this,
            [this](const NodePath& parent, int from, int to) {
                Item* parentItem = itemAt(parent);
                auto moving = std::move(parentItem->children[static_cast<std::size_t>(from)]);
                parentItem->children.erase(parentItem->children.begin() + from);
                parentItem->children.insert(parentItem->children.begin() + to, std::move(moving));
                endMoveRows();
            });
    connect(document_, &TenderDocument::frozenChanged, this, [this] {
        // Editability changed everywhere.
        if (!root_.children.empty())
            emit dataChanged(index(0, 0), index(rowCount() - 1, ColumnCount - 1));
    });
}

ModelEditorModel::~ModelEditorModel() = default;

void ModelEditorModel::mirror(Item& item, const std::vector<ModelNode>& nodes) {
    for (const auto& node : nodes) {
        auto child = std::make_unique<Item>();
        child->parent = &item;
        mirror(*child, node.children);
        item.children.push_back(std::move(child));
    }
}

ModelEditorModel::Item* ModelEditorModel::itemAt(const NodePath& path) const {
    const Item* item = &root_;
    for (const int row : path) {
        if (row < 0 || static_cast<std::size_t>(row) >= item->children.size())
            return nullptr;
        item = item->children[static_cast<std::size_t>(row)].get();
    }
    return const_cast<Item*>(item);
}

const ModelEditorModel::Item* ModelEditorModel::itemOf(const QModelIndex& index) const {
    return index.isValid() ? static_cast<const Item*>(index.internalPointer()) : &root_;
}

int ModelEditorModel::rowOf(const Item* item) const {
    const auto& siblings = item->parent->children;
    const auto found = std::find_if(siblings.begin(), siblings.end(),
                                    [&](const auto& sibling) { return sibling.get() == item; });
    return static_cast<int>(found - siblings.begin());
}

NodePath ModelEditorModel::pathOf(const QModelIndex& index) const {
    NodePath path;
    for (const Item* item = itemOf(index); item && item->parent; item = item->parent)
        path.insert(path.begin(), rowOf(item));
    return path;
}

QModelIndex ModelEditorModel::indexOf(const NodePath& path, int column) const {
    if (path.empty())
        return {};
    Item* item = itemAt(path);
    return item ? createIndex(path.back(), column, item) : QModelIndex();
}

QModelIndex ModelEditorModel::index(int row, int column, const QModelIndex& parent) const {
    if (row < 0 || column < 0 || column >= ColumnCount)
        return {};
    if (parent.isValid() && parent.column() != 0)
        return {};
    const Item* parentItem = itemOf(parent);
    if (static_cast<std::size_t>(row) >= parentItem->children.size())
        return {};
    return createIndex(row, column, parentItem->children[static_cast<std::size_t>(row)].get());
}

QModelIndex ModelEditorModel::parent(const QModelIndex& child) const {
    if (!child.isValid())
        return {};
    const Item* parentItem = itemOf(child)->parent;
    if (!parentItem || parentItem == &root_)
        return {};
    return createIndex(rowOf(parentItem), 0, const_cast<Item*>(parentItem));
}

int ModelEditorModel::rowCount(const QModelIndex& parent) const {
    if (parent.isValid() && parent.column() != 0)
        return 0;
    return static_cast<int>(itemOf(parent)->children.size());
}

int ModelEditorModel::columnCount(const QModelIndex& /*parent*/) const {
    return ColumnCount;
}

QString ModelEditorModel::weightProblem(const NodePath& parent) const {
    const std::vector<ModelNode>* children = &document_->tender().model.children;
    if (!parent.empty()) {
        const ModelNode* node = document_->node(parent);
        if (!node)
            return {};
        children = &node->children;
    }
    const SiblingWeights weights = siblingWeights(*children);
    if (weights.sumsTo100())
        return {};
    return QStringLiteral("weights sum to %1, must be 100").arg(qtext(formatDecimal(weights.sum)));
}

QString ModelEditorModel::topLevelWeightProblem() const {
    return weightProblem({});
}

void ModelEditorModel::siblingsChanged(const NodePath& parent) {
    if (!parent.empty())
        emit dataChanged(indexOf(parent, 0), indexOf(parent, ColumnCount - 1));
    const int rows = rowCount(indexOf(parent));
    if (rows > 0)
        emit dataChanged(index(0, Weight, indexOf(parent)),
                         index(rows - 1, Weight, indexOf(parent)));
    pointsChanged({});
}

void ModelEditorModel::pointsChanged(const QModelIndex& parent) {
    // One weight moves the points of every node below its parent's ancestors: the tree is
    // small, so all of the column is announced again.
    const int rows = rowCount(parent);
    if (rows == 0)
        return;
    emit dataChanged(index(0, Points, parent), index(rows - 1, Points, parent));
    for (int row = 0; row < rows; ++row)
        pointsChanged(index(row, 0, parent));
}

std::optional<double> ModelEditorModel::pointsOf(const ModelNode& node) const {
    const ModelPlan plan = planModel(document_->tender());
    for (const auto& leaf : plan.leaves)
        if (leaf.node == &node)
            return leaf.effectiveWeight;
    for (const auto& group : plan.groups)
        if (group.node == &node)
            return group.effectiveWeight;
    return std::nullopt;
}

QVariant ModelEditorModel::data(const QModelIndex& index, int role) const {
    if (!index.isValid() || !checkIndex(index, CheckIndexOption::IndexIsValid))
        return {};
    const NodePath path = pathOf(index);
    const ModelNode* node = document_->node(path);
    if (!node)
        return {};
    const bool weighted = node->kind != NodeKind::Gate;
    if (role == WeightProblemRole)
        return node->kind == NodeKind::Group ? weightProblem(path) : QString();
    if (role == Qt::DisplayRole || role == Qt::EditRole) {
        switch (index.column()) {
        case Id:
            return qtext(node->id);
        case Title:
            return qtext(node->title);
        case Type:
            return typeText(*node);
        case Method:
            return qtext(methodOf(*node));
        case Weight:
            return weighted ? QVariant(qtext(formatDecimal(node->weight))) : QVariant();
        case Points: {
            const auto points = weighted ? pointsOf(*node) : std::nullopt;
            return points ? QVariant(qtext(formatFixed(*points, 2))) : QVariant();
        }
        default:
            return {};
        }
    }
    if (role == Qt::TextAlignmentRole)
        return index.column() == Weight || index.column() == Points
                   ? QVariant(Qt::AlignRight | Qt::AlignVCenter)
                   : QVariant(Qt::AlignLeft | Qt::AlignVCenter);
    // A group whose children do not sum to 100 is marked on its id; the weights that make
    // up a wrong sum (including top-level ones, which have no group row) are shown in red.
    const QString ownProblem = node->kind == NodeKind::Group ? weightProblem(path) : QString();
    const QString siblingProblem =
        weighted ? weightProblem(NodePath(path.begin(), path.end() - 1)) : QString();
    if (role == Qt::DecorationRole && index.column() == Id && !ownProblem.isEmpty())
        return QApplication::style()->standardIcon(QStyle::SP_MessageBoxWarning);
    if (role == Qt::ForegroundRole && index.column() == Weight && !siblingProblem.isEmpty())
        return QBrush(QColor(0xb0, 0x00, 0x20));
    if (role == Qt::ToolTipRole) {
        if (index.column() == Weight && !siblingProblem.isEmpty())
            return siblingProblem;
        if (!ownProblem.isEmpty())
            return ownProblem;
        return qtext(node->displayName());
    }
    return {};
}

Qt::ItemFlags ModelEditorModel::flags(const QModelIndex& index) const {
    if (!index.isValid()) // the model itself: top-level nodes may be dropped among themselves
        return document_->isFrozen() ? Qt::NoItemFlags : Qt::ItemIsDropEnabled;
    if (!checkIndex(index, CheckIndexOption::IndexIsValid))
        return Qt::NoItemFlags;
    Qt::ItemFlags flags = Qt::ItemIsEnabled | Qt::ItemIsSelectable;
    if (document_->isFrozen())
        return flags;
    const ModelNode* node = document_->node(pathOf(index));
    flags |= Qt::ItemIsDragEnabled;
    if (node && node->kind == NodeKind::Group)
        flags |= Qt::ItemIsDropEnabled;
    const bool editable = index.column() == Id || index.column() == Title ||
                          (index.column() == Weight && node && node->kind != NodeKind::Gate);
    return editable ? flags | Qt::ItemIsEditable : flags;
}

bool ModelEditorModel::setData(const QModelIndex& index, const QVariant& value, int role) {
    if (role != Qt::EditRole || !index.isValid() ||
        !checkIndex(index, CheckIndexOption::IndexIsValid))
        return false;
    const NodePath path = pathOf(index);
    const ModelNode* current = document_->node(path);
    if (!current || !(flags(index) & Qt::ItemIsEditable))
        return false;
    ModelNode node = *current;
    const std::string entered = value.toString().trimmed().toStdString();
    switch (index.column()) {
    case Weight: {
        const auto weight = parseDecimal(entered);
        if (!weight || *weight < 0)
            return false;
        if (*weight == node.weight)
            return true;
        node.weight = *weight;
        return document_->setNode(
            path, node,
            [](const ModelNode& before, const ModelNode& after) {
                return QStringLiteral("Change weight of %1 from %2 to %3")
                    .arg(qtext(after.id), qtext(formatDecimal(before.weight)),
                         qtext(formatDecimal(after.weight)));
            },
            QStringLiteral("weight"));
    }
    case Title:
        if (entered == node.title)
            return true;
        node.title = entered;
        return document_->setNode(path, node, [](const ModelNode& before, const ModelNode& after) {
            return QStringLiteral("Rename %1 from \"%2\" to \"%3\"")
                .arg(qtext(after.id), qtext(before.title), qtext(after.title));
        });
    case Id:
        if (entered.empty() || entered == node.id)
            return entered == node.id;
        node.id = entered;
        return document_->setNode(path, node, [](const ModelNode& before, const ModelNode& after) {
            return QStringLiteral("Change id of %1 to %2").arg(qtext(before.id), qtext(after.id));
        });
    default:
        return false;
    }
}

QVariant ModelEditorModel::headerData(int section, Qt::Orientation orientation, int role) const {
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    switch (section) {
    case Id:
        return QStringLiteral("Id");
    case Title:
        return QStringLiteral("Title");
    case Type:
        return QStringLiteral("Type");
    case Method:
        return QStringLiteral("Method");
    case Weight:
        return QStringLiteral("Weight");
    case Points:
        return QStringLiteral("Points");
    default:
        return {};
    }
}

namespace {

const QString kNodePathMime = QStringLiteral("application/x-fairtender-node-path");

} // namespace

Qt::DropActions ModelEditorModel::supportedDropActions() const {
    return Qt::MoveAction;
}

QStringList ModelEditorModel::mimeTypes() const {
    return {kNodePathMime};
}

QMimeData* ModelEditorModel::mimeData(const QModelIndexList& indexes) const {
    if (indexes.isEmpty())
        return nullptr;
    const NodePath path = pathOf(indexes.front());
    for (const QModelIndex& index : indexes)
        if (pathOf(index) != path)
            return nullptr; // one node at a time
    QStringList rows;
    for (const int row : path)
        rows << QString::number(row);
    auto* data = new QMimeData;
    data->setData(kNodePathMime, rows.join(QLatin1Char('.')).toLatin1());
    return data;
}

std::optional<std::pair<NodePath, int>>
ModelEditorModel::dropMove(const QMimeData* data, int row, const QModelIndex& parent) const {
    if (!data || !data->hasFormat(kNodePathMime) || document_->isFrozen())
        return std::nullopt;
    NodePath from;
    for (const QString& part :
         QString::fromLatin1(data->data(kNodePathMime)).split(QLatin1Char('.'))) {
        bool ok = false;
        from.push_back(part.toInt(&ok));
        if (!ok)
            return std::nullopt;
    }
    if (from.empty() || !document_->node(from))
        return std::nullopt;
    const NodePath target = pathOf(parent);
    if (NodePath(from.begin(), from.end() - 1) != target)
        return std::nullopt;
    const int siblings = rowCount(parent);
    const int dropRow = row < 0 ? siblings : row;
    // Dropping below itself shifts the rows after it up by one.
    const int to = dropRow > from.back() ? dropRow - 1 : dropRow;
    if (to == from.back() || to < 0 || to >= siblings)
        return std::nullopt;
    return std::pair{from, to};
}

bool ModelEditorModel::canDropMimeData(const QMimeData* data, Qt::DropAction action, int row,
                                       int /*column*/, const QModelIndex& parent) const {
    return action == Qt::MoveAction && dropMove(data, row, parent).has_value();
}

bool ModelEditorModel::dropMimeData(const QMimeData* data, Qt::DropAction action, int row,
                                    int /*column*/, const QModelIndex& parent) {
    if (action != Qt::MoveAction)
        return false;
    if (const auto move = dropMove(data, row, parent))
        document_->moveNode(move->first, move->second);
    return false;
}

} // namespace fairtender::desktop
