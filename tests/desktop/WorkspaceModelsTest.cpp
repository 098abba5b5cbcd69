// The workspace table models checked by Qt's model tester on a real workspace at the
// moderation stage, and the Results table of a workspace against the engine's JSON.
#include "desktop/WorkspaceModels.h"

#include "DesktopWorkspaceSupport.h"
#include "desktop/LoadedTender.h"
#include "desktop/RankingModel.h"
#include "io/json/ResultJson.h"

#include <QAbstractItemModelTester>
#include <QIcon>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTableView>
#include <QtTest>

using namespace fairtender;
using namespace fairtender::desktop;

class WorkspaceModelsTest : public QObject {
    Q_OBJECT

private:
    QTemporaryDir settings_;
    QTemporaryDir scratch_;
    std::shared_ptr<const WorkspaceSnapshot> moderation_; // as mo sees it

private slots:
    void initTestCase() {
        QVERIFY(settings_.isValid() && scratch_.isValid());
        test::isolateSettings(settings_);
        const QString file = test::emptyWorkspace(scratch_);
        QVERIFY(!file.isEmpty());
        {
            Workspace ws = test::engineWorkspace(file);
            QVERIFY(test::toModeration(ws));
            QVERIFY(ws.declareInterests("eve", {{"", "B2", "a relative works there"}}).ok());
        }
        moderation_ = readWorkspaceSnapshot(file.toStdString(), "mo", false);
        QVERIFY(moderation_ && moderation_->ok());
    }

    void panelModelPassesTheModelTesterWithOneRowPerMember() {
        PanelModel model;
        QAbstractItemModelTester tester(&model,
                                        QAbstractItemModelTester::FailureReportingMode::QtTest);
        model.setSnapshot(moderation_);
        QCOMPARE(model.rowCount(), 4);
        QCOMPARE(model.index(1, 3).data().toString(),
                 QStringLiteral("B2 (a relative works there)"));
        model.setSnapshot(nullptr);
        QCOMPARE(model.rowCount(), 0);
    }

    void scoringModelPassesTheModelTesterWithBidsByJudgementCriteria() {
        const auto eve = readWorkspaceSnapshot(moderation_->path, "eve", true);
        ScoringModel model;
        QAbstractItemModelTester tester(&model,
                                        QAbstractItemModelTester::FailureReportingMode::QtTest);
        model.setSnapshot(eve);
        // Six bids; q-menu, q-mobilisation, q-sourcing and sv-plan are judged.
        QCOMPARE(model.rowCount(), 6);
        QCOMPARE(model.columnCount(), 4);
        QCOMPARE(model.headerData(0, Qt::Vertical).toString(), QStringLiteral("Bid A"));
        QCOMPARE(model.index(0, 0).data().toString(), QStringLiteral("3"));
        QCOMPARE(model.index(0, 0).data(ScoringModel::LockedRole).toBool(), true);
        QCOMPARE(model.index(0, 0).data(Qt::DecorationRole).value<QIcon>().isNull(), false);
        QCOMPARE(model.index(0, 0).data(Qt::AccessibleTextRole).toString(),
                 QStringLiteral("3, locked"));
        QCOMPARE(model.index(1, 0).data().toString(), QStringLiteral("conflict"));
    }

    void moderationModelPassesTheModelTesterWithTheWideSpreadFirst() {
        ModerationModel model;
        QAbstractItemModelTester tester(&model,
                                        QAbstractItemModelTester::FailureReportingMode::QtTest);
        model.setSnapshot(moderation_);
        QCOMPARE(static_cast<std::size_t>(model.rowCount()), moderation_->agenda.size());
        QCOMPARE(model.columnCount(), ModerationModel::FirstEvaluator + 2);
        QCOMPARE(model.headerData(ModerationModel::FirstEvaluator, Qt::Horizontal).toString(),
                 QStringLiteral("eve"));
        QCOMPARE(model.index(0, ModerationModel::Mean).data().toString(), QStringLiteral("2.50"));
    }

