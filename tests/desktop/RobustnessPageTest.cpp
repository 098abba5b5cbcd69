// The Robustness screen driven as a user would: it weighs the award of the tender shown
// off the GUI thread, shows the verdict, the weight flips and the odds as charts, can be
// cancelled, and a mark flip opens its criterion in the Results.
#include "desktop/RobustnessPage.h"

#include "DesktopTestSupport.h"
#include "DesktopWorkspaceSupport.h"
#include "desktop/LoadedTender.h"
#include "desktop/MainWindow.h"
#include "desktop/ResultsPage.h"

#include <QAction>
#include <QBarSet>
#include <QChartView>
#include <QHorizontalBarSeries>
#include <QHorizontalStackedBarSeries>
#include <QLabel>
#include <QPushButton>
#include <QSignalSpy>
#include <QSpinBox>
#include <QStackedWidget>
#include <QTableView>
#include <QTextEdit>
#include <QtTest>

using namespace fairtender;
using namespace fairtender::desktop;

class RobustnessPageTest : public QObject {
    Q_OBJECT

private:
    QTemporaryDir settings_;

    static void open(MainWindow& window) {
        window.openFolder(test::samplePath("school-meals"));
        QTRY_VERIFY_WITH_TIMEOUT(!window.isBusy() && window.tender() != nullptr, 20000);
    }

    static RobustnessPage* shown(MainWindow& window) {
        window.findChild<QAction*>(QStringLiteral("showRobustnessAction"))->trigger();
        auto* page = window.findChild<RobustnessPage*>(QStringLiteral("robustnessPage"));
        return page;
    }

    // The school meals award weighed once, then again with ten million samples, still
    // running when this returns.
    static RobustnessPage* startLongRun(MainWindow& window) {
        window.show();
        open(window);
        RobustnessPage* page = shown(window);
        if (!QTest::qWaitFor([&] { return !page->isWeighing(); }, 30000))
            return page;
        page->findChild<QSpinBox*>(QStringLiteral("robustnessSamplesSpinBox"))->setValue(10000000);
        page->weigh();
        return page;
    }

private slots:
    void initTestCase() {
        QVERIFY(settings_.isValid());
        test::isolateSettings(settings_);
    }

    // B1 leads on 84.24, far over the close margin of 1.00: a clear winner, first in the
    // odds with the same shares as the engine's default run (10,000 samples, seed 1).
    void openingTheScreenWeighsTheAwardAndShowsTheVerdictAndTheOdds() {
        MainWindow window;
        window.show();
        open(window);
        RobustnessPage* page = shown(window);
        QVERIFY(page != nullptr);
        QTRY_VERIFY_WITH_TIMEOUT(!page->isWeighing() && page->sensitivity() != nullptr, 30000);
        const auto* verdict = page->findChild<QLabel*>(QStringLiteral("robustnessVerdictLabel"));
        QVERIFY2(verdict->text().startsWith(QStringLiteral("B1 wins by ")),
                 qPrintable(verdict->text()));
        QVERIFY(verdict->text().contains(QStringLiteral("a clear winner")));

        const LoadedTender& tender = *window.tender();
        const TenderFolder& folder = *tender.evaluation.folder;
        const AwardSensitivity direct =
            analyseAward(folder.tender, folder.bids, folder.evaluations, *tender.evaluation.result);
        auto* odds = page->findChild<QChartView*>(QStringLiteral("firstPlaceOddsChartView"));
        auto* series = qobject_cast<QHorizontalBarSeries*>(odds->chart()->series().value(0));
        QVERIFY(series != nullptr);
        QBarSet* shares = series->barSets().value(0);
        QCOMPARE(shares->count(), static_cast<int>(direct.odds.bids.size()));
        // Rank 1 on top: the last bar.
        QCOMPARE(shares->at(shares->count() - 1), direct.odds.bids.front().share * 100.0);

        auto* tornado = page->findChild<QChartView*>(QStringLiteral("weightFlipsChartView"));
        auto* flips =
            qobject_cast<QHorizontalStackedBarSeries*>(tornado->chart()->series().value(0));
        QVERIFY(flips != nullptr);
        QCOMPARE(flips->barSets().size(), 2); // down and up
        QCOMPARE(flips->barSets()[0]->count(),
                 static_cast<int>(std::min<std::size_t>(direct.weightFlips.size(), 12)));
    }

