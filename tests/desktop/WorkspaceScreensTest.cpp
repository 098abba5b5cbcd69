// The workspace screens driven through the real window: create and open a workspace, the
// panel, scoring (refusals, locks, hidden scores, conflicts), the lifecycle toolbar,
// moderation, export, the audit log's filter and Verify, on a clean and a tampered file.
#include "DesktopWorkspaceSupport.h"
#include "desktop/AuditPage.h"
#include "desktop/ExportPage.h"
#include "desktop/StartPage.h"
#include "desktop/WorkspaceModels.h"

#include <QAbstractItemModelTester>
#include <QAction>
#include <QComboBox>
#include <QDialog>
#include <QImage>
#include <QLabel>
#include <QLineEdit>
#include <QListView>
#include <QListWidget>
#include <QPlainTextEdit>
#include <QProcess>
#include <QPushButton>
#include <QStackedWidget>
#include <QTableView>
#include <QTextBrowser>
#include <QtTest>

#include <sqlite3.h>

using namespace fairtender;
using namespace fairtender::desktop;
using fairtender::desktop::test::child;

class WorkspaceScreensTest : public QObject {
    Q_OBJECT

private:
    QTemporaryDir settings_;

    // Runs one command through a click and waits for the workspace to be read again.
    static bool clickAndWait(MainWindow& window, QPushButton* button) {
        QSignalSpy shown(&window, &MainWindow::workspaceShown);
        button->click();
        return shown.wait(20000) || shown.count() > 0;
    }

    static QString stage(MainWindow& window) { return child<QLabel>(window, "stageLabel")->text(); }

private slots:
    void initTestCase() {
        QVERIFY(settings_.isValid());
        test::isolateSettings(settings_);
    }

    void createWorkspaceFromFolderOpensItAtStageDraft() {
        QTemporaryDir scratch;
        const QString folder = test::copyOfSchoolMeals(scratch);
        const QString file = scratch.filePath(QStringLiteral("created.ftw"));
        MainWindow window;
        window.prompts().folder = [&](QWidget*, const QString&) {
            return folder;
        };
        window.prompts().saveFile = [&](QWidget*, const QString&, const QString&, const QString&) {
            return file;
        };
        child<QPushButton>(window, "createWorkspacePushButton")->click();
        QTRY_VERIFY_WITH_TIMEOUT(!window.isBusy() && window.workspace() != nullptr, 20000);
        QVERIFY(QFileInfo::exists(file));
        QCOMPARE(stage(window), QStringLiteral("Stage: draft"));
        // The sample's six bids came in with its evaluations, but a draft's ranking is not
        // final: the progress of the evaluation opens in its place.
        QCOMPARE(window.workspace()->status.bids, std::size_t{6});
        QCOMPARE(child<QStackedWidget>(window, "")->currentWidget()->objectName(),
                 QStringLiteral("progressPage"));
        auto* recent = child<QListView>(window, "recentListView");
        const QModelIndex first = recent->model()->index(0, 0);
        QCOMPARE(first.data(StartPage::PathRole).toString(), QFileInfo(file).absoluteFilePath());
        // Shown by the tender's title and stage, read in the background.
        QTRY_COMPARE_WITH_TIMEOUT(
            first.data().toString(),
            QStringLiteral("Primary school meals catering, September 2026 to August 2029\n"
                           "workspace, draft · %1")
                .arg(QFileInfo(file).absoluteFilePath()),
            20000);
    }

    void openActionOpensAWorkspaceFile() {
        QTemporaryDir scratch;
        const QString file = test::emptyWorkspace(scratch);
        MainWindow window;
        window.setFolderChooser([&](QWidget*) { return file; });
        child<QAction>(window, "openAction")->trigger();
        QTRY_VERIFY_WITH_TIMEOUT(!window.isBusy() && window.workspace() != nullptr, 20000);
        QCOMPARE(window.workspace()->status.tenderId, std::string("SCC-2026-014"));
    }

    void panelIsAddedAndDeclaredThroughThePanelScreen() {
        QTemporaryDir scratch;
        const QString file = test::emptyWorkspace(scratch);
        MainWindow window;
        test::Messages messages;
        messages.attach(window);
        QVERIFY(test::openAs(window, file, QStringLiteral("alice")));
        auto* name = child<QLineEdit>(window, "memberNameLineEdit");
        auto* role = child<QComboBox>(window, "memberRoleComboBox");
        auto* add = child<QPushButton>(window, "addMemberPushButton");
        name->setText(QStringLiteral("alice"));
        role->setCurrentText(QStringLiteral("lead"));
        QVERIFY(clickAndWait(window, add));
        name->setText(QStringLiteral("eve"));
        role->setCurrentText(QStringLiteral("evaluator"));
        QVERIFY(clickAndWait(window, add));
        QVERIFY2(messages.texts.isEmpty(), qPrintable(messages.texts.join(QLatin1Char('\n'))));

        window.setActor(QStringLiteral("eve"));
        test::waitIdle(window);
        QVERIFY(clickAndWait(window, child<QPushButton>(window, "declarePushButton")));
        auto* table = child<QTableView>(window, "panelTableView");
        QCOMPARE(table->model()->rowCount(), 2);
        QCOMPARE(table->model()->index(1, 0).data().toString(), QStringLiteral("eve"));
        QCOMPARE(table->model()->index(1, 1).data().toString(), QStringLiteral("evaluator"));
        QCOMPARE(table->model()->index(1, 2).data().toString(), QStringLiteral("yes"));
        QCOMPARE(table->model()->index(0, 2).data().toString(), QStringLiteral("no"));
    }

