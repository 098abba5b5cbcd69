// The model editor over a tender made from the community-wealth-building template: weights
// checked as they change, every kind of edit undone and redone exactly, frozen mode, the
// detail panel, and a saved tender.xml that the engine reads back and evaluates.
#include "DesktopTestSupport.h"
#include "desktop/ModelEditorModel.h"
#include "desktop/ModelEditorPage.h"
#include "desktop/NewTender.h"
#include "desktop/TenderDocument.h"
#include "io/xml/ReferenceData.h"
#include "io/xml/TenderFolder.h"
#include "io/xml/TenderWriter.h"
#include "pipeline/FolderEvaluation.h"

#include <QAbstractItemModelTester>
#include <QAction>
#include <QLineEdit>
#include <QMimeData>
#include <QTreeView>
#include <QUndoStack>
#include <QtTest>

#include <fstream>
#include <sstream>

using namespace fairtender;
using namespace fairtender::desktop;
namespace fs = std::filesystem;

namespace {

std::string readFile(const fs::path& path) {
    std::ifstream in(path, std::ios::binary);
    std::ostringstream text;
    text << in.rdbuf();
    return text.str();
}

Tender readTender(const fs::path& file) {
    Diagnostics diagnostics;
    const auto rates = referenceRates();
    auto tender = parseTender(readFile(file), "tender.xml", rates.get(), diagnostics);
    if (!tender)
        qFatal("%s", diagnostics.empty() ? "unreadable" : diagnostics.front().toString().c_str());
    return *tender;
}

bool anyLineContains(const QStringList& lines, const QString& text) {
    for (const QString& line : lines)
        if (line.contains(text))
            return true;
    return false;
}

} // namespace

class ModelEditorTest : public QObject {
    Q_OBJECT

private:
    QTemporaryDir scratch_;
    fs::path folder_;
    Tender original_;
    std::unique_ptr<TenderDocument> document_;
    std::unique_ptr<ModelEditorPage> page_;

    QModelIndex indexOf(const std::string& id, int column = ModelEditorModel::Id) {
        if (!page_->select(id))
            return {};
        const QModelIndex selected = page_->treeView()->currentIndex();
        return selected.siblingAtColumn(column);
    }
    const ModelNode* node(const std::string& id) { return findNode(document_->tender().model, id); }
    QUndoStack* stack() { return document_->undoStack(); }

private slots:
    void initTestCase() {
        QVERIFY(scratch_.isValid());
        folder_ = fs::path(scratch_.filePath(QStringLiteral("cwb")).toStdString());
        const auto rates = referenceRates();
        QVERIFY(rates != nullptr);
        const auto created = createTenderFromTemplate(
            fs::path(FAIRTENDER_SOURCE_DIR) / "templates/community-wealth-building.xml",
            "PCC-2026-001", "Grounds maintenance", folder_, rates.get());
        QVERIFY2(created.ok(), qPrintable(created.error));
        original_ = readTender(folder_ / "tender.xml");
    }

    void init() {
        document_ = std::make_unique<TenderDocument>();
        document_->setTender(original_);
        page_ = std::make_unique<ModelEditorPage>(document_.get());
    }

    void cleanup() {
        page_.reset();
        document_.reset();
    }

    void editableModelPassesTheModelTesterThroughEveryKindOfEdit() {
        QAbstractItemModelTester tester(page_->treeModel(),
                                        QAbstractItemModelTester::FailureReportingMode::QtTest);
        QVERIFY(page_->select("quality"));
        QVERIFY(page_->addCriterion(CriterionType::Judgement));
        QVERIFY(page_->select("locality"));
        QVERIFY(page_->moveSelected(-1));
        QVERIFY(page_->moveSelected(1));
        QVERIFY(page_->select("social-value"));
        QVERIFY(page_->removeSelected());
        QVERIFY(page_->addGroup());
        QVERIFY(page_->treeModel()->setData(indexOf("q-delivery", ModelEditorModel::Weight),
                                            QStringLiteral("35")));
        while (stack()->canUndo())
            stack()->undo();
        while (stack()->canRedo())
            stack()->redo();
        document_->setTender(original_);
        QCOMPARE(page_->treeModel()->rowCount(), 7); // price, 2 groups, 3 criteria, a gate
    }

