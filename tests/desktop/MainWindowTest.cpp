// The desktop main window driven as a user would: open a sample, select cells, open a
// broken folder, use the shortcuts, take a screenshot from the command line.
#include "desktop/MainWindow.h"

#include "DesktopTestSupport.h"
#include "desktop/LoadedTender.h"

#include <QAbstractItemView>
#include <QAction>
#include <QBarSet>
#include <QChartView>
#include <QFile>
#include <QHorizontalStackedBarSeries>
#include <QImage>
#include <QListView>
#include <QProcess>
#include <QStackedWidget>
#include <QTableView>
#include <QTextEdit>
#include <QtTest>

using namespace fairtender::desktop;

class MainWindowTest : public QObject {
    Q_OBJECT

private:
    QTemporaryDir settings_;

    static void waitUntilShown(MainWindow& window) {
        QTRY_VERIFY_WITH_TIMEOUT(!window.isBusy() && window.tender() != nullptr, 20000);
    }

    static QModelIndex cellOf(const QTableView& view, const QString& bid, const QString& header) {
        const QAbstractItemModel* model = view.model();
        int column = -1;
        for (int c = 0; c < model->columnCount(); ++c)
            if (model->headerData(c, Qt::Horizontal).toString().startsWith(header))
                column = c;
        for (int row = 0; row < model->rowCount(); ++row)
            if (model->index(row, 1).data().toString() == bid)
                return model->index(row, column);
        return {};
    }

private slots:
    void initTestCase() {
        QVERIFY(settings_.isValid());
        test::isolateSettings(settings_);
    }

    void selectingThePriceCellOfB1ShowsItsFormula() {
        MainWindow window;
        window.openFolder(test::samplePath("school-meals"));
        waitUntilShown(window);
        auto* table = window.findChild<QTableView*>(QStringLiteral("rankingTableView"));
        auto* explanation = window.findChild<QTextEdit*>(QStringLiteral("explanationTextEdit"));
        QVERIFY(table != nullptr && explanation != nullptr);
        const QModelIndex price = cellOf(*table, QStringLiteral("B1"), QStringLiteral("price"));
        QVERIFY(price.isValid());
        QCOMPARE(price.data().toString(), QStringLiteral("29.64"));
        table->setCurrentIndex(price);
        QVERIFY2(explanation->toPlainText().contains(QStringLiteral(
                     "price: lowest 5,290,000.00 / this bid 7,140,000.00 x 40 = 29.64")),
                 qPrintable(explanation->toPlainText()));
    }

    void selectingAGroupCellShowsTheSumOfItsCriteria() {
        MainWindow window;
        window.openFolder(test::samplePath("school-meals"));
        waitUntilShown(window);
        auto* table = window.findChild<QTableView*>(QStringLiteral("rankingTableView"));
        auto* explanation = window.findChild<QTextEdit*>(QStringLiteral("explanationTextEdit"));
        table->setCurrentIndex(cellOf(*table, QStringLiteral("B1"), QStringLiteral("Quality")));
        const QString text = explanation->toPlainText();
        QVERIFY2(text.contains(QStringLiteral("quality: q-menu ")) &&
                     text.contains(QStringLiteral(" = 25.80 of 30")),
                 qPrintable(text));
    }

    void selectingAnExcludedBidShowsItsReason() {
        MainWindow window;
        window.openFolder(test::samplePath("school-meals"));
        waitUntilShown(window);
        auto* table = window.findChild<QTableView*>(QStringLiteral("rankingTableView"));
        auto* explanation = window.findChild<QTextEdit*>(QStringLiteral("explanationTextEdit"));
        table->setCurrentIndex(cellOf(*table, QStringLiteral("B4"), QStringLiteral("Status")));
        QVERIFY2(explanation->toPlainText().contains(QStringLiteral("- failed gate insurance")),
                 qPrintable(explanation->toPlainText()));
    }

    void chartHasOneBarSetPerTopLevelGroup() {
        MainWindow window;
        window.openFolder(test::samplePath("school-meals"));
        waitUntilShown(window);
        auto* view = window.findChild<QChartView*>(QStringLiteral("pointsChartView"));
        QVERIFY(view != nullptr && view->chart() != nullptr);
        QCOMPARE(view->chart()->series().size(), 1);
        auto* series = qobject_cast<QHorizontalStackedBarSeries*>(view->chart()->series().front());
        QVERIFY(series != nullptr);
        // price, quality, social-value, locality, rlw, ownership; the gates score nothing.
        QCOMPARE(series->count(), 6);
        QCOMPARE(series->barSets().front()->count(), 5); // the five ranked bids
        QCOMPARE(series->barSets().front()->label(), QStringLiteral("price"));
    }