    void panelCannotChangeOnceTheResultsAreLockedAndTheScreenSaysWhy() {
        QTemporaryDir scratch;
        const QString file = test::emptyWorkspace(scratch);
        QVERIFY(test::stepWorkspace(file, test::toLocked));
        MainWindow window;
        QVERIFY(test::openAs(window, file, QStringLiteral("alice")));
        window.showScreen(MainWindow::Screen::Panel);
        auto* add = child<QPushButton>(window, "addMemberPushButton");
        auto* declare = child<QPushButton>(window, "declarePushButton");
        QVERIFY(!add->isEnabled());
        QVERIFY(!declare->isEnabled());
        QCOMPARE(add->toolTip(), QStringLiteral("the results are locked: the panel can no longer "
                                                "change"));
        QCOMPARE(child<QLabel>(window, "panelNoticeLabel")->text(),
                 QStringLiteral("Acting as alice. The results are locked: the panel can no "
                                "longer change."));
    }

    void actingPersonIsRememberedPerWorkspace() {
        QTemporaryDir scratch;
        const QString file = test::emptyWorkspace(scratch);
        {
            MainWindow window;
            QVERIFY(test::openAs(window, file, QStringLiteral("mo")));
        }
        MainWindow window;
        window.openWorkspace(file);
        QTRY_VERIFY_WITH_TIMEOUT(!window.isBusy() && window.workspace() != nullptr, 20000);
        QCOMPARE(window.actor(), QStringLiteral("mo"));
        QCOMPARE(window.workspace()->actor, std::string("mo"));
    }

    void scoreWithoutAReasonIsRefusedWithTheEnginesMessage() {
        QTemporaryDir scratch;
        const QString file = test::emptyWorkspace(scratch);
        QVERIFY(test::stepWorkspace(file, test::toEvaluation));
        MainWindow window;
        test::Messages messages;
        messages.attach(window);
        QVERIFY(test::openAs(window, file, QStringLiteral("eve")));
        window.showScreen(MainWindow::Screen::Scoring);
        auto* grid = child<QTableView>(window, "scoringTableView");
        grid->setCurrentIndex(
            test::scoringCell(*grid, QStringLiteral("B1"), QStringLiteral("q-menu")));
        child<QLineEdit>(window, "scoreValueLineEdit")->setText(QStringLiteral("3"));
        QVERIFY(clickAndWait(window, child<QPushButton>(window, "submitScorePushButton")));
        // The engine's words, with no command-line option in them.
        QCOMPARE(messages.texts, QStringList{QStringLiteral("a score needs a written reason")});
        const QModelIndex cell =
            test::scoringCell(*grid, QStringLiteral("B1"), QStringLiteral("q-menu"));
        QCOMPARE(cell.data(ScoringModel::LockedRole).toBool(), false);
        QCOMPARE(window.workspace()->status.scores, std::size_t{0});
        // The refused score is still there to add the reason to.
        QCOMPARE(grid->currentIndex(), cell);
        QCOMPARE(child<QLineEdit>(window, "scoreValueLineEdit")->text(), QStringLiteral("3"));
    }

    void submittedScoreIsLockedAndOpensTheOthersScores() {
        QTemporaryDir scratch;
        const QString file = test::emptyWorkspace(scratch);
        {
            Workspace ws = test::engineWorkspace(file);
            QVERIFY(test::toEvaluation(ws));
            QVERIFY(ws.submitScore("emma", "B1", "q-menu", 4, "clear allergen plan", test::rates())
                        .ok());
        }
        MainWindow window;
        QVERIFY(test::openAs(window, file, QStringLiteral("eve")));
        window.showScreen(MainWindow::Screen::Scoring);
        auto* grid = child<QTableView>(window, "scoringTableView");
        auto* others = child<QTextBrowser>(window, "otherScoresTextBrowser");
        grid->setCurrentIndex(
            test::scoringCell(*grid, QStringLiteral("B1"), QStringLiteral("q-menu")));
        QVERIFY2(!others->toPlainText().contains(QStringLiteral("clear allergen plan")),
                 qPrintable(others->toPlainText()));

        child<QLineEdit>(window, "scoreValueLineEdit")->setText(QStringLiteral("3"));
        child<QPlainTextEdit>(window, "scoreReasonTextEdit")
            ->setPlainText(QStringLiteral("meets the descriptor for 3"));
        QVERIFY(clickAndWait(window, child<QPushButton>(window, "submitScorePushButton")));
        const QModelIndex cell =
            test::scoringCell(*grid, QStringLiteral("B1"), QStringLiteral("q-menu"));
        QCOMPARE(cell.data().toString(), QStringLiteral("3"));
        QCOMPARE(cell.data(ScoringModel::LockedRole).toBool(), true);
        grid->setCurrentIndex(cell);
        QVERIFY2(others->toPlainText().contains(QStringLiteral("emma 4: clear allergen plan")),
                 qPrintable(others->toPlainText()));
        QCOMPARE(child<QPushButton>(window, "submitScorePushButton")->isEnabled(), false);
    }

    void leadReopensASubmittedScoreWithAReason() {
        QTemporaryDir scratch;
        const QString file = test::emptyWorkspace(scratch);
        {
            Workspace ws = test::engineWorkspace(file);
            QVERIFY(test::toEvaluation(ws));
            QVERIFY(
                ws.submitScore("eve", "B1", "q-menu", 2, "misread the plan", test::rates()).ok());
        }
        MainWindow window;
        test::Messages messages;
        messages.attach(window);
        QVERIFY(test::openAs(window, file, QStringLiteral("alice")));
        window.showScreen(MainWindow::Screen::Scoring);
        auto* grid = child<QTableView>(window, "scoringTableView");
        QCOMPARE(test::scoringCell(*grid, QStringLiteral("B1"), QStringLiteral("q-menu"))
                     .data()
                     .toString(),
                 QStringLiteral("1 scored"));
        grid->setCurrentIndex(
            test::scoringCell(*grid, QStringLiteral("B1"), QStringLiteral("q-menu")));
        child<QComboBox>(window, "reopenEvaluatorComboBox")->setCurrentText(QStringLiteral("eve"));
        child<QLineEdit>(window, "reopenReasonLineEdit")
            ->setText(QStringLiteral("eve asked to correct a misreading"));
        QVERIFY(clickAndWait(window, child<QPushButton>(window, "reopenPushButton")));
        QVERIFY2(messages.texts.isEmpty(), qPrintable(messages.texts.join(QLatin1Char('\n'))));
        QCOMPARE(test::scoringCell(*grid, QStringLiteral("B1"), QStringLiteral("q-menu"))
                     .data()
                     .toString(),
                 QStringLiteral("0 scored"));
        const auto eve = readWorkspaceSnapshot(file.toStdString(), "eve", false);
        QVERIFY(eve && eve->ok());
        QCOMPARE(eve->cell(0, 0)->own.has_value(), false);
    }