    void pointsColumnFollowsAWeightEditThroughTheGroup() {
        // q-delivery: 40% of the 30-point quality group = 12.00 points.
        QCOMPARE(indexOf("q-delivery", ModelEditorModel::Points).data().toString(),
                 QStringLiteral("12.00"));
        QVERIFY(page_->treeModel()->setData(indexOf("quality", ModelEditorModel::Weight),
                                            QStringLiteral("35")));
        // 40% of 35 = 14.00, and the group itself is worth 35.00.
        QCOMPARE(indexOf("q-delivery", ModelEditorModel::Points).data().toString(),
                 QStringLiteral("14.00"));
        QCOMPARE(indexOf("quality", ModelEditorModel::Points).data().toString(),
                 QStringLiteral("35.00"));
        stack()->undo();
        QCOMPARE(indexOf("q-delivery", ModelEditorModel::Points).data().toString(),
                 QStringLiteral("12.00"));
    }

    void weightOf95MarksTheGroupWithTheSumInItsTooltip() {
        auto* tree = page_->treeModel();
        const QModelIndex quality = indexOf("quality");
        QCOMPARE(quality.data(ModelEditorModel::WeightProblemRole).toString(), QString());
        QVERIFY(quality.data(Qt::DecorationRole).isNull());

        QVERIFY(
            tree->setData(indexOf("q-delivery", ModelEditorModel::Weight), QStringLiteral("35")));

        const QModelIndex marked = indexOf("quality");
        QCOMPARE(marked.data(ModelEditorModel::WeightProblemRole).toString(),
                 QStringLiteral("weights sum to 95, must be 100"));
        QCOMPARE(marked.data(Qt::ToolTipRole).toString(),
                 QStringLiteral("weights sum to 95, must be 100"));
        QVERIFY(!marked.data(Qt::DecorationRole).isNull());
        QCOMPARE(indexOf("q-delivery", ModelEditorModel::Weight).data(Qt::ToolTipRole).toString(),
                 QStringLiteral("weights sum to 95, must be 100"));
        QVERIFY(
            anyLineContains(page_->problems(),
                            QStringLiteral("Error: weights of group quality sum to 95, not 100")));
        QCOMPARE(stack()->undoText(), QStringLiteral("Change weight of q-delivery from 40 to 35"));
    }

    void undoRestores100AndRemovesTheMark() {
        QVERIFY(page_->treeModel()->setData(indexOf("q-delivery", ModelEditorModel::Weight),
                                            QStringLiteral("35")));
        stack()->undo();
        QCOMPARE(node("q-delivery")->weight, 40.0);
        const QModelIndex quality = indexOf("quality");
        QCOMPARE(quality.data(ModelEditorModel::WeightProblemRole).toString(), QString());
        QVERIFY(quality.data(Qt::DecorationRole).isNull());
        QCOMPARE(quality.data(Qt::ToolTipRole).toString(), QStringLiteral("Quality"));
        QVERIFY(document_->validationErrors().empty());
        QCOMPARE(document_->currentTenderXml(), writeTenderXml(original_));
    }

    void topLevelWeightsOf90AreReportedUnderTheTree() {
        QVERIFY(page_->treeModel()->setData(indexOf("price", ModelEditorModel::Weight),
                                            QStringLiteral("30")));
        QCOMPARE(page_->topLevelWeightText(),
                 QStringLiteral("Top-level weights sum to 90, must be 100"));
        QCOMPARE(indexOf("rlw", ModelEditorModel::Weight).data(Qt::ToolTipRole).toString(),
                 QStringLiteral("weights sum to 90, must be 100"));
    }