    void cancelStopsTheWeighingAndSaysSo() {
        MainWindow window;
        RobustnessPage* page = startLongRun(window);
        QVERIFY(page->isWeighing());
        auto* cancel = page->findChild<QPushButton*>(QStringLiteral("robustnessCancelButton"));
        QVERIFY(cancel->isEnabled());
        QTest::mouseClick(cancel, Qt::LeftButton);
        QTRY_VERIFY_WITH_TIMEOUT(!page->isWeighing(), 30000);
        const auto* verdict = page->findChild<QLabel*>(QStringLiteral("robustnessVerdictLabel"));
        QVERIFY2(verdict->text().startsWith(QStringLiteral("Cancelled")),
                 qPrintable(verdict->text()));
    }

    // A run still going when the page is cleared never shows its figures there.
    void aRunForATenderNoLongerShownIsDropped() {
        MainWindow window;
        RobustnessPage* page = startLongRun(window);
        QVERIFY(page->isWeighing());
        page->showUnavailable(QStringLiteral("Not yours to see."));
        QTRY_VERIFY_WITH_TIMEOUT(!page->isWeighing(), 30000);
        QCOMPARE(page->findChild<QLabel*>(QStringLiteral("robustnessVerdictLabel"))->text(),
                 QStringLiteral("Not yours to see."));
        QVERIFY(page->sensitivity() == nullptr);
        QVERIFY(
            !page->findChild<QPushButton*>(QStringLiteral("robustnessRecordButton"))->isEnabled());
    }

    // The lead of a locked workspace records the run shown; an evaluator may not.
    void theLeadRecordsTheRunShownInTheAuditTrail() {
        QTemporaryDir scratch;
        const QString file = test::emptyWorkspace(scratch);
        {
            Workspace ws = test::engineWorkspace(file);
            test::addPanel(ws, true);
        }
        QVERIFY(test::stepWorkspace(file, test::toLocked));
        MainWindow window;
        window.show();
        QVERIFY(test::openAs(window, file, QStringLiteral("eve")));
        RobustnessPage* page = shown(window);
        QTRY_VERIFY2_WITH_TIMEOUT(
            !page->isWeighing() && page->sensitivity() != nullptr,
            qPrintable(page->findChild<QLabel*>(QStringLiteral("robustnessVerdictLabel"))->text()),
            30000);
        auto* record = page->findChild<QPushButton*>(QStringLiteral("robustnessRecordButton"));
        QVERIFY(!record->isEnabled());
        QVERIFY2(record->toolTip().contains(QStringLiteral("only the lead records")),
                 qPrintable(record->toolTip()));

        QVERIFY(test::openAs(window, file, QStringLiteral("alice")));
        page = shown(window);
        QTRY_VERIFY_WITH_TIMEOUT(!page->isWeighing() && page->sensitivity() != nullptr, 30000);
        QTRY_VERIFY_WITH_TIMEOUT(record->isEnabled(), 20000);
        window.prompts().text = [](QWidget*, const QString&,
                                   const QString&) -> std::optional<QString> {
            return QStringLiteral("checked before the award");
        };
        QSignalSpy recorded(&window, &MainWindow::workspaceShown);
        QTest::mouseClick(record, Qt::LeftButton);
        QVERIFY(recorded.wait(30000));
        const auto& audit = window.workspace()->audit;
        QCOMPARE(audit.back().action, std::string("sensitivity.recorded"));
        QCOMPARE(audit.back().actor, std::string("alice"));
        QCOMPARE(audit.back().reason, std::string("checked before the award"));
    }

    // What opening a mark flip does: the bid's cell in the criterion's group on Results.
    void aCriterionOpensOnTheResultsAtTheBidsCell() {
        MainWindow window;
        window.show();
        open(window);
        auto* results = window.findChild<ResultsPage*>(QStringLiteral("resultsPage"));
        results->showCriterion(QStringLiteral("B2"), QStringLiteral("q-menu"));
        const QModelIndex current = results->rankingView()->currentIndex();
        QVERIFY(current.isValid());
        QCOMPARE(current.sibling(current.row(), 1).data().toString(), QStringLiteral("B2"));
        const auto* explanation =
            window.findChild<QTextEdit*>(QStringLiteral("explanationTextEdit"));
        QVERIFY2(explanation->toPlainText().contains(QStringLiteral("quality: q-menu ")),
                 qPrintable(explanation->toPlainText()));
    }
};

QTEST_MAIN(RobustnessPageTest)
#include "RobustnessPageTest.moc"
