// The desktop enables its workspace actions from the engine's rules (lifecycle/PanelRules),
// the same the store enforces: at every stage and for every role, each control is enabled
// exactly when the rule allows the person acting, and never when it refuses.
#include "DesktopWorkspaceSupport.h"
#include "core/Date.h"
#include "lifecycle/PanelRules.h"

#include <QAction>
#include <QLineEdit>
#include <QPushButton>
#include <QtTest>

#include <map>
#include <memory>
#include <vector>

using namespace fairtender;
using namespace fairtender::desktop;
using fairtender::desktop::test::child;

class PanelRulesScreensTest : public QObject {
    Q_OBJECT

private:
    QTemporaryDir settings_;
    std::vector<std::unique_ptr<QTemporaryDir>> folders_;
    std::map<LifecycleState, QString> workspaces_; // one workspace brought to each stage

    // alice leads, eve and emma evaluate, mo moderates, ann audits; all declared.
    QString workspaceAt(LifecycleState stage) {
        const QTemporaryDir& into = *folders_.emplace_back(std::make_unique<QTemporaryDir>());
        const QString file = test::emptyWorkspace(into);
        Workspace ws = test::engineWorkspace(file);
        if (stage == LifecycleState::Draft) {
            for (const auto& [name, role] :
                 {std::pair{"alice", PanelRole::Lead}, std::pair{"eve", PanelRole::Evaluator},
                  std::pair{"mo", PanelRole::Moderator}, std::pair{"ann", PanelRole::Auditor}})
                ws.addPanelMember("alice", name, role);
            return file;
        }
        test::addPanel(ws, true);
        ws.addPanelMember("alice", "ann", PanelRole::Auditor);
        ws.declareInterests("ann", {});
        bool reached = true;
        switch (stage) {
        case LifecycleState::Draft:
        case LifecycleState::Open:
            break;
        case LifecycleState::Evaluation:
            reached =
                ws.advance("alice", LifecycleState::Evaluation, "bids opened", test::rates()).ok();
            break;
        case LifecycleState::Moderation:
            reached = test::toModeration(ws);
            break;
        case LifecycleState::Locked:
            reached = test::toLocked(ws);
            break;
        case LifecycleState::Awarded:
            reached = test::toLocked(ws) &&
                      ws.advance("alice", LifecycleState::Awarded, "approved", test::rates(),
                                 referenceTables().holidaysOrNull(), todayUtc())
                          .ok();
            break;
        }
        return reached && ws.state() == stage ? file : QString();
    }

    void compareAt(LifecycleState stage) {
        const QString file = workspaces_.at(stage);
        QVERIFY2(!file.isEmpty(), "the workspace did not reach its stage");
        const PanelRecord panel = test::engineWorkspace(file).panel();
        MainWindow window;
        for (const char* who : {"alice", "eve", "mo", "ann", "zed"}) {
            const QString actor = QString::fromLatin1(who);
            QVERIFY(test::openAs(window, file, actor));
            const std::string at = std::string(toString(stage)) + " acting as " + who + ": ";
            const auto allows = [&](WorkspaceAction action) {
                return mayTake(action, panel, stage, who);
            };
            QVERIFY2(child<QAction>(window, "importBidsAction")->isEnabled() ==
                         allows(WorkspaceAction::ImportBids),
                     (at + "import bids").c_str());
            QVERIFY2(child<QLineEdit>(window, "scoreValueLineEdit")->isEnabled() ==
                         allows(WorkspaceAction::Score),
                     (at + "score").c_str());
            // Moving on also needs what the next stage needs: enabled only when the rule
            // allows it, and refused by the rule whenever the rule refuses.
            if (child<QAction>(window, "advanceAction")->isEnabled())
                QVERIFY2(allows(WorkspaceAction::Advance), (at + "advance").c_str());
            if (!allows(WorkspaceAction::Advance))
                QVERIFY2(!child<QAction>(window, "advanceAction")->isEnabled(),
                         (at + "advance").c_str());
            // Deciding on a price also needs a flagged price; agreeing a consensus a row.
            if (child<QPushButton>(window, "acceptPricePushButton")->isEnabled())
                QVERIFY2(allows(WorkspaceAction::DecideAbnormallyLow),
                         (at + "decide on an abnormally low price").c_str());
            if (child<QPushButton>(window, "recordConsensusPushButton")->isEnabled())
                QVERIFY2(allows(WorkspaceAction::SetConsensus), (at + "agree a consensus").c_str());
        }
    }

private slots:
    void initTestCase() {
        QVERIFY(settings_.isValid());
        test::isolateSettings(settings_);
        for (const auto stage :
             {LifecycleState::Draft, LifecycleState::Open, LifecycleState::Evaluation,
              LifecycleState::Moderation, LifecycleState::Locked, LifecycleState::Awarded})
            workspaces_[stage] = workspaceAt(stage);
    }

    void draftControlsFollowTheRules() { compareAt(LifecycleState::Draft); }
    void openControlsFollowTheRules() { compareAt(LifecycleState::Open); }
    void evaluationControlsFollowTheRules() { compareAt(LifecycleState::Evaluation); }
    void moderationControlsFollowTheRules() { compareAt(LifecycleState::Moderation); }
    void lockedControlsFollowTheRules() { compareAt(LifecycleState::Locked); }
    void awardedControlsFollowTheRules() { compareAt(LifecycleState::Awarded); }

    void theLeadMayDecideTheFlaggedPriceDuringModeration() {
        MainWindow window;
        QVERIFY(test::openAs(window, workspaces_.at(LifecycleState::Moderation),
                             QStringLiteral("alice")));
        QCOMPARE(child<QPushButton>(window, "acceptPricePushButton")->isEnabled(), true);
    }
};

QTEST_MAIN(PanelRulesScreensTest)
#include "PanelRulesScreensTest.moc"