    void declaredConflictIsShownAndBlocksScoringThatBid() {
        QTemporaryDir scratch;
        const QString file = test::emptyWorkspace(scratch);
        {
            Workspace ws = test::engineWorkspace(file);
            test::addPanel(ws, false);
            QVERIFY(ws.declareInterests("alice", {}).ok());
            QVERIFY(ws.declareInterests("eve", {{"", "B2", "my sister runs it"}}).ok());
            QVERIFY(ws.declareInterests("emma", {}).ok());
            QVERIFY(ws.declareInterests("mo", {}).ok());
            QVERIFY(ws.advance("alice", LifecycleState::Evaluation, "open", test::rates()).ok());
        }
        MainWindow window;
        QVERIFY(test::openAs(window, file, QStringLiteral("eve")));
        auto* grid = child<QTableView>(window, "scoringTableView");
        const QModelIndex cell =
            test::scoringCell(*grid, QStringLiteral("B2"), QStringLiteral("q-menu"));
        QCOMPARE(cell.data().toString(), QStringLiteral("conflict"));
        grid->setCurrentIndex(cell);
        QCOMPARE(child<QPushButton>(window, "submitScorePushButton")->isEnabled(), false);
        QVERIFY(child<QLabel>(window, "cellStateLabel")
                    ->text()
                    .contains(QStringLiteral("my sister runs it")));
    }

    void undeclaredEvaluatorIsToldToDeclareFirst() {
        QTemporaryDir scratch;
        const QString file = test::emptyWorkspace(scratch);
        {
            Workspace ws = test::engineWorkspace(file);
            test::addPanel(ws, false);
        }
        MainWindow window;
        QVERIFY(test::openAs(window, file, QStringLiteral("eve")));
        QVERIFY(child<QLabel>(window, "scoringNoticeLabel")
                    ->text()
                    .startsWith(QStringLiteral("Declare interests first")));
        QCOMPARE(child<QPushButton>(window, "submitScorePushButton")->isEnabled(), false);
    }

    void advanceIsDisabledWithTheEnginesBlockersAsItsTooltip() {
        QTemporaryDir scratch;
        const QString file = test::emptyWorkspace(scratch);
        {
            Workspace ws = test::engineWorkspace(file);
            test::addPanel(ws, false);
            QVERIFY(ws.declareInterests("eve", {}).ok());
        }
        MainWindow window;
        QVERIFY(test::openAs(window, file, QStringLiteral("alice")));
        auto* advance = child<QAction>(window, "advanceAction");
        QCOMPARE(advance->isEnabled(), false);
        QCOMPARE(advance->toolTip(),
                 QStringLiteral("Cannot move to evaluation:\n3 conflict-of-interest declarations "
                                "missing: alice, emma, mo"));
        window.setActor(QStringLiteral("eve"));
        QTRY_COMPARE_WITH_TIMEOUT(window.workspace()->actor, std::string("eve"), 20000);
        QCOMPARE(advance->toolTip(),
                 QStringLiteral("Only the lead moves the tender on; eve is not the lead"));
    }

    void advanceAsksForAReasonAndMovesToEvaluation() {
        QTemporaryDir scratch;
        const QString file = test::emptyWorkspace(scratch);
        {
            Workspace ws = test::engineWorkspace(file);
            test::addPanel(ws, true);
        }
        MainWindow window;
        QVERIFY(test::openAs(window, file, QStringLiteral("alice")));
        QCOMPARE(stage(window), QStringLiteral("Stage: open"));
        window.prompts().text = [](QWidget*, const QString&,
                                   const QString&) -> std::optional<QString> {
            return QStringLiteral("bids opened at noon");
        };
        QSignalSpy shown(&window, &MainWindow::workspaceShown);
        child<QAction>(window, "advanceAction")->trigger();
        QVERIFY(shown.wait(20000));
        QCOMPARE(stage(window), QStringLiteral("Stage: evaluation"));
        // The move, then the results it moves on with.
        const auto& audit = window.workspace()->audit;
        QCOMPARE(audit[audit.size() - 2].reason, std::string("bids opened at noon"));
        QCOMPARE(audit.back().action, std::string("results.recorded"));
    }

