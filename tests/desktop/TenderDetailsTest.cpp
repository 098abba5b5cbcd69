// The tender details page over the community-wealth-building template: typed money,
// the living-wage rate the engine resolves by date and region, postcode prefixes marked as
// typed, undo through the stack it shares with the model editor, and frozen mode.
#include "DesktopTestSupport.h"
#include "desktop/ModelEditorPage.h"
#include "desktop/TenderDetailsPage.h"
#include "desktop/TenderDocument.h"
#include "io/xml/ReferenceData.h"
#include "io/xml/TenderFolder.h"
#include "io/xml/TenderWriter.h"

#include <QLineEdit>
#include <QUndoStack>
#include <QtTest>

#include <fstream>
#include <sstream>

using namespace fairtender;
using namespace fairtender::desktop;

class TenderDetailsTest : public QObject {
    Q_OBJECT

private:
    Tender template_;
    std::unique_ptr<QUndoStack> stack_;
    std::unique_ptr<TenderDocument> document_;
    std::unique_ptr<TenderDetailsPage> page_;

    const Tender& tender() const { return document_->tender(); }

private slots:
    void initTestCase() {
        std::ifstream in(FAIRTENDER_SOURCE_DIR "/templates/community-wealth-building.xml");
        std::ostringstream xml;
        xml << in.rdbuf();
        Diagnostics diagnostics;
        const auto rates = referenceRates();
        QVERIFY(rates != nullptr);
        auto parsed = parseTender(xml.str(), "tender.xml", rates.get(), diagnostics);
        QVERIFY(parsed.has_value());
        template_ = *parsed;
    }

    void init() {
        stack_ = std::make_unique<QUndoStack>();
        document_ = std::make_unique<TenderDocument>(stack_.get());
        document_->setTender(template_);
        page_ = std::make_unique<TenderDetailsPage>(document_.get());
    }

    void cleanup() {
        page_.reset();
        document_.reset();
        stack_.reset();
    }

    void valueTypedWithPoundSignAndSeparatorsIsExactPence() {
        QCOMPARE(page_->enterField(QStringLiteral("estimated-value"),
                                   QStringLiteral("\u00a31,234,567.89")),
                 QString());
        QCOMPARE(tender().estimatedValue->pence(), 123456789);
        QCOMPARE(page_->fieldEditor(QStringLiteral("estimated-value"))->text(),
                 QStringLiteral("\u00a31,234,567.89"));
        QCOMPARE(stack_->undoText(),
                 QStringLiteral("Change estimated value from none to \u00a31,234,567.89"));
    }

    void plainValueIsAcceptedToo() {
        QCOMPARE(page_->enterField(QStringLiteral("estimated-value"), QStringLiteral("1234567.89")),
                 QString());
        QCOMPARE(tender().estimatedValue->pence(), 123456789);
    }

    void valueWithThreeDecimalsIsRefusedAndNothingChanges() {
        const QString error =
            page_->enterField(QStringLiteral("estimated-value"), QStringLiteral("1,234.567"));
        QVERIFY(error.startsWith(QStringLiteral("The estimated value must be an amount")));
        QVERIFY(!tender().estimatedValue);
        QCOMPARE(stack_->count(), 0);
    }

    void titleAndBuyerChangesAreUndone() {
        QCOMPARE(page_->enterField(QStringLiteral("buyer"), QStringLiteral("Preston City Council")),
                 QString());
        QCOMPARE(page_->enterField(QStringLiteral("title"), QStringLiteral("Grounds <&> care")),
                 QString());
        QCOMPARE(tender().buyer, std::string("Preston City Council"));
        QCOMPARE(stack_->undoText(),
                 QStringLiteral("Change title from \"New tender (community wealth building)\" to "
                                "\"Grounds <&> care\""));
        stack_->undo();
        stack_->undo();
        QCOMPARE(writeTenderXml(tender()), writeTenderXml(template_));
    }

    void emptyTenderIdIsRefused() {
        QCOMPARE(page_->enterField(QStringLiteral("id"), QStringLiteral("  ")),
                 QStringLiteral("The tender id must not be empty."));
        QCOMPARE(tender().id, std::string("NEW-TENDER"));
    }