    void weightTypedDigitByDigitIsOneUndoStep() {
        QVERIFY(page_->select("q-delivery"));
        QCOMPARE(page_->enterParameter(QStringLiteral("weight"), QStringLiteral("3")), QString());
        QCOMPARE(page_->enterParameter(QStringLiteral("weight"), QStringLiteral("35")), QString());
        QCOMPARE(stack()->count(), 1);
        QCOMPARE(stack()->undoText(), QStringLiteral("Change weight of q-delivery from 40 to 35"));
        stack()->undo();
        QCOMPARE(node("q-delivery")->weight, 40.0);
    }

    void addedCriterionGoesIntoTheSelectedGroupAndUndoRemovesIt() {
        QVERIFY(page_->select("quality"));
        QVERIFY(page_->addCriterion(CriterionType::Judgement));
        QCOMPARE(node("quality")->children.size(), std::size_t(4));
        const ModelNode* added = node("judgement-1");
        QVERIFY(added != nullptr);
        QCOMPARE(added->weight, 0.0);
        QCOMPARE(added->criterion.scaleMax, 5.0);
        QCOMPARE(added->criterion.descriptors.size(), std::size_t(6));
        QCOMPARE(stack()->undoText(), QStringLiteral("Add criterion judgement-1"));
        QVERIFY(document_->validationErrors().empty()); // weight 0 keeps the sum at 100
        stack()->undo();
        QCOMPARE(node("quality")->children.size(), std::size_t(3));
        QVERIFY(node("judgement-1") == nullptr);
        stack()->redo();
        QCOMPARE(node("quality")->children.size(), std::size_t(4));
        QCOMPARE(node("quality")->children[3].id, std::string("judgement-1"));
    }

    void everyCriterionTypeAddedWithDefaultsValidates() {
        for (const auto type :
             {CriterionType::Price, CriterionType::Judgement, CriterionType::SocialValue,
              CriterionType::Locality, CriterionType::LivingWage, CriterionType::Ownership}) {
            page_->treeView()->setCurrentIndex({});
            QVERIFY(page_->addCriterion(type));
        }
        page_->treeView()->setCurrentIndex({});
        QVERIFY(page_->addGroup());
        page_->treeView()->setCurrentIndex({});
        QVERIFY(page_->addGate());
        // A second price criterion is allowed under weighted sum; the model still validates.
        QStringList errors;
        for (const auto& error : document_->validationErrors())
            errors << QString::fromStdString(error.message);
        QVERIFY2(errors.isEmpty(), qPrintable(errors.join(QLatin1Char('\n'))));
        QCOMPARE(page_->treeModel()->rowCount(), 15); // 7 + 6 criteria, a group, a gate
    }

    void removedGroupComesBackWithItsCriteriaOnUndo() {
        const std::string before = document_->currentTenderXml();
        QVERIFY(page_->select("social-value"));
        QVERIFY(page_->removeSelected());
        QCOMPARE(page_->treeModel()->rowCount(), 6);
        QVERIFY(node("sv-commitments") == nullptr);
        QCOMPARE(stack()->undoText(), QStringLiteral("Remove group social-value"));
        QVERIFY(anyLineContains(page_->problems(),
                                QStringLiteral("weights of the model sum to 85, not 100")));
        stack()->undo();
        QCOMPARE(node("sv-commitments")->criterion.measures.size(), std::size_t(5));
        QCOMPARE(document_->currentTenderXml(), before);
        stack()->redo();
        QVERIFY(node("social-value") == nullptr);
    }

    void moveUpAndDownAreUndone() {
        QVERIFY(page_->select("locality"));
        QCOMPARE(page_->treeModel()->pathOf(page_->treeView()->currentIndex()), NodePath{3});
        QVERIFY(page_->moveSelected(-1));
        QCOMPARE(document_->tender().model.children[2].id, std::string("locality"));
        QCOMPARE(stack()->undoText(), QStringLiteral("Move criterion locality up"));
        QVERIFY(page_->moveSelected(1));
        QCOMPARE(stack()->undoText(), QStringLiteral("Move criterion locality down"));
        QCOMPARE(document_->tender().model.children[3].id, std::string("locality"));
        stack()->undo();
        QCOMPARE(document_->tender().model.children[2].id, std::string("locality"));
        stack()->undo();
        QCOMPARE(document_->tender().model.children[3].id, std::string("locality"));
        QVERIFY(page_->select("price"));
        QVERIFY(!page_->moveSelected(-1)); // already first
    }

