// The Bids screen and the all-or-nothing import of bid files, driven as a user would: the
// bid table of a sample, a valid import that the Results screen then ranks, and refused
// imports that change nothing and list every problem.
#include "DesktopTestSupport.h"
#include "desktop/BidImport.h"
#include "desktop/BidTableModel.h"
#include "desktop/LoadedTender.h"
#include "desktop/MainWindow.h"

#include <QAbstractItemModelTester>
#include <QAction>
#include <QDialog>
#include <QFile>
#include <QListView>
#include <QSignalSpy>
#include <QStackedWidget>
#include <QTableView>
#include <QtTest>

using namespace fairtender::desktop;

class BidsPageTest : public QObject {
    Q_OBJECT

private:
    QTemporaryDir settings_;

    static void waitUntilShown(MainWindow& window) {
        QTRY_VERIFY_WITH_TIMEOUT(!window.isBusy() && window.tender() != nullptr, 20000);
    }

    static QByteArray readAll(const QString& path) {
        QFile file(path);
        return file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray();
    }

    static void writeAll(const QString& path, const QByteArray& bytes) {
        QFile file(path);
        QVERIFY(file.open(QIODevice::WriteOnly | QIODevice::Truncate));
        file.write(bytes);
    }

    // B2's bid as a new bid B7 from another supplier, written outside the folder.
    static QString newBidB7(const QTemporaryDir& into, const QString& folder) {
        QByteArray xml = readAll(folder + QStringLiteral("/bids/B2-eccles-community-food.xml"));
        xml.replace("id=\"B2\"", "id=\"B7\"");
        xml.replace("Eccles Community Food CIC", "Salford Lads Kitchen Ltd");
        const QString path = into.filePath(QStringLiteral("B7-salford-lads.xml"));
        writeAll(path, xml);
        return path;
    }

    // The panel's consensus scores for B7, which the folder needs once B7 is in it.
    static void addScoresForB7(const QString& folder) {
        const QString path = folder + QStringLiteral("/evaluations.xml");
        QByteArray xml = readAll(path);
        xml.replace("</evaluations>",
                    "  <consensus bid=\"B7\" criterion=\"q-menu\" value=\"3\" moderator=\"M1\">"
                    "Agreed.</consensus>\n"
                    "  <consensus bid=\"B7\" criterion=\"q-mobilisation\" value=\"3\" "
                    "moderator=\"M1\">Agreed.</consensus>\n"
                    "  <consensus bid=\"B7\" criterion=\"q-sourcing\" value=\"4\" "
                    "moderator=\"M1\">Agreed.</consensus>\n"
                    "  <consensus bid=\"B7\" criterion=\"sv-plan\" value=\"60\" "
                    "moderator=\"M1\">Agreed.</consensus>\n</evaluations>");
        writeAll(path, xml);
    }

    static QStringList rowsOf(const QAbstractItemModel& model) {
        QStringList rows;
        for (int row = 0; row < model.rowCount(); ++row)
            rows << model.index(row, 0).data().toString();
        return rows;
    }

    static QStringList bidFiles(const QString& folder) {
        return QDir(folder + QStringLiteral("/bids")).entryList(QDir::Files, QDir::Name);
    }

    // Imports `files` through Ctrl+I into the folder open in `window`; returns whether they were
    // imported.
    static bool importThroughShortcut(MainWindow& window, const QStringList& files) {
        window.setBidFilesChooser([files](QWidget*) { return files; });
        QSignalSpy finished(&window, &MainWindow::importFinished);
        window.show(); // shortcuts reach only a visible window
        if (!QTest::qWaitForWindowExposed(&window))
            return false;
        QTest::keyClick(&window, Qt::Key_I, Qt::ControlModifier);
        if (!finished.wait(30000))
            return false;
        return finished.front().front().toBool();
    }

private slots:
    void initTestCase() {
        QVERIFY(settings_.isValid());
        test::isolateSettings(settings_);
    }

    void bidTableModelPassesTheModelTester() {
        const auto tender = loadTender(test::samplePath("school-meals").toStdString());
        BidTableModel model;
        QAbstractItemModelTester tester(&model,
                                        QAbstractItemModelTester::FailureReportingMode::QtTest);
        model.setTender(tender);
        QCOMPARE(model.rowCount(), 6);
        QCOMPARE(model.columnCount(), 10);
        model.setTender(nullptr);
        QCOMPARE(model.rowCount(), 0);
    }

    void wholeLifeBidShowsItsYearsInsteadOfAPrice() {
        BidTableModel model;
        model.setTender(loadTender(test::samplePath("highways-maintenance").toStdString()));
        QVERIFY(model.rowCount() >= 1);
        QCOMPARE(model.index(0, BidTableModel::IdColumn).data().toString(), QStringLiteral("H1"));
        QCOMPARE(model.index(0, BidTableModel::PriceColumn).data().toString(),
                 QStringLiteral("whole life: 5 years"));
    }

