// New tender folders from the shipped templates: the dialog lists them, writes tender.xml
// and an empty bids/ with the engine's writer, and refuses to overwrite a folder in use.
#include "desktop/NewTender.h"

#include "DesktopTestSupport.h"
#include "desktop/TenderDocument.h"
#include "io/xml/ReferenceData.h"
#include "io/xml/TenderFolder.h"
#include "pipeline/FolderEvaluation.h"

#include <QLineEdit>
#include <QListWidget>
#include <QPushButton>
#include <QtTest>

#include <fstream>

using namespace fairtender;
using namespace fairtender::desktop;
namespace fs = std::filesystem;

namespace {

const fs::path kTemplates = fs::path(FAIRTENDER_SOURCE_DIR) / "templates";

int rowNamed(const QListWidget* list, const QString& name) {
    for (int row = 0; row < list->count(); ++row)
        if (list->item(row)->data(Qt::UserRole).toString() == name)
            return row;
    return -1;
}

} // namespace

class NewTenderTest : public QObject {
    Q_OBJECT

private slots:
    void templatesAreListedByNameWithTheirTitles() {
        const auto choices = listTenderTemplates(kTemplates);
        QCOMPARE(choices.size(), std::size_t(3));
        QCOMPARE(choices[0].name, QStringLiteral("community-wealth-building"));
        QCOMPARE(choices[0].title, QStringLiteral("New tender (community wealth building)"));
        QCOMPARE(choices[2].name, QStringLiteral("social-value-model"));
    }

    void folderFromCommunityWealthBuildingReadsBackWithTheNewIdAndTitle() {
        QTemporaryDir scratch;
        const fs::path folder = fs::path(scratch.filePath(QStringLiteral("meals")).toStdString());
        const auto rates = referenceRates();
        const auto outcome =
            createTenderFromTemplate(kTemplates / "community-wealth-building.xml", "PCC-2026-014",
                                     "School meals & more", folder, rates.get());
        QVERIFY2(outcome.ok(), qPrintable(outcome.error));
        QCOMPARE(outcome.folder, folder);
        QVERIFY(fs::is_directory(folder / "bids"));
        QVERIFY(fs::is_empty(folder / "bids"));
        const auto loaded = loadTenderFolder(folder, rates.get());
        QVERIFY2(loaded.ok(), loaded.diagnostics.empty()
                                  ? "not loaded"
                                  : loaded.diagnostics.front().toString().c_str());
        QCOMPARE(loaded.folder->tender.id, std::string("PCC-2026-014"));
        QCOMPARE(loaded.folder->tender.title, std::string("School meals & more"));
        QCOMPARE(loaded.folder->tender.model.children.size(), std::size_t(7));
        QCOMPARE(loaded.folder->tender.livingWageRate->hourly.pence(), 1345);
    }

    void newFolderEvaluatesWithNoBids() {
        QTemporaryDir scratch;
        const fs::path folder = fs::path(scratch.filePath(QStringLiteral("t")).toStdString());
        const auto rates = referenceRates();
        QVERIFY(createTenderFromTemplate(kTemplates / "price-quality-60-40.xml", "T-1", "Tender",
                                         folder, rates.get())
                    .ok());
        const auto evaluated = evaluateTenderFolder(folder, rates.get());
        QVERIFY(evaluated.ok());
        QCOMPARE(evaluated.result->bids.size(), std::size_t(0));
        QVERIFY(!evaluated.result->winnerId);
    }

    void folderInUseIsRefusedAndLeftAlone() {
        QTemporaryDir scratch;
        const fs::path folder = fs::path(scratch.path().toStdString());
        std::ofstream(folder / "notes.txt") << "mine";
        const auto outcome = createTenderFromTemplate(kTemplates / "social-value-model.xml", "T-2",
                                                      "Tender", folder, nullptr);
        QVERIFY(!outcome.ok());
        QVERIFY(
            outcome.error.contains(QStringLiteral("already exists and is not an empty folder")));
        QVERIFY(!fs::exists(folder / "tender.xml"));
        QVERIFY(fs::exists(folder / "notes.txt"));
    }

    void missingIdIsRefusedBeforeAnythingIsWritten() {
        QTemporaryDir scratch;
        const fs::path folder = fs::path(scratch.filePath(QStringLiteral("x")).toStdString());
        const auto outcome = createTenderFromTemplate(kTemplates / "social-value-model.xml", "",
                                                      "Tender", folder, nullptr);
        QCOMPARE(outcome.error, QStringLiteral("Give the tender an id and a title."));
        QVERIFY(!fs::exists(folder));
    }

    void dialogCreatesTheFolderChosenThroughItsChooser() {
        QTemporaryDir scratch;
        const QString target = scratch.filePath(QStringLiteral("chosen"));
        NewTenderDialog dialog(kTemplates);
        dialog.setFolderChooser([&](QWidget*) { return target; });
        const int row =
            rowNamed(dialog.templateList(), QStringLiteral("community-wealth-building"));
        QVERIFY(row >= 0);
        dialog.templateList()->setCurrentRow(row);
        dialog.idEdit()->setText(QStringLiteral("PCC-2026-020"));
        dialog.titleEdit()->setText(QStringLiteral("Grounds maintenance"));
        auto* choose = dialog.findChild<QPushButton*>();
        QVERIFY(choose != nullptr);
        QCOMPARE(choose->text(), QStringLiteral("Choose..."));
        choose->click();
        QCOMPARE(dialog.folderEdit()->text(), target);
        dialog.accept();
        QCOMPARE(dialog.result(), int(QDialog::Accepted));
        QCOMPARE(dialog.createdFolder(), fs::path(target.toStdString()));
        QVERIFY(fs::exists(dialog.createdFolder() / "tender.xml"));
    }

    void dialogStaysOpenWithTheReasonWhenTheTitleIsMissing() {
        QTemporaryDir scratch;
        NewTenderDialog dialog(kTemplates);
        dialog.idEdit()->setText(QStringLiteral("T-3"));
        dialog.folderEdit()->setText(scratch.filePath(QStringLiteral("y")));
        dialog.accept();
        QCOMPARE(dialog.result(), int(QDialog::Rejected));
        QCOMPARE(dialog.errorText(), QStringLiteral("Give the tender an id and a title."));
        QVERIFY(dialog.createdFolder().empty());
    }
};

QTEST_MAIN(NewTenderTest)
#include "NewTenderTest.moc"