    void invalidFolderShowsEveryProblemWithFileLineAndColumn() {
        QTemporaryDir scratch;
        const QString folder = test::copyOfSchoolMeals(scratch);
        QFile bid(folder + QStringLiteral("/bids/B1-irwell-kitchen.xml"));
        QVERIFY(bid.open(QIODevice::ReadOnly));
        QByteArray xml = bid.readAll();
        bid.close();
        xml.replace("<price>7140000.00</price>", "<price>seven million</price>");
        QVERIFY(bid.open(QIODevice::WriteOnly | QIODevice::Truncate));
        bid.write(xml);
        bid.close();

        MainWindow window;
        window.openFolder(folder);
        waitUntilShown(window);
        auto* stack = window.findChild<QStackedWidget*>();
        QCOMPARE(stack->currentWidget()->objectName(), QStringLiteral("problemsPage"));
        auto* problems = window.findChild<QListView*>(QStringLiteral("problemsListView"));
        QVERIFY(problems != nullptr && problems->model()->rowCount() >= 1);
        bool located = false;
        for (int row = 0; row < problems->model()->rowCount(); ++row)
            located = located || problems->model()->index(row, 0).data().toString().startsWith(
                                     QStringLiteral("bids/B1-irwell-kitchen.xml:4:"));
        QVERIFY2(located, qPrintable(problems->model()->index(0, 0).data().toString()));
    }

    void missingFolderShowsAProblemInsteadOfCrashing() {
        MainWindow window;
        window.openFolder(QStringLiteral("/nonexistent/tender"));
        waitUntilShown(window);
        auto* problems = window.findChild<QListView*>(QStringLiteral("problemsListView"));
        QCOMPARE(problems->model()->rowCount(), 1);
        QVERIFY(problems->model()->index(0, 0).data().toString().contains(
            QStringLiteral("no such folder")));
    }

    void ctrlOOpensTheChosenFolderAndCtrl3ShowsTheModel() {
        MainWindow window;
        window.setFolderChooser([](QWidget*) { return test::samplePath("home-care"); });
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));
        QTest::keyClick(&window, Qt::Key_O, Qt::ControlModifier);
        waitUntilShown(window);
        QCOMPARE(window.tender()->evaluation.result->tenderId.empty(), false);
        QTest::keyClick(&window, Qt::Key_3, Qt::ControlModifier);
        auto* stack = window.findChild<QStackedWidget*>();
        QCOMPARE(stack->currentWidget()->objectName(), QStringLiteral("modelPage"));
        QTest::keyClick(&window, Qt::Key_1, Qt::ControlModifier);
        QCOMPARE(stack->currentWidget()->objectName(), QStringLiteral("startPage"));
        QTest::keyClick(&window, Qt::Key_2, Qt::ControlModifier);
        QCOMPARE(stack->currentWidget()->objectName(), QStringLiteral("resultsPage"));
    }

    void openedFolderBecomesTheFirstRecentFolder() {
        MainWindow window;
        window.openFolder(test::samplePath("highways-maintenance"));
        waitUntilShown(window);
        auto* recent = window.findChild<QListView*>(QStringLiteral("recentListView"));
        QCOMPARE(recent->model()->index(0, 0).data().toString(),
                 QDir(test::samplePath("highways-maintenance")).absolutePath());
    }

    void screenshotOptionSavesAPictureOfTheResults() {
        QTemporaryDir scratch;
        const QString file = scratch.filePath(QStringLiteral("results.png"));
        QProcess process;
        // The child keeps its recent folders in the scratch folder, not the user's settings.
        QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
        environment.insert(QStringLiteral("XDG_CONFIG_HOME"), scratch.path());
        process.setProcessEnvironment(environment);
        process.start(QStringLiteral(FAIRTENDER_DESKTOP_EXECUTABLE),
                      {test::samplePath("school-meals"), QStringLiteral("--screenshot"), file,
                       QStringLiteral("--size"), QStringLiteral("1000x700")});
        QVERIFY(process.waitForFinished(60000));
        QCOMPARE(process.exitCode(), 0);
        const QImage image(file);
        QCOMPARE(image.size(), QSize(1000, 700));
    }
};

QTEST_MAIN(MainWindowTest)
#include "MainWindowTest.moc"
