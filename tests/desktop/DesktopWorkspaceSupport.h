// Shared set-up for the desktop workspace tests: a school meals workspace made through the
// engine in a throwaway folder, with the panel of the engine's workflow tests (alice the
// lead, eve and emma evaluators, mo the moderator) brought to the stage a test needs.
#pragma once

#include "DesktopTestSupport.h"
#include "desktop/MainWindow.h"
#include "desktop/Prompts.h"
#include "desktop/WorkspaceAccess.h"
#include "store/Workspace.h"

#include <QFile>
#include <QSignalSpy>
#include <QStringList>
#include <QTableView>
#include <QTemporaryDir>
#include <QtTest>

#include <filesystem>
#include <optional>
#include <string>

namespace fairtender::desktop::test {

inline const LivingWageTable* rates() {
    return referenceTables().ratesOrNull();
}

// School meals without its evaluations.xml, stored in `into`/meals.ftw by alice, with
// nobody on the panel yet; returns the workspace's path.
inline QString emptyWorkspace(const QTemporaryDir& into, bool withEvaluations = false) {
    const QString folder = copyOfSchoolMeals(into);
    if (!withEvaluations)
        QFile::remove(folder + QStringLiteral("/evaluations.xml"));
    const QString file = into.filePath(QStringLiteral("meals.ftw"));
    const auto created =
        Workspace::createFromFolder(folder.toStdString(), file.toStdString(), "alice", rates());
    return created.ok() ? file : QString();
}

// Opens `file` with the engine for a test's own steps.
inline Workspace engineWorkspace(const QString& file) {
    auto opened = Workspace::open(file.toStdString());
    return std::move(*opened.workspace);
}

// alice (lead), eve and emma (evaluators), mo (moderator); declared when `declare`. A
// workspace still in draft is then opened by alice, as a lead does once the panel is set up.
inline void addPanel(Workspace& ws, bool declare) {
    ws.addPanelMember("alice", "alice", PanelRole::Lead);
    if (ws.state() == LifecycleState::Draft)
        ws.advance("alice", LifecycleState::Open, "tender published", rates());
    ws.addPanelMember("alice", "eve", PanelRole::Evaluator);
    ws.addPanelMember("alice", "emma", PanelRole::Evaluator);
    ws.addPanelMember("alice", "mo", PanelRole::Moderator);
    if (declare)
        for (const char* name : {"alice", "eve", "emma", "mo"})
            ws.declareInterests(name, {});
}

inline bool toEvaluation(Workspace& ws) {
    addPanel(ws, true);
    return ws.advance("alice", LifecycleState::Evaluation, "bids opened", rates()).ok();
}

// Every item scored alike by eve and emma, except B5 q-menu: eve 1, emma 4 (a spread of 3
// over the threshold of 2, 40% of the scale 5).
inline void scoreEverything(Workspace& ws) {
    const auto folder = ws.loadFolder(rates()).folder;
    for (const auto& item : judgementsNeeded(folder->tender, folder->bids)) {
        const bool split = item.bidId == "B5" && item.criterionId == "q-menu";
        const double base = item.criterionId == "sv-plan" ? 60 : 3;
        ws.submitScore("eve", item.bidId, item.criterionId, split ? 1 : base, "reason of eve",
                       rates());
        ws.submitScore("emma", item.bidId, item.criterionId, split ? 4 : base, "reason of emma",
                       rates());
    }
}

inline bool toModeration(Workspace& ws) {
    if (!toEvaluation(ws))
        return false;
    scoreEverything(ws);
    return ws.advance("alice", LifecycleState::Moderation, "all scored", rates()).ok();
}

// toModeration, then mo agrees every consensus: the evaluators' mean, and 3 on B5 q-menu
// (where eve gave 1 and emma 4), so the tender may be locked.
inline bool toModerationAgreed(Workspace& ws) {
    if (!toModeration(ws))
        return false;
    for (const auto& item : ws.moderationAgenda(rates())) {
        const bool split = item.bidId == "B5" && item.criterionId == "q-menu";
        if (!ws.setConsensus("mo", item.bidId, item.criterionId, split ? 3 : item.mean, "agreed",
                             "", rates())
                 .ok())
            return false;
    }
    return true;
}

// toModerationAgreed, then alice accepts B6's abnormally low price and locks the results.
inline bool toLocked(Workspace& ws) {
    return toModerationAgreed(ws) &&
           ws.decideAbnormallyLow("alice", "B6", true, "costs explained", rates()).ok() &&
           ws.advance("alice", LifecycleState::Locked, "moderation complete", rates()).ok();
}

// Takes the workspace `file` a step on through the engine (toEvaluation, toModeration,
// toModerationAgreed, toLocked) and closes it again, before a window opens it.
inline bool stepWorkspace(const QString& file, bool (*step)(Workspace&)) {
    Workspace ws = engineWorkspace(file);
    return step(ws);
}

// The window's message boxes, kept instead of shown.
struct Messages {
    QStringList texts;

    void attach(MainWindow& window) {
        window.prompts().message = [this](QWidget*, QMessageBox::Icon, const QString&,
                                          const QString& text) {
            texts << text;
        };
    }
};

// The window's widget named `name`; a warning when there is none.
template <typename T> T* child(MainWindow& window, const char* name) {
    auto* found = window.findChild<T*>(QString::fromLatin1(name));
    if (!found)
        qWarning("no child named %s", name);
    return found;
}

// The Scoring screen's cell of `bid` and `criterion`: rows are headed by the bid, columns by
// the criterion's title with a tooltip that starts with its id.
inline QModelIndex scoringCell(const QTableView& grid, const QString& bid,
                               const QString& criterion) {
    const QAbstractItemModel* model = grid.model();
    int row = -1;
    int column = -1;
    for (int r = 0; r < model->rowCount(); ++r)
        if (model->headerData(r, Qt::Vertical).toString() == bid)
            row = r;
    for (int c = 0; c < model->columnCount(); ++c)
        if (model->headerData(c, Qt::Horizontal, Qt::ToolTipRole)
                .toString()
                .startsWith(criterion + QLatin1Char(':')))
            column = c;
    return model->index(row, column);
}

inline void waitIdle(MainWindow& window) {
    QTRY_VERIFY_WITH_TIMEOUT(!window.isBusy(), 20000);
}

// Opens `file` in `window` acting as `actor` and waits until it is shown.
inline bool openAs(MainWindow& window, const QString& file, const QString& actor) {
    window.openWorkspace(file);
    if (!QTest::qWaitFor([&] { return !window.isBusy() && window.workspace() != nullptr; }, 20000))
        return false;
    window.setActor(actor);
    return QTest::qWaitFor(
        [&] {
            return !window.isBusy() && window.workspace() &&
                   window.workspace()->actor == actor.toStdString();
        },
        20000);
}

} // namespace fairtender::desktop::test