    void templateRateShowsTheHourlyRateTheEngineResolves() {
        QCOMPARE(page_->resolvedRateText(),
                 QStringLiteral("\u00a313.45 an hour (Real Living Wage 2025/26, announced "
                                "2025-10-22); statutory minimum \u00a312.21"));
    }

    void londonRateByDateIsLookedUpFromTheReferenceData() {
        QCOMPARE(page_->setRateByDate(QStringLiteral("london"), QStringLiteral("2026-01-15")),
                 QString());
        const auto found = document_->rates()->ratesOn(*Date::parse("2026-01-15"), "london");
        QVERIFY(found.has_value());
        QCOMPARE(tender().livingWageRate->hourly, found->realLivingWage);
        QCOMPARE(tender().livingWageRate->hourly.pence(), 1480);
        QVERIFY(page_->resolvedRateText().startsWith(QStringLiteral("\u00a314.80 an hour")));
        QVERIFY(writeTenderXml(tender()).find(
                    R"(<living-wage-rate region="london" date="2026-01-15" />)") !=
                std::string::npos);
        stack_->undo();
        QCOMPARE(tender().livingWageRate->region, std::string("uk"));
    }

    void dateBeforeTheReferenceDataIsRefused() {
        const QString error =
            page_->setRateByDate(QStringLiteral("uk"), QStringLiteral("1999-04-01"));
        QVERIFY(error.startsWith(QStringLiteral("No living wage rates are known for 1999-04-01")));
        QCOMPARE(stack_->count(), 0);
    }

    void givenRatesAreWrittenAsHourlyAndMinimum() {
        QCOMPARE(page_->setRateGiven(QStringLiteral("uk"), QStringLiteral("13.60"),
                                     QStringLiteral("12.21"), QStringLiteral("2025-10-22")),
                 QString());
        QCOMPARE(tender().livingWageRate->hourly.pence(), 1360);
        QVERIFY(!tender().livingWageRate->lookedUpFor);
        QCOMPARE(page_->resolvedRateText(),
                 QStringLiteral("\u00a313.60 an hour (given); statutory minimum \u00a312.21"));
    }

    void invalidPrefixIsMarkedWithTheReasonAsTyped() {
        QVERIFY(page_->selectArea(0));
        QCOMPARE(page_->enterAreaField(QStringLiteral("postcodes"), QStringLiteral("PR1, PR2, 9XZ"),
                                       false),
                 QString());
        QCOMPARE(page_->prefixProblems(),
                 QStringList{QStringLiteral("postcode prefix '9XZ' is not a UK postcode area "
                                            "(PR), district (PR1), sector (PR1 2) or full "
                                            "postcode (PR1 2HE)")});
        QVERIFY(page_->fieldEditor(QStringLiteral("postcodes"))
                    ->toolTip()
                    .contains(QStringLiteral("'9XZ'")));
        // Committing is refused while the mark stands.
        QVERIFY(page_->enterAreaField(QStringLiteral("postcodes"), QStringLiteral("PR1, PR2, 9XZ"))
                    .startsWith(QStringLiteral("Not changed: postcode prefix '9XZ'")));
        QCOMPARE(tender().areas[0].prefixes.size(), std::size_t(2));
        QCOMPARE(stack_->count(), 0);
    }

    void correctedPrefixesClearTheMarkAndApply() {
        QVERIFY(page_->selectArea(0));
        page_->enterAreaField(QStringLiteral("postcodes"), QStringLiteral("PR1, 9XZ"), false);
        QCOMPARE(
            page_->enterAreaField(QStringLiteral("postcodes"), QStringLiteral("pr1, PR2 6, PR3")),
            QString());
        QVERIFY(page_->prefixProblems().isEmpty());
        QCOMPARE(tender().areas[0].prefixes.size(), std::size_t(3));
        QCOMPARE(tender().areas[0].prefixes[1].text(), std::string("PR2 6"));
        QCOMPARE(stack_->undoText(),
                 QStringLiteral("Change postcodes of area local from PR1, PR2 to PR1, PR2 6, PR3"));
        stack_->undo();
        QCOMPARE(tender().areas[0].prefixes.size(), std::size_t(2));
    }

