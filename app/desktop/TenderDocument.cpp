#include "desktop/TenderDocument.h"

#include "desktop/DesktopPaths.h"
#include "desktop/QtText.h"
#include "io/xml/ReferenceData.h"
#include "io/xml/TenderFolder.h"
#include "io/xml/TenderWriter.h"
#include "model/Tender.h"
#include "validation/Lint.h"

#include <QStringList>
#include <QUndoCommand>
#include <QUndoStack>

#include <exception>
#include <fstream>
#include <sstream>

namespace fairtender::desktop {

namespace {

QString kindWord(const ModelNode& node) {
    switch (node.kind) {
    case NodeKind::Group:
        return QStringLiteral("group");
    case NodeKind::Gate:
        return QStringLiteral("gate");
    case NodeKind::Criterion:
        return QStringLiteral("criterion");
    }
    return {};
}

// Every field but the model tree.
void copyDetails(const Tender& from, Tender& to) {
    auto children = std::move(to.model.children);
    to = from;
    to.model.children = std::move(children);
}

} // namespace

// The base of every edit: gives the commands the document's primitive changes.
class TenderCommand : public QUndoCommand {
protected:
    explicit TenderCommand(TenderDocument* document) : document_(document) {}
    void setNode(const NodePath& path, const ModelNode& node) {
        document_->applySetNode(path, node);
    }
    void insert(const NodePath& parent, int row, const ModelNode& node) {
        document_->applyInsert(parent, row, node);
    }
    void remove(const NodePath& parent, int row) { document_->applyRemove(parent, row); }
    void move(const NodePath& parent, int from, int to) { document_->applyMove(parent, from, to); }
    void details(const Tender& details) { document_->applyDetails(details); }
    void whole(const Tender& tender) { document_->applyWhole(tender); }
    TenderDocument* document_;
};

namespace {

// An id per kind of mergeable command; merge keys then tell edits of one kind apart.
enum CommandId { kSetNode = 1, kSetDetails = 2 };

class SetNodeCommand : public TenderCommand {
public:
    SetNodeCommand(TenderDocument* document, NodePath path, ModelNode before, ModelNode after,
                   TenderDocument::DescribeNode describe, QString mergeKey)
        : TenderCommand(document), path_(std::move(path)), before_(std::move(before)),
          after_(std::move(after)), describe_(std::move(describe)), mergeKey_(std::move(mergeKey)) {
        setText(describe_(before_, after_));
    }
    void redo() override { setNode(path_, after_); }
    void undo() override { setNode(path_, before_); }
    int id() const override { return mergeKey_.isEmpty() ? -1 : kSetNode; }
    bool mergeWith(const QUndoCommand* other) override {
        const auto* next = static_cast<const SetNodeCommand*>(other);
        if (next->path_ != path_ || next->mergeKey_ != mergeKey_)
            return false;
        after_ = next->after_;
        setText(describe_(before_, after_));
        return true;
    }

private:
    NodePath path_;
    ModelNode before_;
    ModelNode after_;
    TenderDocument::DescribeNode describe_;
    QString mergeKey_;
};

class InsertCommand : public TenderCommand {
public:
    InsertCommand(TenderDocument* document, NodePath parent, int row, ModelNode node)
        : TenderCommand(document), parent_(std::move(parent)), row_(row), node_(std::move(node)) {
        setText(QStringLiteral("Add %1 %2").arg(kindWord(node_), qtext(node_.id)));
    }
    void redo() override { insert(parent_, row_, node_); }
    void undo() override { remove(parent_, row_); }

private:
    NodePath parent_;
    int row_;
    ModelNode node_;
};

class RemoveCommand : public TenderCommand {
public:
    RemoveCommand(TenderDocument* document, NodePath parent, int row, ModelNode node)
        : TenderCommand(document), parent_(std::move(parent)), row_(row), node_(std::move(node)) {
        setText(QStringLiteral("Remove %1 %2").arg(kindWord(node_), qtext(node_.id)));
    }
    void redo() override { remove(parent_, row_); }
    void undo() override { insert(parent_, row_, node_); }

private:
    NodePath parent_;
    int row_;
    ModelNode node_; // with its children, so undo restores the whole subtree
};

class MoveCommand : public TenderCommand {
public:
    MoveCommand(TenderDocument* document, NodePath parent, int from, int to, const ModelNode& node)
        : TenderCommand(document), parent_(std::move(parent)), from_(from), to_(to) {
        setText(QStringLiteral("Move %1 %2 %3")
                    .arg(kindWord(node), qtext(node.id),
                         to < from ? QStringLiteral("up") : QStringLiteral("down")));
    }
    void redo() override { move(parent_, from_, to_); }
    void undo() override { move(parent_, to_, from_); }

private:
    NodePath parent_;
    int from_;
    int to_;
};

class DetailsCommand : public TenderCommand {
public:
    DetailsCommand(TenderDocument* document, const Tender& before, const Tender& after,
                   TenderDocument::DescribeDetails describe, QString mergeKey)
        : TenderCommand(document), before_(before), after_(after), describe_(std::move(describe)),
          mergeKey_(std::move(mergeKey)) {
        // Only the details are kept: the model tree is not this command's to restore.
        before_.model.children.clear();
        after_.model.children.clear();
        setText(describe_(before_, after_));
    }
    void redo() override { details(after_); }
    void undo() override { details(before_); }
    int id() const override { return mergeKey_.isEmpty() ? -1 : kSetDetails; }
    bool mergeWith(const QUndoCommand* other) override {
        const auto* next = static_cast<const DetailsCommand*>(other);
        if (next->mergeKey_ != mergeKey_)
            return false;
        after_ = next->after_;
        setText(describe_(before_, after_));
        return true;
    }

private:
    Tender before_;
    Tender after_;
    TenderDocument::DescribeDetails describe_;
    QString mergeKey_;
};

// A change to both the details and the tree (an area renamed with its bands): the tree is
// rebuilt, as on opening a tender, but the undo history is kept.
class WholeTenderCommand : public TenderCommand {
public:
    WholeTenderCommand(TenderDocument* document, Tender before, Tender after, const QString& text)
        : TenderCommand(document), before_(std::move(before)), after_(std::move(after)) {
        setText(text);
    }
    void redo() override { whole(after_); }
    void undo() override { whole(before_); }

private:
    Tender before_;
    Tender after_;
};

} // namespace

std::shared_ptr<const LivingWageTable> referenceRates() {
    try {
        Diagnostics warnings;
        auto table = loadReferenceLivingWageTable(
            templatesDirectory() / "reference" / "living-wage-rates.xml", warnings);
        if (!table)
            return nullptr;
        return std::make_shared<const LivingWageTable>(std::move(*table));
    } catch (const std::exception&) {
        return nullptr;
    }
}

TenderDocument::TenderDocument(QUndoStack* undoStack, QObject* parent)
    : QObject(parent), tender_(std::make_unique<Tender>()), rates_(referenceRates()),
      undoStack_(undoStack ? undoStack : new QUndoStack(this)) {
    revalidate();
}

TenderDocument::~TenderDocument() = default;

void TenderDocument::setTender(const Tender& tender) {
    emit aboutToReset();
    undoStack_->clear();
    *tender_ = tender;
    emit reset();
    revalidate();
}

void TenderDocument::setRates(std::shared_ptr<const LivingWageTable> rates) {
    rates_ = std::move(rates);
    revalidate();
}

void TenderDocument::setFrozen(bool frozen, const QString& reason) {
    frozen_ = frozen;
    frozenReason_ = frozen ? reason : QString();
    emit frozenChanged(frozen);
}

const ModelNode* TenderDocument::node(const NodePath& path) const {
    if (path.empty())
        return nullptr;
    const std::vector<ModelNode>* children = &tender_->model.children;
    const ModelNode* found = nullptr;
    for (const int row : path) {
        if (row < 0 || static_cast<std::size_t>(row) >= children->size())
            return nullptr;
        found = &(*children)[static_cast<std::size_t>(row)];
        children = &found->children;
    }
    return found;
}

std::vector<ModelNode>* TenderDocument::childrenAt(const NodePath& parent) {
    if (parent.empty())
        return &tender_->model.children;
    auto* node = const_cast<ModelNode*>(this->node(parent));
    return node ? &node->children : nullptr;
}

bool TenderDocument::setNode(const NodePath& path, const ModelNode& node, DescribeNode describe,
                             const QString& mergeKey) {
    const ModelNode* current = this->node(path);
    if (frozen_ || !current)
        return false;
    ModelNode after = node;
    after.children.clear();
    ModelNode before = *current;
    before.children.clear();
    undoStack_->push(new SetNodeCommand(this, path, std::move(before), std::move(after),
                                        std::move(describe), mergeKey));
    return true;
}

bool TenderDocument::insertNode(const NodePath& parent, int row, const ModelNode& node) {
    const auto* children = childrenAt(parent);
    if (frozen_ || !children || row < 0 || static_cast<std::size_t>(row) > children->size())
        return false;
    if (!parent.empty() && this->node(parent)->kind != NodeKind::Group)
        return false;
    undoStack_->push(new InsertCommand(this, parent, row, node));
    return true;
}

bool TenderDocument::removeNode(const NodePath& path) {
    const ModelNode* current = this->node(path);
    if (frozen_ || !current)
        return false;
    NodePath parent(path.begin(), path.end() - 1);
    undoStack_->push(new RemoveCommand(this, std::move(parent), path.back(), *current));
    return true;
}

bool TenderDocument::moveNode(const NodePath& path, int toRow) {
    const ModelNode* current = this->node(path);
    if (frozen_ || !current)
        return false;
    NodePath parent(path.begin(), path.end() - 1);
    const auto* siblings = childrenAt(parent);
    if (toRow < 0 || static_cast<std::size_t>(toRow) >= siblings->size() || toRow == path.back())
        return false;
    undoStack_->push(new MoveCommand(this, std::move(parent), path.back(), toRow, *current));
    return true;
}

bool TenderDocument::setDetails(const Tender& details, DescribeDetails describe,
                                const QString& mergeKey) {
    if (frozen_)
        return false;
    undoStack_->push(new DetailsCommand(this, *tender_, details, std::move(describe), mergeKey));
    return true;
}

bool TenderDocument::renameArea(int row, const std::string& newId) {
    if (frozen_ || row < 0 || static_cast<std::size_t>(row) >= tender_->areas.size() ||
        newId.empty())
        return false;
    Tender after = *tender_;
    const std::string oldId = after.areas[static_cast<std::size_t>(row)].id;
    if (oldId == newId)
        return true;
    after.areas[static_cast<std::size_t>(row)].id = newId;
    const std::function<void(std::vector<ModelNode>&)> renameBands =
        [&](std::vector<ModelNode>& nodes) {
            for (auto& node : nodes) {
                for (auto& band : node.criterion.bands)
                    if (band.areaId == oldId)
                        band.areaId = newId;
                renameBands(node.children);
            }
        };
    renameBands(after.model.children);
    undoStack_->push(new WholeTenderCommand(
        this, *tender_, std::move(after),
        QStringLiteral("Change area id %1 to %2").arg(qtext(oldId), qtext(newId))));
    return true;
}

QString TenderDocument::openFolder(const std::filesystem::path& folder) {
    try {
        const auto file = folder / "tender.xml";
        std::ifstream in(file, std::ios::binary);
        if (!in)
            return QStringLiteral("Cannot read %1").arg(qtext(file.string()));
        std::ostringstream xml;
        xml << in.rdbuf();
        Diagnostics diagnostics;
        const auto tender = parseTender(xml.str(), "tender.xml", rates_.get(), diagnostics);
        if (!tender) {
            QStringList errors;
            for (const auto& diagnostic : diagnostics)
                if (diagnostic.severity == Severity::Error)
                    errors << qtext(diagnostic.toString());
            return errors.join(QLatin1Char('\n'));
        }
        setTender(*tender);
        return {};
    } catch (const std::exception& failure) {
        return QStringLiteral("Cannot open the tender: %1").arg(QString::fromUtf8(failure.what()));
    }
}

void TenderDocument::applyWhole(const Tender& tender) {
    emit aboutToReset();
    *tender_ = tender;
    emit reset();
    revalidate();
}

void TenderDocument::applySetNode(const NodePath& path, const ModelNode& node) {
    auto* target = const_cast<ModelNode*>(this->node(path));
    if (!target)
        return;
    auto children = std::move(target->children);
    *target = node;
    target->children = std::move(children);
    emit nodeChanged(path);
    revalidate();
}

void TenderDocument::applyInsert(const NodePath& parent, int row, const ModelNode& node) {
    auto* children = childrenAt(parent);
    if (!children)
        return;
    emit nodeAboutToBeInserted(parent, row);
    children->insert(children->begin() + row, node);
    emit nodeInserted(parent, row);
    revalidate();
}

void TenderDocument::applyRemove(const NodePath& parent, int row) {
    auto* children = childrenAt(parent);
    if (!children)
        return;
    emit nodeAboutToBeRemoved(parent, row);
    children->erase(children->begin() + row);
    emit nodeRemoved(parent, row);
    revalidate();
}

void TenderDocument::applyMove(const NodePath& parent, int from, int to) {
    auto* children = childrenAt(parent);
    if (!children)
        return;
    emit nodeAboutToBeMoved(parent, from, to);
    ModelNode moving = std::move((*children)[static_cast<std::size_t>(from)]);
    children->erase(children->begin() + from);
    children->insert(children->begin() + to, std::move(moving));
    emit nodeMoved(parent, from, to);
    revalidate();
}

void TenderDocument::applyDetails(const Tender& details) {
    copyDetails(details, *tender_);
    emit detailsChanged();
    revalidate();
}

void TenderDocument::revalidate() {
    errors_.clear();
    lint_.clear();
    std::string xml;
    try {
        xml = writeTenderXml(*tender_);
        for (auto& diagnostic : checkTender(*tender_, rates_.get()))
            if (diagnostic.severity == Severity::Error)
                errors_.push_back(std::move(diagnostic));
        lint_ = lintModel(*tender_);
    } catch (const std::exception& failure) {
        errors_.push_back(
            errorAt({"tender.xml", 0, 0},
                    std::string("the tender could not be checked: ") + failure.what()));
    }
    emit tenderChanged(xml);
}

std::string TenderDocument::currentTenderXml() const {
    return writeTenderXml(*tender_);
}

QString TenderDocument::saveToFolder(const std::filesystem::path& folder) const {
    if (!errors_.empty()) {
        QString why =
            QStringLiteral("Not saved: the tender has %1 %2 to fix first:")
                .arg(errors_.size())
                .arg(errors_.size() == 1 ? QStringLiteral("error") : QStringLiteral("errors"));
        for (const auto& error : errors_)
            why += QLatin1Char('\n') + qtext(error.message);
        return why;
    }
    try {
        if (const auto failure = saveTenderXml(folder, currentTenderXml()))
            return qtext(*failure);
    } catch (const std::exception& failure) {
        return QStringLiteral("Not saved: %1").arg(QString::fromUtf8(failure.what()));
    }
    return {};
}

} // namespace fairtender::desktop