    void dragAndDropMovesWithinTheParentAndIsUndone() {
        auto* tree = page_->treeModel();
        const QModelIndex supplyChain = indexOf("q-supply-chain");
        std::unique_ptr<QMimeData> data(tree->mimeData({supplyChain}));
        QVERIFY(data != nullptr);
        const QModelIndex quality = indexOf("quality");
        QVERIFY(tree->canDropMimeData(data.get(), Qt::MoveAction, 0, 0, quality));
        tree->dropMimeData(data.get(), Qt::MoveAction, 0, 0, quality);
        QCOMPARE(node("quality")->children[0].id, std::string("q-supply-chain"));
        QCOMPARE(stack()->undoText(), QStringLiteral("Move criterion q-supply-chain up"));
        stack()->undo();
        QCOMPARE(node("quality")->children[2].id, std::string("q-supply-chain"));
    }

    void dragAndDropReordersTopLevelNodes() {
        auto* tree = page_->treeModel();
        QVERIFY(tree->flags({}) & Qt::ItemIsDropEnabled);
        std::unique_ptr<QMimeData> data(tree->mimeData({indexOf("insurance")}));
        tree->dropMimeData(data.get(), Qt::MoveAction, 0, 0, {});
        QCOMPARE(document_->tender().model.children[0].id, std::string("insurance"));
        QCOMPARE(stack()->undoText(), QStringLiteral("Move gate insurance up"));
    }

    void dropUnderAnotherParentIsRefused() {
        auto* tree = page_->treeModel();
        std::unique_ptr<QMimeData> data(tree->mimeData({indexOf("q-supply-chain")}));
        const QModelIndex socialValue = indexOf("social-value");
        QVERIFY(!tree->canDropMimeData(data.get(), Qt::MoveAction, 0, 0, socialValue));
        tree->dropMimeData(data.get(), Qt::MoveAction, 0, 0, socialValue);
        QCOMPARE(stack()->count(), 0);
    }

    void renameInPlaceIsUndone() {
        QVERIFY(page_->treeModel()->setData(indexOf("rlw", ModelEditorModel::Title),
                                            QStringLiteral("Living wage")));
        QCOMPARE(node("rlw")->title, std::string("Living wage"));
        QCOMPARE(stack()->undoText(),
                 QStringLiteral("Rename rlw from \"Real Living Wage\" to \"Living wage\""));
        stack()->undo();
        QCOMPARE(node("rlw")->title, std::string("Real Living Wage"));
    }

    void changedIdIsUndoneAndATieBreakLeftDanglingIsAnError() {
        QVERIFY(page_->treeModel()->setData(indexOf("quality", ModelEditorModel::Id),
                                            QStringLiteral("quality-2")));
        QCOMPARE(stack()->undoText(), QStringLiteral("Change id of quality to quality-2"));
        QVERIFY(anyLineContains(page_->problems(), QStringLiteral("tie-break names 'quality'")));
        stack()->undo();
        QVERIFY(node("quality") != nullptr);
        QVERIFY(document_->validationErrors().empty());
    }

    void detailPanelShowsTheJudgementParameters() {
        QVERIFY(page_->select("q-delivery"));
        QVERIFY(page_->parameterShown(QStringLiteral("scale-max")));
        QVERIFY(page_->parameterShown(QStringLiteral("min-score")));
        QVERIFY(page_->parameterShown(QStringLiteral("descriptors")));
        QVERIFY(!page_->parameterShown(QStringLiteral("ceiling")));
        QVERIFY(!page_->parameterShown(QStringLiteral("min-percent")));
        auto* scaleMax =
            qobject_cast<QLineEdit*>(page_->parameterEditor(QStringLiteral("scale-max")));
        QVERIFY(scaleMax != nullptr);
        QCOMPARE(scaleMax->text(), QStringLiteral("5"));
        QVERIFY(page_->select("quality"));
        QVERIFY(page_->parameterShown(QStringLiteral("min-percent")));
        QCOMPARE(
            qobject_cast<QLineEdit*>(page_->parameterEditor(QStringLiteral("min-percent")))->text(),
            QStringLiteral("50"));
    }

