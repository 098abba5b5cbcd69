// The desktop's item models over engine results: they pass Qt's model checker and show
// the engine's numbers for the school-meals sample.
#include "DesktopTestSupport.h"
#include "desktop/DiagnosticListModel.h"
#include "desktop/LoadedTender.h"
#include "desktop/ModelEditorModel.h"
#include "desktop/RankingColumns.h"
#include "desktop/RankingModel.h"
#include "desktop/TenderDocument.h"
#include "model/Tender.h"

#include <QAbstractItemModelTester>
#include <QtTest>

using namespace fairtender;
using namespace fairtender::desktop;

class ModelsTest : public QObject {
    Q_OBJECT

private:
    std::shared_ptr<const LoadedTender> schoolMeals_;

    static int columnHeaded(const QAbstractItemModel& model, const QString& prefix) {
        for (int column = 0; column < model.columnCount(); ++column)
            if (model.headerData(column, Qt::Horizontal).toString().startsWith(prefix) ||
                model.headerData(column, Qt::Horizontal, Qt::ToolTipRole)
                    .toString()
                    .startsWith(prefix + QLatin1Char(':')))
                return column;
        return -1;
    }

private slots:
    void initTestCase() {
        schoolMeals_ = loadTender(test::samplePath("school-meals").toStdString());
        QVERIFY(schoolMeals_ != nullptr);
        QVERIFY2(schoolMeals_->ok(), schoolMeals_->diagnostics.empty()
                                         ? "not evaluated"
                                         : schoolMeals_->diagnostics.front().toString().c_str());
    }

    void rankingModelPassesTheModelTester() {
        RankingModel model;
        QAbstractItemModelTester tester(&model,
                                        QAbstractItemModelTester::FailureReportingMode::QtTest);
        model.setTender(schoolMeals_);
        QCOMPARE(model.rowCount(), 6); // five ranked, B4 excluded
        model.setTender(nullptr);
        QCOMPARE(model.rowCount(), 0);
    }

    void rankingShowsWinnerB1With8424() {
        RankingModel model;
        model.setTender(schoolMeals_);
        const int total = columnHeaded(model, QStringLiteral("Total"));
        QCOMPARE(model.index(0, 0).data().toString(), QStringLiteral("1"));
        QCOMPARE(model.index(0, 1).data().toString(), QStringLiteral("B1"));
        QCOMPARE(model.index(0, total).data().toString(), QStringLiteral("84.24"));
        QCOMPARE(model.index(0, total).data(RankingModel::SortRole).toDouble(), 84.24);
    }

    void rankingShowsTheExcludedBidWithItsReason() {
        RankingModel model;
        model.setTender(schoolMeals_);
        const int status = columnHeaded(model, QStringLiteral("Status"));
        QCOMPARE(model.index(5, 1).data().toString(), QStringLiteral("B4"));
        QCOMPARE(model.index(5, 0).data().toString(), QStringLiteral("-"));
        QCOMPARE(model.index(5, status).data().toString(),
                 QStringLiteral("Excluded: failed gate insurance"));
    }

    void rankingShowsFlags() {
        RankingModel model;
        model.setTender(schoolMeals_);
        const int flags = columnHeaded(model, QStringLiteral("Flags"));
        QCOMPARE(model.index(2, 1).data().toString(), QStringLiteral("B5"));
        QVERIFY(
            model.index(2, flags).data().toString().startsWith(QStringLiteral("evaluator-spread")));
        QCOMPARE(model.index(3, 1).data().toString(), QStringLiteral("B3"));
        QVERIFY(model.index(3, flags).data().toString().startsWith(QStringLiteral("unmoderated")));
    }

    void rankingHasOnePointsColumnPerScoredTopLevelNode() {
        RankingModel model;
        model.setTender(schoolMeals_);
        // price 40, quality 30, social value 15, locality 5, living wage 5, ownership 5.
        QCOMPARE(model.headerData(columnHeaded(model, QStringLiteral("price")), Qt::Horizontal)
                     .toString(),
                 QStringLiteral("Total price over\nthree years (40)"));
        QCOMPARE(model.headerData(columnHeaded(model, QStringLiteral("Quality")), Qt::Horizontal)
                     .toString(),
                 QStringLiteral("Quality (30)"));
        const auto columns = rankingColumns(schoolMeals_->evaluation.folder->tender,
                                            *schoolMeals_->evaluation.result);
        QCOMPARE(std::count_if(columns.begin(), columns.end(), isPointsColumn), 6);
    }

    void modelTreePassesTheModelTesterAndNestsCriteria() {
        TenderDocument document;
        ModelEditorModel model(&document);
        QAbstractItemModelTester tester(&model,
                                        QAbstractItemModelTester::FailureReportingMode::QtTest);
        document.setTender(schoolMeals_->evaluation.folder->tender);
        // price, quality, social-value, locality, rlw, ownership, two gates.
        QCOMPARE(model.rowCount(), 8);
        const QModelIndex quality = model.index(1, ModelEditorModel::Id);
        QCOMPARE(quality.data().toString(), QStringLiteral("quality"));
        QCOMPARE(model.rowCount(quality), 3);
        const QModelIndex menu = model.index(0, ModelEditorModel::Weight, quality);
        QCOMPARE(menu.data().toString(), QStringLiteral("40")); // 40% of quality's 30
        QCOMPARE(menu.parent(), quality);
    }

    void diagnosticListPassesTheModelTesterAndShowsLocations() {
        DiagnosticListModel model;
        QAbstractItemModelTester tester(&model,
                                        QAbstractItemModelTester::FailureReportingMode::QtTest);
        model.setDiagnostics({errorAt({"bids/B1.xml", 4, 10}, "price is not a number")});
        QCOMPARE(model.index(0).data().toString(),
                 QStringLiteral("bids/B1.xml:4:10: price is not a number"));
    }
};

QTEST_MAIN(ModelsTest)
#include "ModelsTest.moc"