    void moderationPutsTheWideSpreadFirstAndRecordsTheConsensus() {
        QTemporaryDir scratch;
        const QString file = test::emptyWorkspace(scratch);
        QVERIFY(test::stepWorkspace(file, test::toModeration));
        MainWindow window;
        test::Messages messages;
        messages.attach(window);
        QVERIFY(test::openAs(window, file, QStringLiteral("mo")));
        window.showScreen(MainWindow::Screen::Moderation);
        auto* table = child<QTableView>(window, "moderationTableView");
        const QAbstractItemModel* model = table->model();
        QCOMPARE(model->index(0, ModerationModel::Bid).data().toString(), QStringLiteral("B5"));
        QCOMPARE(model->index(0, ModerationModel::Criterion).data().toString(),
                 QStringLiteral("Menus, nutrition and allergen management"));
        QCOMPARE(model->index(0, ModerationModel::Criterion).data(Qt::ToolTipRole).toString(),
                 QStringLiteral("q-menu"));
        QCOMPARE(model->index(0, ModerationModel::Spread).data().toString(),
                 QStringLiteral("3.00"));
        QCOMPARE(model->index(0, 0).data(ModerationModel::OverThresholdRole).toBool(), true);
        QCOMPARE(model->index(1, 0).data(ModerationModel::OverThresholdRole).toBool(), false);
        QCOMPARE(model->index(0, ModerationModel::FirstEvaluator).data().toString(),
                 QStringLiteral("1: reason of eve"));

        table->setCurrentIndex(model->index(0, 0));
        QCOMPARE(child<QLineEdit>(window, "consensusValueLineEdit")->text(), QStringLiteral("2.5"));
        child<QLineEdit>(window, "consensusReasonLineEdit")
            ->setText(QStringLiteral("agreed after discussion"));
        QVERIFY(clickAndWait(window, child<QPushButton>(window, "recordConsensusPushButton")));
        QVERIFY2(messages.texts.isEmpty(), qPrintable(messages.texts.join(QLatin1Char('\n'))));
        QCOMPARE(window.workspace()->status.consensus, std::size_t{1});
        bool found = false;
        for (int row = 0; row < model->rowCount(); ++row)
            if (model->index(row, ModerationModel::Bid).data().toString() == QStringLiteral("B5") &&
                model->index(row, ModerationModel::Criterion).data(Qt::ToolTipRole).toString() ==
                    QStringLiteral("q-menu"))
                found = model->index(row, ModerationModel::Consensus).data().toString() ==
                        QStringLiteral("2.5");
        QVERIFY(found);
    }

    void anItemWithNoScoreLeftShowsNoMeanRatherThanZero() {
        QTemporaryDir scratch;
        const QString file = test::emptyWorkspace(scratch);
        {
            Workspace ws = test::engineWorkspace(file);
            QVERIFY(test::toModeration(ws));
            // Both evaluators find a conflict with B5 after scoring it: their scores leave the
            // mean, and no one's are left.
            for (const char* name : {"eve", "emma"})
                QVERIFY(ws.declareInterests(name, {{"", "B5", "family link"}}, test::rates()).ok());
        }
        MainWindow window;
        QVERIFY(test::openAs(window, file, QStringLiteral("mo")));
        window.showScreen(MainWindow::Screen::Moderation);
        auto* table = child<QTableView>(window, "moderationTableView");
        const QAbstractItemModel* model = table->model();
        int row = -1;
        for (int r = 0; r < model->rowCount() && row < 0; ++r)
            if (model->index(r, ModerationModel::Bid).data().toString() == QStringLiteral("B5"))
                row = r;
        QVERIFY(row >= 0);
        QCOMPARE(model->index(row, ModerationModel::Mean).data().toString(), QStringLiteral("-"));
        QCOMPARE(model->index(row, ModerationModel::Spread).data().toString(), QStringLiteral("-"));
        table->setCurrentIndex(model->index(row, 0));
        QVERIFY2(child<QLabel>(window, "moderationItemLabel")
                     ->text()
                     .contains(QStringLiteral(": no evaluator's score counts")),
                 qPrintable(child<QLabel>(window, "moderationItemLabel")->text()));
        QCOMPARE(child<QLineEdit>(window, "consensusValueLineEdit")->text(), QString());
    }

    void replacingAConsensusNeedsAChangeReason() {
        QTemporaryDir scratch;
        const QString file = test::emptyWorkspace(scratch);
        {
            Workspace ws = test::engineWorkspace(file);
            QVERIFY(test::toModeration(ws));
            QVERIFY(
                ws.setConsensus("mo", "B5", "q-menu", 2.5, "first view", "", test::rates()).ok());
        }
        MainWindow window;
        test::Messages messages;
        messages.attach(window);
        QVERIFY(test::openAs(window, file, QStringLiteral("mo")));
        auto* table = child<QTableView>(window, "moderationTableView");
        table->setCurrentIndex(table->model()->index(0, 0));
        auto* value = child<QLineEdit>(window, "consensusValueLineEdit");
        QCOMPARE(value->text(), QStringLiteral("2.5"));
        QCOMPARE(child<QLineEdit>(window, "consensusChangeReasonLineEdit")->isEnabled(), true);
        value->setText(QStringLiteral("3"));
        child<QLineEdit>(window, "consensusReasonLineEdit")->setText(QStringLiteral("second view"));
        QVERIFY(clickAndWait(window, child<QPushButton>(window, "recordConsensusPushButton")));
        QCOMPARE(messages.texts.size(), 1);
        const std::string refusal = [&] {
            Workspace ws = test::engineWorkspace(file);
            return ws.setConsensus("mo", "B5", "q-menu", 3, "second view", "", test::rates())
                .problems.front()
                .message;
        }();
        QCOMPARE(messages.texts.front(), QString::fromStdString(refusal));
        // The refused entry is still there to correct.
        QCOMPARE(value->text(), QStringLiteral("3"));
        QCOMPARE(child<QLineEdit>(window, "consensusReasonLineEdit")->text(),
                 QStringLiteral("second view"));
        child<QLineEdit>(window, "consensusChangeReasonLineEdit")
            ->setText(QStringLiteral("the sample menus arrived"));
        QVERIFY(clickAndWait(window, child<QPushButton>(window, "recordConsensusPushButton")));
        QCOMPARE(messages.texts.size(), 1);
        QCOMPARE(table->model()->index(0, ModerationModel::Consensus).data().toString(),
                 QStringLiteral("3"));
    }

    void bidImportIsDisabledInDraftSayingTheTenderMustOpenFirst() {
        QTemporaryDir scratch;
        const QString file = test::emptyWorkspace(scratch);
        MainWindow window;
        QVERIFY(test::openAs(window, file, QStringLiteral("alice")));
        auto* import = child<QPushButton>(window, "importBidsButton");
        QCOMPARE(import->isEnabled(), false);
        QVERIFY2(import->toolTip().contains(QStringLiteral("it is still a draft")),
                 qPrintable(import->toolTip()));
    }

