// NewTender: a new tender folder started from a shipped template (templates/*.xml): the
// template's model and details with the buyer's own id and title, written by the engine's
// tender writer as <folder>/tender.xml beside an empty bids/ folder.
#pragma once

#include <QDialog>
#include <QString>

#include <filesystem>
#include <functional>
#include <string>
#include <vector>

class QLabel;
class QLineEdit;
class QListWidget;

namespace fairtender {
struct LivingWageTable;
}

namespace fairtender::desktop {

struct TemplateChoice {
    std::filesystem::path file;
    QString name;  // file name without .xml: "community-wealth-building"
    QString title; // the template's <title>, or the name when it cannot be read
};

// The *.xml templates directly in `templatesDir`, sorted by name.
std::vector<TemplateChoice> listTenderTemplates(const std::filesystem::path& templatesDir);

struct NewTenderOutcome {
    std::filesystem::path folder; // the new tender folder when created
    QString error;                // why nothing was created, else empty
    bool ok() const { return error.isEmpty(); }
};

// Reads `templateFile`, gives it `id` and `title`, and writes `folder`/tender.xml (the
// folder is created; it must not exist or be empty) and an empty `folder`/bids/. `rates`
// resolves a rate given by date. All or nothing: on any error no folder is left behind.
NewTenderOutcome createTenderFromTemplate(const std::filesystem::path& templateFile,
                                          const std::string& id, const std::string& title,
                                          const std::filesystem::path& folder,
                                          const LivingWageTable* rates);

// Asks for a template, the tender id and title and the new folder, then creates it.
// After exec() returns Accepted, createdFolder() is the new folder.
class NewTenderDialog : public QDialog {
    Q_OBJECT

public:
    explicit NewTenderDialog(const std::filesystem::path& templatesDir, QWidget* parent = nullptr);

    // How "Choose..." asks for the folder (a QFileDialog by default); tests replace it.
    void setFolderChooser(std::function<QString(QWidget*)> chooser);

    QListWidget* templateList() const { return templates_; }
    QLineEdit* idEdit() const { return id_; }
    QLineEdit* titleEdit() const { return title_; }
    QLineEdit* folderEdit() const { return folder_; }
    // The reason the last OK did not create the folder, or "".
    QString errorText() const;
    const std::filesystem::path& createdFolder() const { return created_; }

    // Creates the folder; stays open with the reason shown when it cannot.
    void accept() override;

private:
    std::vector<TemplateChoice> choices_;
    std::function<QString(QWidget*)> chooser_;
    QListWidget* templates_ = nullptr;
    QLineEdit* id_ = nullptr;
    QLineEdit* title_ = nullptr;
    QLineEdit* folder_ = nullptr;
    QLabel* error_ = nullptr;
    std::filesystem::path created_;
};

} // namespace fairtender::desktop
