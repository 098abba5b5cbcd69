#include "desktop/NewTender.h"

#include "core/FileBytes.h"
#include "desktop/QtText.h"
#include "desktop/TenderDocument.h"
#include "io/xml/ReferenceData.h"
#include "io/xml/TenderFolder.h"
#include "io/xml/TenderWriter.h"

#include <QDialogButtonBox>
#include <QFileDialog>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QPushButton>
#include <QVBoxLayout>

#include <algorithm>
#include <exception>
#include <system_error>

namespace fairtender::desktop {

namespace fs = std::filesystem;

namespace {} // namespace

std::vector<TemplateChoice> listTenderTemplates(const fs::path& templatesDir) {
    std::vector<TemplateChoice> choices;
    std::error_code error;
    const auto rates = referenceRates();
    for (fs::directory_iterator it(templatesDir, error), end; !error && it != end;
         it.increment(error)) {
        if (!it->is_regular_file(error) || it->path().extension() != ".xml")
            continue;
        TemplateChoice choice;
        choice.file = it->path();
        choice.name = qtext(it->path().stem().string());
        choice.title = choice.name;
        if (const auto xml = readFileBytes(it->path())) {
            Diagnostics ignored;
            if (const auto tender =
                    parseTender(*xml, it->path().filename().string(), rates.get(), ignored))
                choice.title = qtext(tender->title);
        }
        choices.push_back(std::move(choice));
    }
    std::sort(choices.begin(), choices.end(),
              [](const auto& a, const auto& b) { return a.name < b.name; });
    return choices;
}

NewTenderOutcome createTenderFromTemplate(const fs::path& templateFile, const std::string& id,
                                          const std::string& title, const fs::path& folder,
                                          const LivingWageTable* rates) {
    NewTenderOutcome outcome;
    const auto fail = [&](const QString& why) {
        outcome.error = why;
        outcome.folder.clear();
        return outcome;
    };
    if (id.empty() || title.empty())
        return fail(QStringLiteral("Give the tender an id and a title."));
    if (folder.empty())
        return fail(QStringLiteral("Choose the folder for the new tender."));
    try {
        const auto xml = readFileBytes(templateFile);
        if (!xml)
            return fail(
                QStringLiteral("Cannot read the template %1.").arg(qtext(templateFile.string())));
        Diagnostics diagnostics;
        auto tender = parseTender(*xml, templateFile.filename().string(), rates, diagnostics);
        if (!tender)
            return fail(
                QStringLiteral("The template %1 is not valid: %2")
                    .arg(qtext(templateFile.string()),
                         diagnostics.empty() ? QString() : qtext(diagnostics.front().toString())));
        tender->id = id;
        tender->title = title;
        const std::string written = writeTenderXml(*tender);
        // The id and title are the user's: check the result as the reader will.
        const auto problems = checkTender(*tender, rates);
        if (hasErrors(problems))
            return fail(QStringLiteral("The new tender would not be valid: %1")
                            .arg(qtext(problems.front().message)));

        std::error_code error;
        const bool existed = fs::exists(folder, error);
        if (existed && (!fs::is_directory(folder, error) || !fs::is_empty(folder, error)))
            return fail(QStringLiteral("%1 already exists and is not an empty folder: choose a "
                                       "new or empty folder.")
                            .arg(qtext(folder.string())));
        const auto undo = [&] {
            std::error_code ignored;
            fs::remove(folder / "tender.xml", ignored);
            fs::remove(folder / "bids", ignored);
            if (!existed)
                fs::remove(folder, ignored);
        };
        fs::create_directories(folder / "bids", error);
        if (error) {
            undo();
            return fail(QStringLiteral("Cannot create %1: %2")
                            .arg(qtext(folder.string()), qtext(error.message())));
        }
        if (const auto failure = saveTenderXml(folder, written)) {
            undo();
            return fail(qtext(*failure));
        }
        outcome.folder = folder;
        return outcome;
    } catch (const std::exception& failure) {
        return fail(
            QStringLiteral("Cannot create the tender: %1").arg(QString::fromUtf8(failure.what())));
    }
}

NewTenderDialog::NewTenderDialog(const fs::path& templatesDir, QWidget* parent)
    : QDialog(parent), choices_(listTenderTemplates(templatesDir)) {
    setWindowTitle(QStringLiteral("New tender from a template"));
    chooser_ = [](QWidget* owner) {
        return QFileDialog::getExistingDirectory(owner,
                                                 QStringLiteral("Folder for the new tender"));
    };
    templates_ = new QListWidget(this);
    templates_->setObjectName(QStringLiteral("templateList"));
    for (const auto& choice : choices_) {
        auto* item = new QListWidgetItem(choice.title + QStringLiteral("  (") + choice.name +
                                         QLatin1Char(')'));
        item->setData(Qt::UserRole, choice.name);
        templates_->addItem(item);
    }
    if (templates_->count() > 0)
        templates_->setCurrentRow(0);
    id_ = new QLineEdit(this);
    id_->setObjectName(QStringLiteral("tenderId"));
    id_->setPlaceholderText(QStringLiteral("e.g. PCC-2026-014"));
    title_ = new QLineEdit(this);
    title_->setObjectName(QStringLiteral("tenderTitle"));
    folder_ = new QLineEdit(this);
    folder_->setObjectName(QStringLiteral("tenderFolder"));
    auto* choose = new QPushButton(QStringLiteral("Choose..."), this);
    connect(choose, &QPushButton::clicked, this, [this] {
        const QString chosen = chooser_(this);
        if (!chosen.isEmpty())
            folder_->setText(chosen);
    });
    auto* folderRow = new QHBoxLayout;
    folderRow->addWidget(folder_, 1);
    folderRow->addWidget(choose);
    error_ = new QLabel(this);
    error_->setObjectName(QStringLiteral("newTenderError"));
    error_->setWordWrap(true);
    error_->setStyleSheet(QStringLiteral("QLabel { color: #b00020; }"));

    auto* form = new QFormLayout;
    form->addRow(QStringLiteral("Template"), templates_);
    form->addRow(QStringLiteral("Tender id"), id_);
    form->addRow(QStringLiteral("Title"), title_);
    form->addRow(QStringLiteral("Folder"), folderRow);
    auto* buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this);
    connect(buttons, &QDialogButtonBox::accepted, this, &NewTenderDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &NewTenderDialog::reject);
    auto* layout = new QVBoxLayout(this);
    layout->addLayout(form);
    layout->addWidget(error_);
    layout->addWidget(buttons);
}

void NewTenderDialog::setFolderChooser(std::function<QString(QWidget*)> chooser) {
    chooser_ = std::move(chooser);
}

QString NewTenderDialog::errorText() const {
    return error_->text();
}

void NewTenderDialog::accept() {
    const int row = templates_->currentRow();
    if (row < 0 || static_cast<std::size_t>(row) >= choices_.size()) {
        error_->setText(QStringLiteral("Choose a template."));
        return;
    }
    const auto rates = referenceRates();
    const auto outcome = createTenderFromTemplate(
        choices_[static_cast<std::size_t>(row)].file, id_->text().trimmed().toStdString(),
        title_->text().trimmed().toStdString(), fs::path(folder_->text().trimmed().toStdString()),
        rates.get());
    if (!outcome.ok()) {
        error_->setText(outcome.error);
        return;
    }
    error_->clear();
    created_ = outcome.folder;
    QDialog::accept();
}

} // namespace fairtender::desktop