    void priceBlindEvaluatorIsShownNoResultsPricesOrScorecard() {
        QTemporaryDir scratch;
        const QString file = test::emptyWorkspace(scratch, true);
        QVERIFY(test::stepWorkspace(file, test::toEvaluation));
        MainWindow window;
        QVERIFY(test::openAs(window, file, QStringLiteral("eve")));
        const QString why = QStringLiteral("eve sees no prices or results until the results are "
                                           "locked (price-blind evaluation); the lead and "
                                           "auditors see them now.");
        QCOMPARE(child<QTableView>(window, "rankingTableView")->model()->rowCount(), 0);
        QCOMPARE(child<QTableView>(window, "bidsTableView")->model()->rowCount(), 0);
        QCOMPARE(child<QLabel>(window, "bidsHeadingLabel")->text(), why);
        QCOMPARE(child<QLabel>(window, "exportNoticeLabel")->text(), why);
        QCOMPARE(child<QPushButton>(window, "export_scorecard_PushButton")->isEnabled(), false);
        window.setActor(QStringLiteral("alice"));
        QTRY_COMPARE_WITH_TIMEOUT(
            child<QTableView>(window, "rankingTableView")->model()->rowCount(), 6, 20000);
    }

    void evaluatorIsToldModerationIsNotForThem() {
        QTemporaryDir scratch;
        const QString file = test::emptyWorkspace(scratch);
        QVERIFY(test::stepWorkspace(file, test::toModeration));
        MainWindow window;
        QVERIFY(test::openAs(window, file, QStringLiteral("eve")));
        QCOMPARE(child<QTableView>(window, "moderationTableView")->model()->rowCount(), 0);
        QVERIFY(child<QLabel>(window, "moderationNoticeLabel")
                    ->text()
                    .contains(QStringLiteral("not for eve as an evaluator")));
    }

    void priceBlindModeratorSeesTheAbnormallyLowFlagWithoutThePrice() {
        QTemporaryDir scratch;
        const QString file = test::emptyWorkspace(scratch);
        QVERIFY(test::stepWorkspace(file, test::toModeration));
        MainWindow window;
        QVERIFY(test::openAs(window, file, QStringLiteral("mo")));
        auto* lowBid = child<QComboBox>(window, "abnormallyLowBidComboBox");
        QCOMPARE(lowBid->count(), 1);
        QCOMPARE(lowBid->currentText(), QStringLiteral("B6: abnormally low price (prices hidden "
                                                       "until the results are locked)"));
        QCOMPARE(lowBid->isEnabled(), false);
    }

    void lockAwardAndExportTheScorecard() {
        QTemporaryDir scratch;
        const QString file = test::emptyWorkspace(scratch);
        QVERIFY(test::stepWorkspace(file, test::toModerationAgreed));
        MainWindow window;
        test::Messages messages;
        messages.attach(window);
        QVERIFY(test::openAs(window, file, QStringLiteral("alice")));
        window.prompts().text = [](QWidget*, const QString&,
                                   const QString&) -> std::optional<QString> {
            return QStringLiteral("moderation complete");
        };
        auto* advance = child<QAction>(window, "advanceAction");
        QVERIFY(advance->toolTip().contains(
            QStringLiteral("1 abnormally-low decision (decide-abnormally-low) missing: B6")));
        window.showScreen(MainWindow::Screen::Moderation);
        auto* lowBid = child<QComboBox>(window, "abnormallyLowBidComboBox");
        QCOMPARE(lowBid->count(), 1);
        QCOMPARE(lowBid->currentData().toString(), QStringLiteral("B6"));
        QVERIFY2(lowBid->currentText().startsWith(QStringLiteral("B6: price 5,290,000.00 is ")),
                 qPrintable(lowBid->currentText()));
        child<QLineEdit>(window, "abnormallyLowReasonLineEdit")
            ->setText(QStringLiteral("costs explained in clarification"));
        QVERIFY(clickAndWait(window, child<QPushButton>(window, "acceptPricePushButton")));
        // The decided price stays listed with its decision, as the award report gives it.
        QCOMPARE(lowBid->count(), 1);
        QCOMPARE(lowBid->currentText(),
                 QStringLiteral("B6: accepted by alice: costs explained in clarification"));
        QCOMPARE(child<QLabel>(window, "abnormallyLowNoticeLabel")->text(),
                 QStringLiteral("1 price examined, 0 awaiting a decision. Accept the price or "
                                "reject the bid, with the reason."));
        QVERIFY2(advance->isEnabled(), qPrintable(advance->toolTip()));
        QSignalSpy shown(&window, &MainWindow::workspaceShown);
        advance->trigger();
        QVERIFY(shown.wait(20000));
        QVERIFY2(messages.texts.isEmpty(), qPrintable(messages.texts.join(QLatin1Char('\n'))));
        QCOMPARE(stage(window), QStringLiteral("Stage: locked"));

        // The award notice is given today: it may not come before the results were locked.
        const QString today = QString::fromStdString(todayUtc().toString());
        window.prompts().date = [today](QWidget*, const QString&, const QString&,
                                        const QString&) -> std::optional<QString> {
            return today;
        };
        advance->trigger();
        QVERIFY(shown.wait(20000));
        const auto holidays = referenceTables().holidaysOrNull();
        QVERIFY(holidays != nullptr);
        const auto end = standstillEnd(todayUtc(), *holidays);
        QVERIFY(end.has_value());
        const auto& award = window.workspace()->award;
        QVERIFY(award.has_value());
        QCOMPARE(stage(window), QStringLiteral("Stage: awarded to %1; standstill ends %2")
                                    .arg(QString::fromStdString(award->bidId),
                                         QString::fromStdString(end->toString())));

        const QString xlsx = scratch.filePath(QStringLiteral("scorecard.xlsx"));
        window.prompts().saveFile = [&](QWidget*, const QString&, const QString&, const QString&) {
            return xlsx;
        };
        window.showScreen(MainWindow::Screen::Export);
        auto* page = window.findChild<ExportPage*>();
        QSignalSpy exported(page, &ExportPage::exported);
        child<QPushButton>(window, "export_scorecard_PushButton")->click();
        QVERIFY(exported.wait(30000));
        QCOMPARE(exported.front().at(1).toBool(), true);
        QCOMPARE(page->statusOf(QStringLiteral("scorecard")),
                 QStringLiteral("Written to %1").arg(QDir::toNativeSeparators(xlsx)));
        QProcess python;
        python.start(QStringLiteral("/usr/bin/python3"),
                     {QStringLiteral("-c"),
                      QStringLiteral("import openpyxl,sys\n"
                                     "wb = openpyxl.load_workbook(sys.argv[1])\n"
                                     "print(wb.sheetnames)\n"
                                     "cells = [c.value for s in wb for r in s.iter_rows() "
                                     "for c in r]\n"
                                     "print('bids/B1-irwell-kitchen.xml' in cells, "
                                     "'(unreadable)' in cells)"),
                      xlsx});
        QVERIFY(python.waitForFinished(60000));
        const QString sheets = QString::fromUtf8(python.readAllStandardOutput());
        // The stored bid files are named and hashed as a folder would name them.
        QVERIFY2(python.exitCode() == 0 && sheets.contains(QStringLiteral("'Model'")) &&
                     sheets.trimmed().endsWith(QStringLiteral("True False")),
                 qPrintable(sheets + QString::fromUtf8(python.readAllStandardError())));
    }