    void auditModelAndFilterPassTheModelTester() {
        AuditLogModel model;
        AuditFilterModel filter;
        QAbstractItemModelTester tester(&model,
                                        QAbstractItemModelTester::FailureReportingMode::QtTest);
        QAbstractItemModelTester filterTester(
            &filter, QAbstractItemModelTester::FailureReportingMode::QtTest);
        filter.setSourceModel(&model);
        model.setSnapshot(moderation_);
        QCOMPARE(static_cast<std::size_t>(model.rowCount()), moderation_->audit.size());
        QCOMPARE(model.index(0, AuditLogModel::Seq).data().toLongLong(), 1LL);
        filter.setWho(QStringLiteral("mo"));
        // mo's only entry is the declaration.
        QCOMPARE(filter.rowCount(), 1);
        filter.setWho({});
        filter.setText(QStringLiteral("all scored"));
        QCOMPARE(filter.rowCount(), 1);
    }

    void workspaceResultsTableEqualsTheEnginesJson() {
        QTemporaryDir scratch;
        const QString file = test::emptyWorkspace(scratch, true);
        std::string json;
        {
            Workspace ws = test::engineWorkspace(file);
            QVERIFY(ws.addPanelMember("alice", "alice", PanelRole::Lead).ok());
            const FolderEvaluation evaluation = ws.evaluate(test::rates());
            QVERIFY(evaluation.result.has_value());
            json = toJson(*evaluation.result);
        }
        MainWindow window;
        QVERIFY(test::openAs(window, file, QStringLiteral("alice")));
        auto* table = window.findChild<QTableView*>(QStringLiteral("rankingTableView"));
        const QAbstractItemModel* model = table->model();
        int rank = -1, bid = -1, total = -1, status = -1;
        for (int c = 0; c < model->columnCount(); ++c) {
            const QString header = model->headerData(c, Qt::Horizontal).toString();
            if (header == QStringLiteral("Rank"))
                rank = c;
            else if (header == QStringLiteral("Bid"))
                bid = c;
            else if (header == QStringLiteral("Total"))
                total = c;
            else if (header == QStringLiteral("Status"))
                status = c;
        }
        QVERIFY(rank >= 0 && bid >= 0 && total >= 0 && status >= 0);
        const QJsonArray bids = QJsonDocument::fromJson(QByteArray::fromStdString(json))
                                    .object()[QStringLiteral("bids")]
                                    .toArray();
        QCOMPARE(model->rowCount(), 6);
        QCOMPARE(bids.size(), 6);
        int compared = 0;
        for (const auto& value : bids) {
            const QJsonObject expected = value.toObject();
            for (int row = 0; row < model->rowCount(); ++row) {
                if (model->index(row, bid).data().toString() !=
                    expected[QStringLiteral("id")].toString())
                    continue;
                const bool ranked =
                    expected[QStringLiteral("status")].toString() == QStringLiteral("ranked");
                QVERIFY(model->index(row, status)
                            .data()
                            .toString()
                            .startsWith(ranked ? QStringLiteral("Ranked")
                                               : QStringLiteral("Excluded")));
                QCOMPARE(model->index(row, rank).data().toString(),
                         ranked ? QString::number(expected[QStringLiteral("rank")].toInt())
                                : QStringLiteral("-"));
                if (ranked)
                    QCOMPARE(model->index(row, total).data().toString(),
                             QString::number(expected[QStringLiteral("total")].toDouble(), 'f', 2));
                ++compared;
            }
        }
        QCOMPARE(compared, 6);
        // The first row is the engine's winner.
        QCOMPARE(model->index(0, bid).data().toString(),
                 QJsonDocument::fromJson(QByteArray::fromStdString(json))
                     .object()[QStringLiteral("winner")]
                     .toString());
    }
};

QTEST_MAIN(WorkspaceModelsTest)
#include "WorkspaceModelsTest.moc"
