// ModelEditorPage: edits a tender's evaluation model: the tree (add, remove, move, rename,
// weights in place), a detail panel for the selected node's type, method and parameters,
// the model's rounding, tie-break, aggregation and spread, and beside them the engine's
// validation errors and lint warnings, refreshed after every edit. Every edit is undoable
// (Ctrl+Z; Ctrl+Shift+Z or Ctrl+Y to redo) through the document's undo stack.
#pragma once

#include <QString>
#include <QStringList>
#include <QWidget>

#include <filesystem>
#include <functional>
#include <string>
#include <vector>

class QAction;
class QComboBox;
class QFormLayout;
class QLabel;
class QListWidget;
class QTreeView;
class QWidget;

namespace fairtender {
enum class CriterionType;
struct ModelNode;
} // namespace fairtender

namespace fairtender::desktop {

class ModelEditorModel;
class TenderDocument;

class ModelEditorPage : public QWidget {
    Q_OBJECT

public:
    // Edits `document`, which may be shared with other pages (TenderDetailsPage): they then
    // share its tender, undo stack and frozen state. The page does not own the document.
    explicit ModelEditorPage(TenderDocument* document, QWidget* parent = nullptr);
    ~ModelEditorPage() override;

    TenderDocument* document() const { return document_; }
    ModelEditorModel* treeModel() const { return tree_; }
    QTreeView* treeView() const { return view_; }

    // Read-only with the reason shown above the tree; all editing actions disabled.
    void setFrozen(bool frozen, const QString& reason);

    // Editing the selection, as the toolbar does; false when refused (frozen, nothing
    // selected for remove and move, or no room to move). A new node goes into the selected
    // group, after the selected criterion or gate, or at the end of the model; it is then
    // selected.
    bool addGroup();
    bool addCriterion(CriterionType type);
    bool addGate();
    bool removeSelected();
    bool moveSelected(int delta); // -1 up, +1 down
    // Selects the node with this id; false if there is none.
    bool select(const std::string& id);

    // The detail panel's editor for parameter `key` ("weight", "scale-max", "min-score",
    // "descriptors", "ceiling", ...), for tests and automation; nullptr if none.
    QWidget* parameterEditor(const QString& key) const;
    // Whether the panel shows `key` for the selected node.
    bool parameterShown(const QString& key) const;
    // Sets parameter `key` of the selected node as if typed and committed; returns the
    // error shown for a value that was refused, or "" when it was applied.
    QString enterParameter(const QString& key, const QString& value);
    // Chooses a criterion type or method word in the detail panel.
    bool chooseType(CriterionType type);
    bool chooseMethod(const QString& word);

    // The validation errors and lint warnings shown beside the tree, one line each
    // ("Error: ...", "Warning: ...").
    QStringList problems() const;
    // The line about the top-level weights ("Top-level weights sum to 95, must be 100"),
    // empty when they are right.
    QString topLevelWeightText() const;
    // The frozen banner's text, empty when editable.
    QString frozenText() const;

    // tender.xml of the edited tender (writeTenderXml).
    std::string currentTenderXml() const;
    // Saves <folder>/tender.xml atomically; refused while validation has errors. Returns ""
    // on success, else why, which the page also shows.
    QString saveToFolder(const std::filesystem::path& folder);

    QAction* undoAction() const { return undo_; }
    QAction* redoAction() const { return redo_; }

signals:
    // After every edit, undo and redo: the new tender.xml.
    void tenderChanged(const std::string& xml);

public:
    // One editable value of the selected node, shown as a row of the detail panel.
    struct Parameter {
        QString key;
        QString label;
        bool multiLine = false;
        std::function<bool(const ModelNode&)> applies;
        std::function<QString(const ModelNode&)> get;
        // Sets the value from text; returns an error message, or "" when accepted.
        std::function<QString(ModelNode&, const QString&)> set;
    };

private:
    void buildDetailPanel();
    void refreshDetails();
    void refreshProblems();
    void refreshEditability();
    QString applyParameter(const Parameter& parameter, const QString& value);
    std::vector<int> selectedPath() const;
    bool insertNew(const ModelNode& node);

    TenderDocument* document_;
    ModelEditorModel* tree_ = nullptr;
    QTreeView* view_ = nullptr;
    QLabel* frozenBanner_ = nullptr;
    QLabel* weightStatus_ = nullptr;
    QLabel* saveStatus_ = nullptr;
    QLabel* detailError_ = nullptr;
    QListWidget* problems_ = nullptr;
    QFormLayout* detailForm_ = nullptr;
    QComboBox* typeBox_ = nullptr;
    QComboBox* methodBox_ = nullptr;
    QFormLayout* modelForm_ = nullptr;
    std::vector<Parameter> parameters_;
    std::vector<QWidget*> editors_; // one per parameter
    std::vector<QWidget*> modelEditors_;
    std::vector<QAction*> editActions_;
    QAction* undo_ = nullptr;
    QAction* redo_ = nullptr;
    bool refreshing_ = false;
};

} // namespace fairtender::desktop