    void auditFilterByBidNarrowsToTheEntriesAboutThatBid() {
        QTemporaryDir scratch;
        const QString file = test::emptyWorkspace(scratch);
        std::size_t aboutB5 = 0;
        std::size_t all = 0;
        {
            Workspace ws = test::engineWorkspace(file);
            QVERIFY(test::toModeration(ws));
            const auto log = ws.auditLog();
            all = log.size();
            for (const auto& entry : log)
                if (QString::fromStdString(entry.subject)
                        .split(QLatin1Char(' '))
                        .contains(QStringLiteral("B5")))
                    ++aboutB5;
        }
        // B5's bid file and its scores, among entries about the other bids and the panel.
        QVERIFY(aboutB5 > 1 && aboutB5 < all);
        MainWindow window;
        QVERIFY(test::openAs(window, file, QStringLiteral("alice")));
        window.showScreen(MainWindow::Screen::Audit);
        auto* table = child<QTableView>(window, "auditTableView");
        QCOMPARE(static_cast<std::size_t>(table->model()->rowCount()), all);
        child<QLineEdit>(window, "auditBidLineEdit")->setText(QStringLiteral("B5"));
        QCOMPARE(static_cast<std::size_t>(table->model()->rowCount()), aboutB5);
        child<QLineEdit>(window, "auditWhoLineEdit")->setText(QStringLiteral("emma"));
        for (int row = 0; row < table->model()->rowCount(); ++row)
            QCOMPARE(table->model()->index(row, AuditLogModel::Who).data().toString(),
                     QStringLiteral("emma"));
        QVERIFY(table->model()->rowCount() >= 1);
    }

    void auditTimeColumnShowsTheWholeTimestamp() {
        QTemporaryDir scratch;
        const QString file = test::emptyWorkspace(scratch);
        QVERIFY(test::stepWorkspace(file, test::toEvaluation));
        MainWindow window;
        QVERIFY(test::openAs(window, file, QStringLiteral("alice")));
        window.showScreen(MainWindow::Screen::Audit);
        auto* table = child<QTableView>(window, "auditTableView");
        const QString time = table->model()->index(0, AuditLogModel::Time).data().toString();
        QCOMPARE(time.size(), 20); // 2026-03-03T10:15:30Z
        QVERIFY2(table->columnWidth(AuditLogModel::Time) >
                     table->fontMetrics().horizontalAdvance(time),
                 qPrintable(QString::number(table->columnWidth(AuditLogModel::Time))));
    }

    void scoringGridIsHeadedByCriteriaTitlesWithTheIdsInTooltips() {
        QTemporaryDir scratch;
        const QString file = test::emptyWorkspace(scratch);
        QVERIFY(test::stepWorkspace(file, test::toEvaluation));
        MainWindow window;
        QVERIFY(test::openAs(window, file, QStringLiteral("eve")));
        const QAbstractItemModel* grid = child<QTableView>(window, "scoringTableView")->model();
        QCOMPARE(grid->headerData(0, Qt::Horizontal).toString(),
                 QStringLiteral("Menus, nutrition\nand allergen\nmanagement"));
        QCOMPARE(grid->headerData(0, Qt::Horizontal, Qt::ToolTipRole).toString(),
                 QStringLiteral("q-menu: scored 0 to 5"));
    }

    void evaluatorIsNotShownTheAuditLogThatQuotesEveryScore() {
        QTemporaryDir scratch;
        const QString file = test::emptyWorkspace(scratch);
        {
            Workspace ws = test::engineWorkspace(file);
            QVERIFY(test::toEvaluation(ws));
            QVERIFY(ws.submitScore("emma", "B1", "q-menu", 4, "emma's reason", test::rates()).ok());
        }
        MainWindow window;
        QVERIFY(test::openAs(window, file, QStringLiteral("eve")));
        window.showScreen(MainWindow::Screen::Audit);
        QCOMPARE(child<QTableView>(window, "auditTableView")->model()->rowCount(), 0);
        QVERIFY(child<QLabel>(window, "auditNoticeLabel")
                    ->text()
                    .contains(QStringLiteral("lead, moderators and auditors only")));
        QCOMPARE(child<QPushButton>(window, "verifyPushButton")->isEnabled(), true);
    }