    void ctrl4ShowsTheSixSchoolMealsBidsWithB1SupplierAndPrice() {
        MainWindow window;
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));
        window.openFolder(test::samplePath("school-meals"));
        waitUntilShown(window);
        QTest::keyClick(&window, Qt::Key_4, Qt::ControlModifier);
        auto* stack = window.findChild<QStackedWidget*>();
        QCOMPARE(stack->currentWidget()->objectName(), QStringLiteral("bidsPage"));
        auto* table = window.findChild<QTableView*>(QStringLiteral("bidsTableView"));
        QVERIFY(table != nullptr);
        const QAbstractItemModel& model = *table->model();
        QCOMPARE(model.rowCount(), 6);
        QCOMPARE(model.index(0, BidTableModel::IdColumn).data().toString(), QStringLiteral("B1"));
        QCOMPARE(model.index(0, BidTableModel::SupplierColumn).data().toString(),
                 QStringLiteral("Irwell Kitchen Workers' Co-operative Ltd"));
        QCOMPARE(model.index(0, BidTableModel::PriceColumn).data().toString(),
                 QStringLiteral("7,140,000.00"));
        QCOMPARE(model.index(0, BidTableModel::OwnershipColumn).data().toString(),
                 QStringLiteral("worker-cooperative"));
        QCOMPARE(model.index(0, BidTableModel::CommitmentsColumn).data().toInt(), 5);
        QCOMPARE(model.index(0, BidTableModel::FileColumn).data().toString(),
                 QStringLiteral("bids/B1-irwell-kitchen.xml"));
    }

    void importingAValidBidAddsItAndTheResultsRankIt() {
        QTemporaryDir scratch;
        const QString folder = test::copyOfSchoolMeals(scratch);
        const QString b7 = newBidB7(scratch, folder);
        addScoresForB7(folder); // the folder alone is now invalid: B7 is scored but absent

        MainWindow window;
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));
        window.openFolder(folder);
        waitUntilShown(window);
        QVERIFY(!window.tender()->ok());
        QSignalSpy shown(&window, &MainWindow::tenderShown);
        QVERIFY(importThroughShortcut(window, {b7}));
        QTRY_VERIFY_WITH_TIMEOUT(shown.count() == 1 && !window.isBusy(), 20000);

        QVERIFY(QFile::exists(folder + QStringLiteral("/bids/B7-salford-lads.xml")));
        QVERIFY(window.tender()->ok());
        auto* bids = window.findChild<QTableView*>(QStringLiteral("bidsTableView"));
        QCOMPARE(bids->model()->rowCount(), 7);
        auto* ranking = window.findChild<QTableView*>(QStringLiteral("rankingTableView"));
        QModelIndex b7Rank;
        for (int row = 0; row < ranking->model()->rowCount(); ++row)
            if (ranking->model()->index(row, 1).data().toString() == QStringLiteral("B7"))
                b7Rank = ranking->model()->index(row, 0);
        QVERIFY(b7Rank.isValid());
        QCOMPARE(b7Rank.data().toString(), QStringLiteral("4")); // 73.19 points, after B5's 73.80
    }

    void importingTwoFilesWhereOneHasAnErrorImportsNeither() {
        QTemporaryDir scratch;
        const QString folder = test::copyOfSchoolMeals(scratch);
        const QString b7 = newBidB7(scratch, folder);
        addScoresForB7(folder);
        QByteArray broken = readAll(folder + QStringLiteral("/bids/B3-worsley-fresh.xml"));
        broken.replace("id=\"B3\"", "id=\"B8\"");
        broken.replace("<price>6980000.00</price>", "<price>seven million</price>");
        const QString b8 = scratch.filePath(QStringLiteral("B8-broken.xml"));
        writeAll(b8, broken);
        const QStringList before = bidFiles(folder);

        MainWindow window;
        window.openFolder(folder);
        waitUntilShown(window);
        QVERIFY(!importThroughShortcut(window, {b7, b8}));

        QCOMPARE(bidFiles(folder), before);
        auto* dialog = window.findChild<QDialog*>(QStringLiteral("importProblemsDialog"));
        QVERIFY(dialog != nullptr && dialog->isVisible());
        auto* list = dialog->findChild<QListView*>(QStringLiteral("importProblemsListView"));
        QVERIFY(list != nullptr);
        const QStringList rows = rowsOf(*list->model());
        bool located = false;
        for (const QString& row : rows)
            located = located || row.startsWith(QStringLiteral("bids/B8-broken.xml:4:"));
        QVERIFY2(located, qPrintable(rows.join(QLatin1Char('\n'))));
    }

    void aFileWhoseNameIsAlreadyInTheFolderIsRefused() {
        QTemporaryDir scratch;
        const QString folder = test::copyOfSchoolMeals(scratch);
        const QString sameName = scratch.filePath(QStringLiteral("B1-irwell-kitchen.xml"));
        QVERIFY(QFile::copy(folder + QStringLiteral("/bids/B1-irwell-kitchen.xml"), sameName));
        const QByteArray original = readAll(folder + QStringLiteral("/bids/B1-irwell-kitchen.xml"));
        writeAll(sameName, original + "<!-- a later copy -->\n");

        MainWindow window;
        window.openFolder(folder);
        waitUntilShown(window);
        QVERIFY(!importThroughShortcut(window, {sameName}));

        QCOMPARE(readAll(folder + QStringLiteral("/bids/B1-irwell-kitchen.xml")), original);
        auto* dialog = window.findChild<QDialog*>(QStringLiteral("importProblemsDialog"));
        QVERIFY(dialog != nullptr);
        const QStringList rows = rowsOf(
            *dialog->findChild<QListView*>(QStringLiteral("importProblemsListView"))->model());
        QCOMPARE(rows.size(), 1);
        QVERIFY2(rows.front().startsWith(QStringLiteral(
                     "bids/B1-irwell-kitchen.xml: the folder already has a bid file of this name")),
                 qPrintable(rows.front()));
    }

    void checkWithCancelImportsNothingAndSaysSo() {
        QTemporaryDir scratch;
        const QString folder = test::copyOfSchoolMeals(scratch);
        const QString b7 = newBidB7(scratch, folder);
        const BidImportCheck check = checkBidImport(folder, {b7}, [](int done, int total) {
            return done < total; // stop once everything is checked, before the verdict
        });
        QVERIFY(check.cancelled);
        QVERIFY(!check.ok());
    }
};

QTEST_MAIN(BidsPageTest)
#include "BidsPageTest.moc"