    void minScoreChangeIsUndoneWithItsText() {
        QVERIFY(page_->select("q-delivery"));
        QCOMPARE(page_->enterParameter(QStringLiteral("min-score"), QStringLiteral("3")),
                 QString());
        QCOMPARE(*node("q-delivery")->criterion.minScore, 3.0);
        QCOMPARE(stack()->undoText(), QStringLiteral("Change min-score of q-delivery from 2 to 3"));
        stack()->undo();
        QCOMPARE(*node("q-delivery")->criterion.minScore, 2.0);
    }

    void descriptorsEditedAsLinesAreUndone() {
        QVERIFY(page_->select("q-delivery"));
        QCOMPARE(page_->enterParameter(QStringLiteral("descriptors"),
                                       QStringLiteral("0: None\n5: All of it")),
                 QString());
        QCOMPARE(node("q-delivery")->criterion.descriptors.size(), std::size_t(2));
        QCOMPARE(node("q-delivery")->criterion.descriptors[1].text, std::string("All of it"));
        stack()->undo();
        QCOMPARE(node("q-delivery")->criterion.descriptors.size(), std::size_t(6));
    }

    void unreadableParameterIsRefusedWithoutAnEdit() {
        QVERIFY(page_->select("q-delivery"));
        QCOMPARE(page_->enterParameter(QStringLiteral("scale-max"), QStringLiteral("five")),
                 QStringLiteral("scale-max must be a number such as 2.5"));
        QCOMPARE(stack()->count(), 0);
        QCOMPARE(node("q-delivery")->criterion.scaleMax, 5.0);
    }

    void typeChangeIsUndoneToTheExactSettings() {
        const std::string before = document_->currentTenderXml();
        QVERIFY(page_->select("locality"));
        QVERIFY(page_->chooseType(CriterionType::Judgement));
        QVERIFY(node("locality")->criterion.type == CriterionType::Judgement);
        QCOMPARE(stack()->undoText(),
                 QStringLiteral("Change type of locality from locality to judgement"));
        stack()->undo();
        QCOMPARE(node("locality")->criterion.bands.size(), std::size_t(2));
        QCOMPARE(document_->currentTenderXml(), before);
    }

    void linearRangeMethodShowsTheCeiling() {
        QVERIFY(page_->select("price"));
        QVERIFY(!page_->parameterShown(QStringLiteral("ceiling")));
        QVERIFY(page_->chooseMethod(QStringLiteral("linear-range")));
        QVERIFY(node("price")->criterion.priceMethod == PriceMethod::LinearRange);
        QVERIFY(page_->parameterShown(QStringLiteral("ceiling")));
        QCOMPARE(page_->enterParameter(QStringLiteral("ceiling"), QStringLiteral("1200000.50")),
                 QString());
        QCOMPARE(node("price")->criterion.ceiling->pence(), 120000050);
        stack()->undo();
        stack()->undo();
        QVERIFY(node("price")->criterion.priceMethod == PriceMethod::LowestRelative);
        QVERIFY(!node("price")->criterion.ceiling);
    }

    void roundingAndTieBreakAreUndone() {
        QCOMPARE(page_->enterParameter(QStringLiteral("rounding"), QStringLiteral("3")), QString());
        QCOMPARE(document_->tender().model.rounding, 3);
        QCOMPARE(stack()->undoText(), QStringLiteral("Change rounding from 2 to 3"));
        QCOMPARE(page_->enterParameter(QStringLiteral("tie-break"), QStringLiteral("lowest-price")),
                 QString());
        QCOMPARE(document_->tender().model.tieBreak, std::vector<std::string>{"lowest-price"});
        stack()->undo();
        stack()->undo();
        QCOMPARE(document_->currentTenderXml(), writeTenderXml(original_));
    }