    void addedAreaNeedsPostcodesAndRemovalIsUndone() {
        QVERIFY(page_->addArea());
        QCOMPARE(page_->areaCount(), 3);
        QCOMPARE(tender().areas[2].id, std::string("area-1"));
        QVERIFY(!document_->validationErrors().empty()); // an area without postcodes
        QCOMPARE(page_->enterAreaField(QStringLiteral("postcodes"), QStringLiteral("BB1")),
                 QString());
        QVERIFY(document_->validationErrors().empty());
        QVERIFY(page_->selectArea(0));
        QVERIFY(page_->removeSelectedArea());
        QCOMPARE(stack_->undoText(), QStringLiteral("Remove area local"));
        QVERIFY(!document_->validationErrors().empty()); // the locality band names 'local'
        stack_->undo();
        QCOMPARE(tender().areas[0].id, std::string("local"));
        QVERIFY(document_->validationErrors().empty());
    }

    void renamedAreaTakesItsBandsAlongAndUndoRestoresBoth() {
        QVERIFY(page_->selectArea(0));
        QCOMPARE(page_->enterAreaField(QStringLiteral("area-id"), QStringLiteral("preston")),
                 QString());
        QCOMPARE(tender().areas[0].id, std::string("preston"));
        QCOMPARE(findNode(tender().model, "locality")->criterion.bands[0].areaId,
                 std::string("preston"));
        QVERIFY(document_->validationErrors().empty());
        QCOMPARE(stack_->undoText(), QStringLiteral("Change area id local to preston"));
        stack_->undo();
        QCOMPARE(writeTenderXml(tender()), writeTenderXml(template_));
    }

    void oneStackUndoesEditsOfBothPagesInOrder() {
        ModelEditorPage editor(document_.get());
        QVERIFY(editor.select("rlw"));
        QCOMPARE(editor.enterParameter(QStringLiteral("title"), QStringLiteral("RLW")), QString());
        QCOMPARE(page_->enterField(QStringLiteral("buyer"), QStringLiteral("Lancashire CC")),
                 QString());
        QCOMPARE(stack_->count(), 2);
        stack_->undo();
        QCOMPARE(tender().buyer, std::string("Your organisation"));
        QCOMPARE(findNode(tender().model, "rlw")->title, std::string("RLW"));
        stack_->undo();
        QCOMPARE(findNode(tender().model, "rlw")->title, std::string("Real Living Wage"));
    }

    void frozenPageRefusesEdits() {
        page_->setFrozen(true,
                         QStringLiteral("The model is frozen: the tender opened on 3 March 2026"));
        QCOMPARE(page_->frozenText(),
                 QStringLiteral("The model is frozen: the tender opened on 3 March 2026"));
        QVERIFY(page_->fieldEditor(QStringLiteral("buyer"))->isReadOnly());
        QVERIFY(page_->enterField(QStringLiteral("buyer"), QStringLiteral("X"))
                    .startsWith(QStringLiteral("Not changed: The model is frozen")));
        QVERIFY(!page_->addArea());
        QVERIFY(!page_->setRateByDate(QStringLiteral("london"), QStringLiteral("2026-01-15"))
                     .isEmpty());
        QCOMPARE(stack_->count(), 0);
        QCOMPARE(writeTenderXml(tender()), writeTenderXml(template_));
    }

    void frozenFieldsTakeTheWindowBackgroundAndGiveItBackWhenThawed() {
        QLineEdit* buyer = page_->fieldEditor(QStringLiteral("buyer"));
        const QColor editable = buyer->palette().color(QPalette::Base);
        QVERIFY(editable != buyer->palette().color(QPalette::Window));
        page_->setFrozen(true, QStringLiteral("The model is frozen"));
        QCOMPARE(buyer->palette().color(QPalette::Base), buyer->palette().color(QPalette::Window));
        page_->setFrozen(false, QString());
        QCOMPARE(buyer->palette().color(QPalette::Base), editable);
    }
};

QTEST_MAIN(TenderDetailsTest)
#include "TenderDetailsTest.moc"