    void verifyShowsOkWithTheHeadHash() {
        QTemporaryDir scratch;
        const QString file = test::emptyWorkspace(scratch);
        std::string head;
        {
            Workspace ws = test::engineWorkspace(file);
            QVERIFY(test::toEvaluation(ws));
            head = ws.status().headHash;
        }
        MainWindow window;
        QVERIFY(test::openAs(window, file, QStringLiteral("alice")));
        window.showScreen(MainWindow::Screen::Audit);
        auto* page = window.findChild<AuditPage*>();
        QSignalSpy verified(page, &AuditPage::verified);
        child<QPushButton>(window, "verifyPushButton")->click();
        QVERIFY(verified.wait(30000));
        QCOMPARE(verified.front().at(0).toBool(), true);
        const QString result = child<QLabel>(window, "verifyResultLabel")->text();
        QVERIFY2(
            result.startsWith(QStringLiteral("OK: ")) &&
                result.endsWith(QStringLiteral("Head hash %1").arg(QString::fromStdString(head))),
            qPrintable(result));
    }

    void tamperedScoreShowsTheBrokenEntry() {
        QTemporaryDir scratch;
        const QString file = test::emptyWorkspace(scratch);
        std::int64_t scoreEntry = 0;
        {
            Workspace ws = test::engineWorkspace(file);
            QVERIFY(test::toEvaluation(ws));
            QVERIFY(ws.submitScore("eve", "B1", "q-menu", 3, "fine", test::rates()).ok());
            for (const auto& entry : ws.auditLog())
                if (entry.subject == "B1 q-menu eve")
                    scoreEntry = entry.seq;
        }
        sqlite3* db = nullptr;
        QCOMPARE(sqlite3_open(file.toUtf8().constData(), &db), SQLITE_OK);
        const std::string sql = "UPDATE evaluator_scores SET value = '5' WHERE audit_seq = " +
                                std::to_string(scoreEntry);
        const int rc = sqlite3_exec(db, sql.c_str(), nullptr, nullptr, nullptr);
        const int changed = sqlite3_changes(db);
        sqlite3_close(db);
        QCOMPARE(rc, SQLITE_OK);
        QCOMPARE(changed, 1);
        const VerifyReport expected = verifyWorkspace(file.toStdString());
        QVERIFY(!expected.ok());

        MainWindow window;
        QVERIFY(test::openAs(window, file, QStringLiteral("alice")));
        window.showScreen(MainWindow::Screen::Audit);
        auto* page = window.findChild<AuditPage*>();
        QSignalSpy verified(page, &AuditPage::verified);
        child<QPushButton>(window, "verifyPushButton")->click();
        QVERIFY(verified.wait(30000));
        QCOMPARE(verified.front().at(0).toBool(), false);
        const QString result = child<QLabel>(window, "verifyResultLabel")->text();
        QVERIFY2(result.startsWith(QStringLiteral("BROKEN: ") +
                                   QString::fromStdString(expected.problems.front().message)) &&
                     result.contains(QStringLiteral("audit entry %1").arg(scoreEntry)),
                 qPrintable(result));
    }

    void aWorkspaceThatFailsVerificationOpensUnderARedBannerWithEveryExportDisabled() {
        QTemporaryDir scratch;
        const QString file = test::emptyWorkspace(scratch);
        {
            Workspace ws = test::engineWorkspace(file);
            QVERIFY(test::toEvaluation(ws));
            QVERIFY(ws.submitScore("eve", "B1", "q-menu", 3, "fine", test::rates()).ok());
        }
        sqlite3* db = nullptr;
        QCOMPARE(sqlite3_open(file.toUtf8().constData(), &db), SQLITE_OK);
        QCOMPARE(
            sqlite3_exec(db, "UPDATE evaluator_scores SET value = '5'", nullptr, nullptr, nullptr),
            SQLITE_OK);
        sqlite3_close(db);

        MainWindow window;
        QSignalSpy verified(&window, &MainWindow::workspaceVerified);
        QVERIFY(test::openAs(window, file, QStringLiteral("alice")));
        QVERIFY(verified.count() > 0 || verified.wait(30000));
        auto* banner = child<QLabel>(window, "verificationBannerLabel");
        QVERIFY(!banner->isHidden());
        QVERIFY2(banner->text().contains(QStringLiteral("evaluator_scores row B1 q-menu eve")),
                 qPrintable(banner->text()));
        auto* page = window.findChild<ExportPage*>();
        for (const char* id : {"scorecard", "award-report", "summaries", "ocds"}) {
            QVERIFY2(!page->isEnabled(QString::fromLatin1(id)), id);
            QVERIFY2(page->toolTipOf(QString::fromLatin1(id))
                         .contains(QStringLiteral("fails verification")),
                     id);
        }
    }

    void aWorkspaceInEvaluationOpensOnItsProgressNotOnErrors() {
        QTemporaryDir scratch;
        const QString file = test::emptyWorkspace(scratch);
        {
            Workspace ws = test::engineWorkspace(file);
            QVERIFY(test::toEvaluation(ws));
            QVERIFY(ws.submitScore("eve", "B1", "q-menu", 3, "fine", test::rates()).ok());
            QVERIFY(ws.submitScore("eve", "B2", "q-menu", 4, "good", test::rates()).ok());
        }
        MainWindow window;
        QVERIFY(test::openAs(window, file, QStringLiteral("eve")));
        window.showScreen(MainWindow::Screen::Results);
        QCOMPARE(child<QStackedWidget>(window, "")->currentWidget()->objectName(),
                 QStringLiteral("progressPage"));
        QVERIFY(child<QLabel>(window, "progressHeadingLabel")
                    ->text()
                    .contains(QStringLiteral("the ranking is not final")));
        auto* table = child<QTableView>(window, "progressTableView");
        QAbstractItemModelTester tester(table->model());
        // Criterion, eve, emma, Consensus; q-menu first: eve 2 of 5, emma 0 of 5.
        QCOMPARE(table->model()->headerData(1, Qt::Horizontal).toString(), QStringLiteral("eve"));
        QCOMPARE(table->model()->index(0, 1).data().toString(), QStringLiteral("2 of 5"));
        QCOMPARE(table->model()->index(0, 2).data().toString(), QStringLiteral("0 of 5"));
        QVERIFY(child<QLabel>(window, "progressNextLabel")
                    ->text()
                    .contains(QStringLiteral("evaluator scores missing")));
        QCOMPARE(child<QListWidget>(window, "progressTodoListWidget")->count(), 18);
    }