    void lintWarningAppearsAfterAnEditAndGoesOnUndo() {
        const QString warning = QStringLiteral("Warning: social value carries");
        QVERIFY(!anyLineContains(page_->problems(), warning));
        auto* tree = page_->treeModel();
        QVERIFY(
            tree->setData(indexOf("social-value", ModelEditorModel::Weight), QStringLiteral("5")));
        QVERIFY(tree->setData(indexOf("price", ModelEditorModel::Weight), QStringLiteral("50")));
        QVERIFY(anyLineContains(page_->problems(), warning));
        stack()->undo();
        stack()->undo();
        QVERIFY(!anyLineContains(page_->problems(), warning));
    }

    void frozenModelRefusesEveryEdit() {
        const std::string before = document_->currentTenderXml();
        QVERIFY(page_->treeModel()->setData(indexOf("rlw", ModelEditorModel::Weight),
                                            QStringLiteral("5"))); // unchanged value
        page_->setFrozen(true,
                         QStringLiteral("The model is frozen: the tender opened on 3 March 2026"));
        QCOMPARE(page_->frozenText(),
                 QStringLiteral("The model is frozen: the tender opened on 3 March 2026"));
        const QModelIndex weight = indexOf("q-delivery", ModelEditorModel::Weight);
        QVERIFY(!(weight.flags() & Qt::ItemIsEditable));
        QVERIFY(!page_->treeModel()->setData(weight, QStringLiteral("35")));
        QVERIFY(!page_->addCriterion(CriterionType::Judgement));
        QVERIFY(!page_->removeSelected());
        QVERIFY(!page_->moveSelected(-1));
        QVERIFY(!page_->chooseType(CriterionType::Price));
        QVERIFY(!page_->enterParameter(QStringLiteral("min-score"), QStringLiteral("3")).isEmpty());
        QVERIFY(!page_->undoAction()->isEnabled());
        QCOMPARE(stack()->count(), 0);
        QCOMPARE(document_->currentTenderXml(), before);
        page_->setFrozen(false, {});
        QVERIFY(page_->addCriterion(CriterionType::Judgement));
    }

    void ctrlZUndoesAndCtrlYRedoes() {
        page_->show();
        QVERIFY(QTest::qWaitForWindowExposed(page_.get()));
        page_->activateWindow();
        page_->treeView()->setFocus();
        QVERIFY(page_->treeModel()->setData(indexOf("q-delivery", ModelEditorModel::Weight),
                                            QStringLiteral("35")));
        page_->treeView()->setFocus();
        QTest::keyClick(page_->treeView(), Qt::Key_Z, Qt::ControlModifier);
        QCOMPARE(node("q-delivery")->weight, 40.0);
        QTest::keyClick(page_->treeView(), Qt::Key_Y, Qt::ControlModifier);
        QCOMPARE(node("q-delivery")->weight, 35.0);
        QTest::keyClick(page_->treeView(), Qt::Key_Z, Qt::ControlModifier);
        QTest::keyClick(page_->treeView(), Qt::Key_Z, Qt::ControlModifier | Qt::ShiftModifier);
        QCOMPARE(node("q-delivery")->weight, 35.0);
    }

    void undoingEveryKindOfEditRestoresTheExactTender() {
        QVERIFY(page_->select("quality"));
        QVERIFY(page_->addCriterion(CriterionType::Ownership));
        QVERIFY(page_->select("locality"));
        QVERIFY(page_->moveSelected(-1));
        QVERIFY(page_->chooseMethod(QStringLiteral("local-spend")));
        QVERIFY(page_->select("insurance"));
        QCOMPARE(page_->enterParameter(QStringLiteral("missing"), QStringLiteral("fail")),
                 QString());
        QVERIFY(page_->select("sv-plan"));
        QVERIFY(page_->removeSelected());
        QCOMPARE(page_->enterParameter(QStringLiteral("aggregation"),
                                       QStringLiteral("price-per-quality-point")),
                 QString());
        QVERIFY(stack()->count() >= 6);
        while (stack()->canUndo())
            stack()->undo();
        QCOMPARE(document_->currentTenderXml(), writeTenderXml(original_));
    }

