// TenderDocument: the tender being edited on the desktop, shared by the model editor and
// the tender details page: one Tender, one undo stack, one frozen state, and the engine's
// own validation errors and lint warnings recomputed after every edit.
#pragma once

#include "core/Diagnostic.h"

#include <QObject>
#include <QString>

#include <filesystem>
#include <functional>
#include <memory>
#include <string>
#include <vector>

class QUndoStack;

namespace fairtender {
struct LivingWageTable;
struct ModelNode;
struct Tender;
} // namespace fairtender

namespace fairtender::desktop {

// The rows from the top of the model to a node: {2, 0} is the first child of the third
// top-level node. The empty path names the model itself (the parent of top-level nodes).
using NodePath = std::vector<int>;

class TenderDocument : public QObject {
    Q_OBJECT

public:
    // Edits are pushed onto `undoStack`, which may be shared with other screens; nullptr
    // gives the document a stack of its own. The reference rates beside the templates are
    // loaded so a living-wage rate given by date can be checked.
    explicit TenderDocument(QUndoStack* undoStack = nullptr, QObject* parent = nullptr);
    ~TenderDocument() override;

    // Starts editing a copy of `tender`; clears the undo stack.
    void setTender(const Tender& tender);
    const Tender& tender() const { return *tender_; }
    // The rates the checks use for a rate given by date; nullptr when none were found.
    void setRates(std::shared_ptr<const LivingWageTable> rates);
    const LivingWageTable* rates() const { return rates_.get(); }
    QUndoStack* undoStack() const { return undoStack_; }

    // Frozen: every edit is refused (the edit functions return false) and the pages
    // show `reason`, e.g. "The model is frozen: the tender opened on 3 March 2026". The
    // pages also disable their undo and redo; a caller driving the shared QUndoStack
    // directly must not undo or redo while the document is frozen.
    void setFrozen(bool frozen, const QString& reason);
    bool isFrozen() const { return frozen_; }
    const QString& frozenReason() const { return frozenReason_; }

    // The engine's checks of the current tender (see checkTender): errors only.
    const Diagnostics& validationErrors() const { return errors_; }
    // Lint warnings of the current tender (lintModel).
    const Diagnostics& lintWarnings() const { return lint_; }

    // The node at `path`, or nullptr when there is none.
    const ModelNode* node(const NodePath& path) const;

    // Edits. Each pushes one undoable command whose text says what it did and returns
    // true; false (nothing changes) when the document is frozen or the path is invalid.
    // Replaces the node at `path` with `node` (its children are kept); `describe` names the
    // change from the node before to the node after ("Change weight of q1 from 30 to 35").
    // Successive edits with the same non-empty `mergeKey` to the same node merge into one
    // undo step (a weight typed digit by digit), described from the first value to the last.
    using DescribeNode = std::function<QString(const ModelNode& before, const ModelNode& after)>;
    bool setNode(const NodePath& path, const ModelNode& node, DescribeNode describe,
                 const QString& mergeKey = {});
    bool insertNode(const NodePath& parent, int row, const ModelNode& node);
    bool removeNode(const NodePath& path);
    // Moves the node at `path` to `toRow` among its siblings.
    bool moveNode(const NodePath& path, int toRow);
    // Replaces everything but the model tree (id, title, buyer, value, rate, areas, and the
    // model's rounding, tie-break, aggregation and spread) with `details`'s.
    using DescribeDetails = std::function<QString(const Tender& before, const Tender& after)>;
    bool setDetails(const Tender& details, DescribeDetails describe, const QString& mergeKey = {});
    // Renames area `row` to `newId` and every locality band that names it, as one edit.
    bool renameArea(int row, const std::string& newId);

    // Reads <folder>/tender.xml with the document's rates and starts editing it (setTender).
    // Returns "" on success, else the reader's errors, one per line; the document is then
    // unchanged.
    QString openFolder(const std::filesystem::path& folder);

    // tender.xml for the current tender (writeTenderXml).
    std::string currentTenderXml() const;
    // Writes <folder>/tender.xml atomically. Refused while validation has errors; returns
    // an empty string on success, else why it did not save (each error on its own line).
    QString saveToFolder(const std::filesystem::path& folder) const;

signals:
    void nodeChanged(const fairtender::desktop::NodePath& path);
    void nodeAboutToBeInserted(const fairtender::desktop::NodePath& parent, int row);
    void nodeInserted(const fairtender::desktop::NodePath& parent, int row);
    void nodeAboutToBeRemoved(const fairtender::desktop::NodePath& parent, int row);
    void nodeRemoved(const fairtender::desktop::NodePath& parent, int row);
    void nodeAboutToBeMoved(const fairtender::desktop::NodePath& parent, int from, int to);
    void nodeMoved(const fairtender::desktop::NodePath& parent, int from, int to);
    void detailsChanged();
    void aboutToReset();
    void reset();
    void frozenChanged(bool frozen);
    // After every change: validation and lint are up to date; carries the new tender.xml.
    void tenderChanged(const std::string& xml);

private:
    friend class TenderCommand;
    // The primitive changes the undo commands make; they emit the signals above.
    void applySetNode(const NodePath& path, const ModelNode& node);
    void applyInsert(const NodePath& parent, int row, const ModelNode& node);
    void applyRemove(const NodePath& parent, int row);
    void applyMove(const NodePath& parent, int from, int to);
    void applyDetails(const Tender& details);
    void applyWhole(const Tender& tender);
    std::vector<ModelNode>* childrenAt(const NodePath& parent);
    void revalidate();

    std::unique_ptr<Tender> tender_;
    std::shared_ptr<const LivingWageTable> rates_;
    QUndoStack* undoStack_ = nullptr;
    bool frozen_ = false;
    QString frozenReason_;
    Diagnostics errors_;
    Diagnostics lint_;
};

// The reference living-wage table beside the templates (DesktopPaths), or nullptr when it
// cannot be read.
std::shared_ptr<const LivingWageTable> referenceRates();

} // namespace fairtender::desktop
