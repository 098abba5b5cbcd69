// The desktop main window driven as a user would: open a sample, select cells, open a
// broken folder, use the shortcuts, take a screenshot from the command line.
#include "desktop/MainWindow.h"

#include "DesktopTestSupport.h"
#include "desktop/LoadedTender.h"
#include "desktop/StartPage.h"

#include <QAbstractItemView>
#include <QAction>
#include <QBarSet>
#include <QChartView>
#include <QFile>
#include <QHorizontalStackedBarSeries>
#include <QImage>
#include <QLineEdit>
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
        // Points columns are headed by title; their tooltips start with the node's id.
        for (int c = 0; c < model->columnCount(); ++c)
            if (model->headerData(c, Qt::Horizontal).toString().startsWith(header) ||
                model->headerData(c, Qt::Horizontal, Qt::ToolTipRole)
                    .toString()
                    .startsWith(header + QLatin1Char(':')))
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
        QCOMPARE(series->barSets().front()->label(),
                 QStringLiteral("Total price over three years"));
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

    void typingInTheFilterBoxKeepsOnlyTheBidsContainingIt() {
        MainWindow window;
        window.openFolder(test::samplePath("school-meals"));
        waitUntilShown(window);
        auto* table = window.findChild<QTableView*>(QStringLiteral("rankingTableView"));
        auto* filter = window.findChild<QLineEdit*>(QStringLiteral("resultsFilterLineEdit"));
        QVERIFY(table != nullptr && filter != nullptr);
        QCOMPARE(table->model()->rowCount(), 6);
        filter->setText(QStringLiteral("pennine"));
        QCOMPARE(table->model()->rowCount(), 1);
        QCOMPARE(table->model()->index(0, 1).data().toString(), QStringLiteral("B4"));
        filter->clear();
        QCOMPARE(table->model()->rowCount(), 6);
    }

    void filterMatchesTheStatusWhateverItsCase() {
        MainWindow window;
        window.openFolder(test::samplePath("school-meals"));
        waitUntilShown(window);
        auto* table = window.findChild<QTableView*>(QStringLiteral("rankingTableView"));
        window.findChild<QLineEdit*>(QStringLiteral("resultsFilterLineEdit"))
            ->setText(QStringLiteral("WINNER"));
        QCOMPARE(table->model()->rowCount(), 1);
        QCOMPARE(table->model()->index(0, 0).data().toString(), QStringLiteral("1"));
    }

    void ctrlFPutsTheCursorInTheFilterBox() {
        MainWindow window;
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));
        window.openFolder(test::samplePath("school-meals"));
        waitUntilShown(window);
        auto* table = window.findChild<QTableView*>(QStringLiteral("rankingTableView"));
        auto* filter = window.findChild<QLineEdit*>(QStringLiteral("resultsFilterLineEdit"));
        table->setFocus();
        QVERIFY(!filter->hasFocus());
        QTest::keyClick(table, Qt::Key_F, Qt::ControlModifier);
        QTRY_VERIFY(filter->hasFocus());
    }

    void chartShowsTheTopTwentyWhenMoreBidsAreRanked() {
        QTemporaryDir scratch;
        const QString folder = test::copyOfSchoolMeals(scratch);
        // 24 more bids like B1 (B7 to B30), each with B1's evaluator and consensus scores.
        QFile b1(folder + QStringLiteral("/bids/B1-irwell-kitchen.xml"));
        QFile evaluations(folder + QStringLiteral("/evaluations.xml"));
        QVERIFY(b1.open(QIODevice::ReadOnly) && evaluations.open(QIODevice::ReadOnly));
        const QString bid = QString::fromUtf8(b1.readAll());
        QStringList lines = QString::fromUtf8(evaluations.readAll()).split(QLatin1Char('\n'));
        evaluations.close();
        QStringList ofB1;
        for (const QString& line : lines)
            if (line.contains(QStringLiteral("bid=\"B1\"")))
                ofB1 << line;
        const qsizetype end = lines.indexOf(QStringLiteral("</evaluations>"));
        QVERIFY(end > 0);
        for (int n = 7; n <= 30; ++n) {
            const QString id = QStringLiteral("id=\"B%1\"").arg(n);
            QFile copy(folder + QStringLiteral("/bids/B%1.xml").arg(n));
            QVERIFY(copy.open(QIODevice::WriteOnly));
            copy.write(QString(bid).replace(QStringLiteral("id=\"B1\""), id).toUtf8());
            for (const QString& line : ofB1)
                lines.insert(end, QString(line).replace(QStringLiteral("bid=\"B1\""),
                                                        QStringLiteral("bid=\"B%1\"").arg(n)));
        }
        QVERIFY(evaluations.open(QIODevice::WriteOnly | QIODevice::Truncate));
        evaluations.write(lines.join(QLatin1Char('\n')).toUtf8());
        evaluations.close();

        MainWindow window;
        window.openFolder(folder);
        waitUntilShown(window);
        QVERIFY2(window.tender()->ok(), "the 30-bid folder should evaluate");
        auto* view = window.findChild<QChartView*>(QStringLiteral("pointsChartView"));
        QCOMPARE(view->chart()->title(),
                 QStringLiteral("Points by group, top 20 of 29 ranked bids"));
        auto* series = qobject_cast<QHorizontalStackedBarSeries*>(view->chart()->series().front());
        QCOMPARE(series->barSets().front()->count(), 20);
    }

    void openedFolderBecomesTheFirstRecentFolder() {
        MainWindow window;
        window.openFolder(test::samplePath("highways-maintenance"));
        waitUntilShown(window);
        auto* recent = window.findChild<QListView*>(QStringLiteral("recentListView"));
        const QString folder = QDir(test::samplePath("highways-maintenance")).absolutePath();
        QCOMPARE(recent->model()->index(0, 0).data(StartPage::PathRole).toString(), folder);
        QTRY_VERIFY_WITH_TIMEOUT(recent->model()->index(0, 0).data().toString().endsWith(
                                     QStringLiteral("\ntender folder · ") + folder),
                                 20000);
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