    void saveIsRefusedWhileTheWeightsAreWrong() {
        const fs::path target =
            fs::path(scratch_.filePath(QStringLiteral("refused")).toStdString());
        fs::create_directories(target);
        QVERIFY(page_->treeModel()->setData(indexOf("q-delivery", ModelEditorModel::Weight),
                                            QStringLiteral("35")));
        const QString outcome = page_->saveToFolder(target);
        QVERIFY2(
            outcome.startsWith(QStringLiteral("Not saved: the tender has 1 error to fix first:")),
            qPrintable(outcome));
        QVERIFY(outcome.contains(QStringLiteral("weights of group quality sum to 95, not 100")));
        QVERIFY(!fs::exists(target / "tender.xml"));
    }

    void editedTemplateTenderIsSavedOpenedAgainAndEvaluated() {
        auto* tree = page_->treeModel();
        QVERIFY(tree->setData(indexOf("price", ModelEditorModel::Weight), QStringLiteral("45")));
        QVERIFY(tree->setData(indexOf("quality", ModelEditorModel::Weight), QStringLiteral("25")));
        QCOMPARE(page_->saveToFolder(folder_), QString());

        TenderDocument reopened;
        QCOMPARE(reopened.openFolder(folder_), QString());
        QCOMPARE(findNode(reopened.tender().model, "price")->weight, 45.0);
        QCOMPARE(reopened.tender().id, std::string("PCC-2026-001"));
        const auto rates = referenceRates();
        const auto evaluated = evaluateTenderFolder(folder_, rates.get());
        QVERIFY(evaluated.ok());
        QCOMPARE(evaluated.result->bids.size(), std::size_t(0));
        QVERIFY(saveTenderXml(folder_, writeTenderXml(original_)) == std::nullopt);
    }

    void folderWithABrokenTenderXmlIsNotOpened() {
        QTemporaryDir broken;
        { std::ofstream(fs::path(broken.path().toStdString()) / "tender.xml") << "<tender/>"; }
        const QString errors = document_->openFolder(broken.path().toStdString());
        QVERIFY2(errors.startsWith(QStringLiteral("tender.xml:1:")), qPrintable(errors));
        QCOMPARE(document_->currentTenderXml(), writeTenderXml(original_));
    }

    void savedTenderReadsBackAndEvaluates() {
        QTemporaryDir copy;
        const fs::path sample = fs::path(test::copyOfSchoolMeals(copy).toStdString());
        document_->setTender(readTender(sample / "tender.xml"));
        auto* tree = page_->treeModel();
        QVERIFY(tree->setData(indexOf("q-menu", ModelEditorModel::Weight), QStringLiteral("50")));
        QVERIFY(tree->setData(indexOf("q-mobilisation", ModelEditorModel::Weight),
                              QStringLiteral("20")));
        QCOMPARE(page_->saveToFolder(sample), QString());
        QCOMPARE(readFile(sample / "tender.xml"), page_->currentTenderXml());

        const auto rates = referenceRates();
        const auto evaluated = evaluateTenderFolder(sample, rates.get());
        QVERIFY2(evaluated.ok(), evaluated.diagnostics.empty()
                                     ? "not evaluated"
                                     : evaluated.diagnostics.front().toString().c_str());
        QCOMPARE(findNode(evaluated.folder->tender.model, "q-menu")->weight, 50.0);
        QCOMPARE(evaluated.result->bids.size(), std::size_t(6));
    }
};

QTEST_MAIN(ModelEditorTest)
#include "ModelEditorTest.moc"
