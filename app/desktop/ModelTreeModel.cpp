#include "desktop/ModelTreeModel.h"

#include "core/Decimal.h"
#include "core/Money.h"
#include "model/Tender.h"

namespace fairtender::desktop {

namespace {

QString text(std::string_view value) {
    return QString::fromUtf8(value.data(), static_cast<qsizetype>(value.size()));
}

QString typeText(const ModelNode& node) {
    switch (node.kind) {
    case NodeKind::Group:
        return QStringLiteral("group");
    case NodeKind::Gate:
        return QStringLiteral("gate");
    case NodeKind::Criterion:
        return text(toString(node.criterion.type));
    }
    return {};
}

QString methodText(const ModelNode& node) {
    if (node.kind == NodeKind::Gate)
        return QStringLiteral("pass/fail");
    if (node.kind == NodeKind::Group)
        return node.minPercent ? QStringLiteral("at least %1% of its points")
                                     .arg(text(formatDecimal(*node.minPercent)))
                               : QString();
    const CriterionSettings& settings = node.criterion;
    switch (settings.type) {
    case CriterionType::Price: {
        QString method = text(toString(settings.priceMethod));
        if (settings.discountRate)
            method += QStringLiteral(", whole-life at %1%")
                          .arg(text(formatDecimal(*settings.discountRate)));
        return method;
    }
    case CriterionType::Judgement: {
        QString method = QStringLiteral("scale 0-%1").arg(text(formatDecimal(settings.scaleMax)));
        if (settings.minScore)
            method += QStringLiteral(", at least %1").arg(text(formatDecimal(*settings.minScore)));
        return method;
    }
    case CriterionType::SocialValue:
        return text(toString(settings.socialValueMethod));
    case CriterionType::Locality:
        return text(toString(settings.localityMethod));
    case CriterionType::LivingWage:
        return text(toString(settings.livingWageMethod));
    case CriterionType::Ownership:
        return settings.reserved.empty() ? QStringLiteral("table")
                                         : QStringLiteral("table, reserved");
    }
    return {};
}

} // namespace

ModelTreeModel::ModelTreeModel(QObject* parent)
    : QAbstractItemModel(parent), model_(std::make_unique<EvaluationModel>()) {}

ModelTreeModel::~ModelTreeModel() = default;

void ModelTreeModel::setModel(const EvaluationModel& model) {
    beginResetModel();
    *model_ = model;
    places_.clear();
    index(model_->children, nullptr, 100.0);
    endResetModel();
}

void ModelTreeModel::index(const std::vector<ModelNode>& nodes, const ModelNode* parent,
                           double parentPoints) {
    for (std::size_t row = 0; row < nodes.size(); ++row) {
        const ModelNode& node = nodes[row];
        const double points = node.kind == NodeKind::Gate ? 0 : parentPoints * node.weight / 100.0;
        places_[&node] = {parent, static_cast<int>(row), points};
        index(node.children, &node, points);
    }
}

const std::vector<ModelNode>& ModelTreeModel::childrenOf(const ModelNode* node) const {
    return node == nullptr ? model_->children : node->children;
}

QModelIndex ModelTreeModel::index(int row, int column, const QModelIndex& parent) const {
    if (column < 0 || column >= ColumnCount || row < 0)
        return {};
    const auto* parentNode = static_cast<const ModelNode*>(parent.internalPointer());
    if (parent.isValid() && parent.column() != 0)
        return {};
    const auto& children = childrenOf(parent.isValid() ? parentNode : nullptr);
    if (static_cast<std::size_t>(row) >= children.size())
        return {};
    return createIndex(row, column,
                       const_cast<ModelNode*>(&children[static_cast<std::size_t>(row)]));
}

QModelIndex ModelTreeModel::parent(const QModelIndex& child) const {
    if (!child.isValid())
        return {};
    const auto found = places_.find(static_cast<const ModelNode*>(child.internalPointer()));
    if (found == places_.end() || found->second.parent == nullptr)
        return {};
    const ModelNode* parentNode = found->second.parent;
    return createIndex(places_.at(parentNode).row, 0, const_cast<ModelNode*>(parentNode));
}

int ModelTreeModel::rowCount(const QModelIndex& parent) const {
    if (parent.isValid() && parent.column() != 0)
        return 0;
    const auto* node =
        parent.isValid() ? static_cast<const ModelNode*>(parent.internalPointer()) : nullptr;
    return static_cast<int>(childrenOf(node).size());
}

int ModelTreeModel::columnCount(const QModelIndex& /*parent*/) const {
    return ColumnCount;
}

QVariant ModelTreeModel::data(const QModelIndex& index, int role) const {
    if (!checkIndex(index, CheckIndexOption::IndexIsValid))
        return {};
    const auto* node = static_cast<const ModelNode*>(index.internalPointer());
    const Place& place = places_.at(node);
    if (role == Qt::TextAlignmentRole)
        return index.column() >= Weight ? QVariant(Qt::AlignRight | Qt::AlignVCenter)
                                        : QVariant(Qt::AlignLeft | Qt::AlignVCenter);
    if (role == Qt::ToolTipRole && index.column() == Title)
        return text(node->displayName());
    if (role != Qt::DisplayRole)
        return {};
    const bool weighted = node->kind != NodeKind::Gate;
    switch (index.column()) {
    case Id:
        return text(node->id);
    case Title:
        return text(node->title);
    case Type:
        return typeText(*node);
    case Method:
        return methodText(*node);
    case Weight:
        return weighted ? QVariant(text(formatDecimal(node->weight)) + QStringLiteral("%"))
                        : QVariant();
    case EffectiveWeight:
        return weighted
                   ? QVariant(text(formatDecimal(roundHalfAwayFromZero(place.effectiveWeight, 6))))
                   : QVariant();
    default:
        return {};
    }
}

QVariant ModelTreeModel::headerData(int section, Qt::Orientation orientation, int role) const {
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
    case EffectiveWeight:
        return QStringLiteral("Points");
    default:
        return {};
    }
}

} // namespace fairtender::desktop