    void anEvaluatorExportsAScoreSheetFillsItAndImportsItFromTheScoringScreen() {
        QTemporaryDir scratch;
        const QString file = test::emptyWorkspace(scratch);
        QVERIFY(test::stepWorkspace(file, test::toEvaluation));
        MainWindow window;
        test::Messages messages;
        messages.attach(window);
        QVERIFY(test::openAs(window, file, QStringLiteral("eve")));
        window.showScreen(MainWindow::Screen::Scoring);
        const QString sheet = scratch.filePath(QStringLiteral("eve.xlsx"));
        window.prompts().saveFile = [&](QWidget*, const QString&, const QString&, const QString&) {
            return sheet;
        };
        auto* exportSheet = child<QPushButton>(window, "exportScoreSheetPushButton");
        QVERIFY(exportSheet->isEnabled());
        exportSheet->click();
        QVERIFY2(QFileInfo::exists(sheet), qPrintable(messages.texts.join(QLatin1Char('\n'))));

        const QString filled = scratch.filePath(QStringLiteral("eve-filled.xlsx"));
        QProcess python;
        python.start(QStringLiteral("/usr/bin/python3"),
                     {QStringLiteral(FAIRTENDER_SOURCE_DIR "/tests/cli/score_sheet.py"),
                      QStringLiteral("fill"), sheet, filled, QStringLiteral("E7=4"),
                      QStringLiteral("F7=Allergen matrix per school")});
        QVERIFY(python.waitForFinished(30000));
        QCOMPARE(python.exitCode(), 0);
        window.prompts().openFile = [&](QWidget*, const QString&, const QString&, const QString&) {
            return filled;
        };
        QVERIFY(clickAndWait(window, child<QPushButton>(window, "importScoreSheetPushButton")));
        QVERIFY2(messages.texts.isEmpty(), qPrintable(messages.texts.join(QLatin1Char('\n'))));
        QCOMPARE(window.workspace()->status.scores, std::size_t{1});
    }

    void aWorkspaceThatVerifiesShowsNoBanner() {
        QTemporaryDir scratch;
        const QString file = test::emptyWorkspace(scratch);
        MainWindow window;
        QSignalSpy verified(&window, &MainWindow::workspaceVerified);
        QVERIFY(test::openAs(window, file, QStringLiteral("alice")));
        QVERIFY(verified.count() > 0 || verified.wait(30000));
        QCOMPARE(verified.front().at(0).toString(), QString());
        QVERIFY(child<QLabel>(window, "verificationBannerLabel")->isHidden());
    }

    void openingATenderXmlOpensItsFolder() {
        MainWindow window;
        window.open(test::samplePath("school-meals") + QStringLiteral("/tender.xml"));
        QTRY_VERIFY_WITH_TIMEOUT(!window.isBusy() && window.tender() != nullptr, 20000);
        QCOMPARE(QString::fromStdString(window.tender()->folder.string()),
                 QDir(test::samplePath("school-meals")).absolutePath());
        QVERIFY(window.workspace() == nullptr);
    }

    void screenshotOptionPicturesAWorkspaceScreenForThePersonNamed() {
        QTemporaryDir scratch;
        const QString file = test::emptyWorkspace(scratch);
        {
            Workspace ws = test::engineWorkspace(file);
            test::addPanel(ws, true);
        }
        const QString picture = scratch.filePath(QStringLiteral("panel.png"));
        QProcess process;
        QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
        environment.insert(QStringLiteral("XDG_CONFIG_HOME"), scratch.path());
        process.setProcessEnvironment(environment);
        process.start(QStringLiteral(FAIRTENDER_DESKTOP_EXECUTABLE),
                      {file, QStringLiteral("--as"), QStringLiteral("eve"),
                       QStringLiteral("--screenshot"), picture, QStringLiteral("--screen"),
                       QStringLiteral("panel"), QStringLiteral("--size"),
                       QStringLiteral("900x600")});
        QVERIFY(process.waitForFinished(60000));
        QCOMPARE(process.exitCode(), 0);
        QCOMPARE(QImage(picture).size(), QSize(900, 600));
        // eve was remembered as the person acting in that workspace.
        QSettings settings(scratch.filePath(QStringLiteral("Fairtender/fairtender-desktop.conf")),
                           QSettings::IniFormat);
        QCOMPARE(settings.value(QStringLiteral("actingAs")).toMap().value(file).toString(),
                 QStringLiteral("eve"));
    }

    void keyboardShortcutsDialogListsTheWorkspaceShortcuts() {
        MainWindow window;
        child<QAction>(window, "keyboardShortcutsAction")->trigger();
        auto* label = child<QLabel>(window, "shortcutsLabel");
        QVERIFY(label != nullptr);
        for (const char* expected : {"Ctrl+Shift+A", "Ctrl+6", "Ctrl+8", "Ctrl+Shift+N"})
            QVERIFY2(label->text().contains(QString::fromLatin1(expected)), expected);
    }

    void workspaceScreensSayWhyWhenNoWorkspaceIsOpen() {
        MainWindow window;
        window.showScreen(MainWindow::Screen::Scoring);
        QCOMPARE(child<QLabel>(window, "scoringNoticeLabel")->text(),
                 QStringLiteral("Open a workspace (*.ftw) to score its bids."));
        QCOMPARE(child<QAction>(window, "advanceAction")->toolTip(),
                 QStringLiteral("Open a workspace (*.ftw) first"));
    }
};

QTEST_MAIN(WorkspaceScreensTest)
#include "WorkspaceScreensTest.moc"
