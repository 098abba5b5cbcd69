#include "desktop/WorkspaceAccess.h"

#include "audit/AuditRecords.h"
#include "client/RemoteTender.h"
#include "desktop/DesktopPaths.h"
#include "reporting/ReportContent.h"

#include <algorithm>
#include <exception>
#include <utility>

namespace fairtender::desktop {

namespace fs = std::filesystem;

namespace {

Diagnostic failure(const fs::path& path, const std::string& message) {
    return errorAt({path.string(), 0, 0}, message);
}

// The engine's words for why the documents wait (empty once locked), with the window's way
// to move on.
std::string reportsUnavailableAt(LifecycleState state) {
    return lockedOrAwardedProblem(state, "This document",
                                  "move it to locked (Workspace > Advance, Ctrl+Shift+A).")
        .value_or("");
}

void fill(WorkspaceSnapshot& snapshot) {
    auto opened = Workspace::open(snapshot.path);
    if (!opened.ok()) {
        snapshot.problems = opened.diagnostics;
        if (snapshot.problems.empty())
            snapshot.problems.push_back(failure(snapshot.path, "not a workspace"));
        return;
    }
    const Workspace& ws = *opened.workspace;
    const ReferenceTables& tables = referenceTables();
    const LivingWageTable* rates = tables.ratesOrNull();

    snapshot.status = ws.status();
    snapshot.state = ws.state();
    snapshot.panel = ws.panel();
    snapshot.award = ws.award();
    const bool readsAll = readsEveryScore(snapshot.panel, snapshot.actor);
    if (readsAll)
        snapshot.audit = ws.auditLog();
    if (snapshot.state != LifecycleState::Draft) {
        snapshot.modelFrozen =
            "The model is frozen: the tender is " + std::string(toString(snapshot.state));
        // The audit entry of the move to open says when and by whom the model froze.
        const auto moves = ws.lifecycleLog();
        if (const AuditEntry* opened = firstMoveTo(moves, toString(LifecycleState::Open)))
            snapshot.modelFrozen = "The model is frozen: the tender opened on " + opened->time +
                                   " (" + opened->actor + ")";
    }
    snapshot.reportsUnavailable = reportsUnavailableAt(snapshot.state);

    auto tender = std::make_shared<LoadedTender>();
    tender->folder = snapshot.path;
    tender->evaluation = ws.evaluate(rates);
    tender->diagnostics = tables.warnings;
    for (const auto& diagnostic : tender->evaluation.diagnostics)
        tender->diagnostics.push_back(diagnostic);
    snapshot.tender = tender;

    if (const auto& folder = tender->evaluation.folder) {
        if (snapshot.state != LifecycleState::Awarded) {
            snapshot.next = static_cast<LifecycleState>(static_cast<int>(snapshot.state) + 1);
            const EvaluationResult* result =
                tender->evaluation.result ? &*tender->evaluation.result : nullptr;
            const LifecycleFacts facts{folder->tender, folder->bids, folder->evaluations,
                                       snapshot.panel, result};
            snapshot.nextBlockers = transitionBlockers(snapshot.state, *snapshot.next, facts);
        }
        {
            const EvaluationResult* result =
                tender->evaluation.result ? &*tender->evaluation.result : nullptr;
            const LifecycleFacts facts{folder->tender, folder->bids, folder->evaluations,
                                       snapshot.panel, result};
            snapshot.progress = evaluationProgress(facts, snapshot.state);
            snapshot.todo = todoOf(facts, snapshot.state, snapshot.actor);
        }
        // Bids and scores are only read for someone on the panel, who may see them: the
        // screens say why they stay empty otherwise. The agenda and the bid views come from
        // the folder evaluate() read, rather than reading the workspace twice more.
        if (readsAll)
            snapshot.agenda = Workspace::moderationAgendaOf(*folder);
        if (const auto& result = tender->evaluation.result) {
            // Who decided is in the audit trail, read again only when there is a decision.
            const bool decided = !folder->evaluations.abnormallyLowDecisions.empty();
            snapshot.abnormallyLow = abnormallyLowPrices(*result, folder->evaluations,
                                                         !decided   ? std::vector<AuditEntry>{}
                                                         : readsAll ? snapshot.audit
                                                                    : ws.auditLog());
        }
        // The scores of the whole grid from that folder too, not one read per cell.
        std::optional<ScoresSeenGrid> grid;
        if (snapshot.panel.isMember(snapshot.actor))
            grid = ws.scoresSeenIn(*folder, snapshot.panel, snapshot.actor);
        ScoringView scoring = scoringViewOf(*folder, snapshot.panel, snapshot.state, snapshot.actor,
                                            snapshot.anonymous, grid ? &*grid : nullptr);
        snapshot.bidIds = std::move(scoring.bidIds);
        snapshot.bidViews = std::move(scoring.bidViews);
        snapshot.criteria = std::move(scoring.criteria);
        snapshot.cells = std::move(scoring.cells);
    }
}

// What the server sent the account, as the screens read it. Each read is one the server
// answers for this account only; a refusal of one the account may not make (the ranking of a
// price-blind evaluator) leaves that part empty rather than failing the snapshot.
void fillFromServer(WorkspaceSnapshot& snapshot, const TenderSource& source) {
    // A failure always says why, even when the server's answer could not be read.
    const auto fail = [&](Diagnostics problems) {
        if (problems.empty())
            problems.push_back(failure(source.shown(), "the server's answer could not be read"));
        snapshot.problems = std::move(problems);
    };
    Diagnostics problems;
    const auto remote = client::RemoteTender::open(*source.server, source.session, problems);
    if (!remote)
        return fail(problems);
    snapshot.actor = remote->person();
    auto status = remote->status();
    auto panel = status.ok() ? remote->panel() : TenderRead<PanelRecord>{};
    if (!status.ok() || !panel.ok())
        return fail(status.ok() ? panel.problems : status.problems);
    snapshot.status = std::move(*status.value);
    snapshot.state = parseLifecycleState(snapshot.status.state).value_or(LifecycleState::Draft);
    snapshot.panel = std::move(*panel.value);
    if (auto history = remote->awardHistory(); history.ok())
        for (const auto& event : *history.value) {
            if (event.kind == AwardEvent::Kind::Award)
                snapshot.award =
                    AwardRecord{event.bidId, event.date, event.standstillEnd, event.reason};
            else if (event.kind == AwardEvent::Kind::AwardFellAway)
                snapshot.award.reset();
        }
    if (readsEveryScore(snapshot.panel, snapshot.actor)) {
        if (auto audit = remote->auditLog(); audit.ok())
            snapshot.audit = std::move(*audit.value);
        if (auto agenda = remote->moderationAgenda(); agenda.ok())
            snapshot.agenda = std::move(*agenda.value);
    }
    snapshot.reportsUnavailable = reportsUnavailableAt(snapshot.state);
    if (snapshot.state != LifecycleState::Draft)
        snapshot.modelFrozen = "The model is frozen: the tender is " +
                               std::string(toString(snapshot.state)) + " on " +
                               source.server->origin();

    const ReferenceTables& tables = referenceTables();
    auto model = remote->model(tables.ratesOrNull());
    if (!model.ok())
        return fail(model.problems);
    auto tender = std::make_shared<LoadedTender>();
    tender->folder = source.shown();
    tender->diagnostics = tables.warnings;
    tender->evaluation.folder = TenderFolder{std::move(*model.value), {}, {}, {}};
    // Asked for only when the rules let the account see prices: a price-blind evaluator's
    // machine never receives them.
    if (seesPrices(snapshot)) {
        auto ranking = remote->ranking(tender->evaluation.folder->tender);
        if (ranking.ok()) {
            tender->evaluation.result = std::move(*ranking.value);
            // The prices still to decide on; the decisions themselves stay on the server
            // (its award report lists them).
            snapshot.abnormallyLow = abnormallyLowPrices(*tender->evaluation.result, {}, {});
            for (auto& price : snapshot.abnormallyLow)
                if (price.finding.empty())
                    price.finding = "the price is flagged as abnormally low: the scorecard gives "
                                    "the finding";
        } else // the Problems screen says why the ranking is missing
            tender->diagnostics.insert(tender->diagnostics.end(), ranking.problems.begin(),
                                       ranking.problems.end());
    }
    snapshot.tender = tender;

    if (!snapshot.panel.isMember(snapshot.actor))
        return;
    if (auto todo = remote->todo(); todo.ok()) {
        snapshot.progress = std::move(todo.value->progress);
        snapshot.todo = std::move(todo.value->items);
        snapshot.next = snapshot.progress.next;
        snapshot.nextBlockers = snapshot.progress.blockers;
    }
    auto scoring = remote->scoringView(snapshot.anonymous);
    if (!scoring.ok())
        return fail(scoring.problems);
    snapshot.bidIds = std::move(scoring.value->bidIds);
    snapshot.bidViews = std::move(scoring.value->bidViews);
    snapshot.criteria = std::move(scoring.value->criteria);
    snapshot.cells = std::move(scoring.value->cells);
}

} // namespace

bool readsEveryScore(const PanelRecord& panel, const std::string& actor) {
    for (const auto& member : panel.members)
        if (member.name == actor && mayReadOthersScores(member.role, false))
            return true;
    return false;
}

bool seesPrices(const WorkspaceSnapshot& snapshot) {
    for (const auto& member : snapshot.panel.members)
        if (member.name == snapshot.actor && pricesVisible(member.role, snapshot.state))
            return true;
    return false;
}

const ReferenceTables& referenceTables() {
    static const ReferenceTables tables = [] {
        ReferenceTables loaded;
        const fs::path reference = templatesDirectory() / "reference";
        loaded.rates =
            loadReferenceLivingWageTable(reference / "living-wage-rates.xml", loaded.warnings);
        Diagnostics problems;
        loaded.holidays =
            loadBankHolidays(reference / "bank-holidays-england-and-wales.xml", problems);
        return loaded;
    }();
    return tables;
}

const JudgementCell* WorkspaceSnapshot::cell(std::size_t bid, std::size_t criterion) const {
    if (bid >= bidIds.size() || criterion >= criteria.size())
        return nullptr;
    const std::size_t at = bid * criteria.size() + criterion;
    return at < cells.size() ? &cells[at] : nullptr;
}

std::string WorkspaceSnapshot::labelOf(const std::string& bidId) const {
    const auto found = std::find(bidIds.begin(), bidIds.end(), bidId);
    if (found == bidIds.end())
        return bidId;
    const auto index = static_cast<std::size_t>(found - bidIds.begin());
    return index < bidViews.size() ? bidViews[index].label : bidId;
}

std::string WorkspaceSnapshot::titleOf(const std::string& criterionId) const {
    for (const auto& criterion : criteria)
        if (criterion.id == criterionId)
            return criterion.title.empty() ? criterionId : criterion.title;
    return criterionId;
}

std::shared_ptr<const WorkspaceSnapshot>
readWorkspaceSnapshot(const fs::path& path, const std::string& actor, bool anonymous) noexcept {
    try {
        auto snapshot = std::make_shared<WorkspaceSnapshot>();
        snapshot->path = path;
        snapshot->actor = actor;
        snapshot->anonymous = anonymous;
        try {
            fill(*snapshot);
        } catch (const std::exception& error) {
            snapshot->problems.push_back(
                failure(path, std::string("could not read the workspace: ") + error.what() +
                                  "; check the file with Audit > Verify"));
        }
        return snapshot;
    } catch (...) {
        return nullptr;
    }
}

std::shared_ptr<const WorkspaceSnapshot> readServerSnapshot(const TenderSource& source,
                                                            bool anonymous) noexcept {
    try {
        auto snapshot = std::make_shared<WorkspaceSnapshot>();
        snapshot->path = source.shown();
        snapshot->remote = true;
        snapshot->anonymous = anonymous;
        snapshot->actor = source.session.user;
        try {
            fillFromServer(*snapshot, source);
        } catch (const std::exception& error) {
            snapshot->problems.push_back(
                failure(source.shown(), std::string("could not read the tender: ") + error.what()));
        }
        return snapshot;
    } catch (...) {
        return nullptr;
    }
}

std::string TenderSource::shown() const {
    return server ? server->origin() + "/api/v1/tenders/" + server->tender : file.string();
}

WorkspaceCommand onWorkspaceHere(std::string what, std::string howOnServer,
                                 LocalWorkspaceCommand command) {
    return [what = std::move(what), how = std::move(howOnServer),
            command = std::move(command)](TenderAccess& tender, const ReferenceTables& tables) {
        if (auto* local = dynamic_cast<LocalTender*>(&tender))
            return command(local->workspace(), tables);
        CommandOutcome refused;
        refused.problems.push_back(
            errorAt({}, what + " is done on a workspace on this machine; on a server, " + how));
        return refused;
    };
}

std::unique_ptr<TenderAccess> openTenderAccess(const TenderSource& source, const std::string& actor,
                                               Diagnostics& problems) {
    if (source.remote())
        return client::RemoteTender::open(*source.server, source.session, problems);
    auto opened = Workspace::open(source.file);
    if (!opened.ok()) {
        problems = opened.diagnostics;
        return nullptr;
    }
    const ReferenceTables& tables = referenceTables();
    return std::make_unique<LocalTender>(std::move(*opened.workspace), actor, tables.ratesOrNull(),
                                         tables.holidaysOrNull());
}

CommandOutcome runWorkspaceCommand(const TenderSource& source, const std::string& actor,
                                   const WorkspaceCommand& command) noexcept {
    CommandOutcome outcome;
    try {
        const auto tender = openTenderAccess(source, actor, outcome.problems);
        if (!tender)
            return outcome;
        return command(*tender, referenceTables());
    } catch (const std::exception& error) {
        try {
            outcome.problems.push_back(
                failure(source.shown(), std::string("nothing was recorded: ") + error.what()));
        } catch (...) {
        }
    } catch (...) {
    }
    if (outcome.problems.empty())
        outcome.problems.push_back({});
    return outcome;
}

ScoreSheetWritten writeScoreSheetOf(const TenderSource& source, const std::string& actor,
                                    bool anonymous, const fs::path& out) noexcept {
    ScoreSheetWritten written;
    try {
        const auto tender = openTenderAccess(source, actor, written.problems);
        if (!tender)
            return written;
        const auto made =
            scoreSheetSource(*tender, referenceTables().ratesOrNull(), written.problems);
        if (!made)
            return written;
        ScoreSheetOptions options;
        options.anonymous = anonymous;
        return writeScoreSheet(*made, options, out);
    } catch (const std::exception& error) {
        try {
            written.problems.push_back(
                failure(out, std::string("the score sheet was not written: ") + error.what()));
        } catch (...) {
        }
    } catch (...) {
    }
    return written;
}

CommandOutcome submitScoreSheet(TenderAccess& tender, const ReferenceTables& tables,
                                const fs::path& file) {
    CommandOutcome refused;
    const auto source = scoreSheetSource(tender, tables.ratesOrNull(), refused.problems);
    if (!source)
        return refused;
    const ScoreSheetScores read = readScoreSheet(file, *source);
    if (!read.ok()) {
        refused.problems = read.problems;
        return refused;
    }
    return tender.submitScores(read.scores);
}

Diagnostics createWorkspace(const fs::path& folder, const fs::path& path,
                            const std::string& actor) noexcept {
    try {
        auto created =
            Workspace::createFromFolder(folder, path, actor, referenceTables().ratesOrNull());
        if (created.ok())
            return {};
        if (created.diagnostics.empty())
            created.diagnostics.push_back(failure(path, "the workspace could not be created"));
        return created.diagnostics;
    } catch (const std::exception& error) {
        try {
            return {
                failure(path, std::string("the workspace could not be created: ") + error.what())};
        } catch (...) {
        }
    } catch (...) {
    }
    return {Diagnostic{}};
}

VerifyReport verifyWorkspace(const fs::path& path) noexcept {
    VerifyReport report;
    try {
        auto opened = Workspace::open(path);
        if (!opened.ok()) {
            report.problems = opened.diagnostics;
            return report;
        }
        return opened.workspace->verify(referenceTables().ratesOrNull());
    } catch (const std::exception& error) {
        try {
            report.problems.push_back(
                failure(path, std::string("could not verify: ") + error.what()));
        } catch (...) {
        }
    } catch (...) {
    }
    if (report.problems.empty())
        report.problems.push_back({});
    return report;
}

std::shared_ptr<const WorkspaceJobResult>
runWorkspaceJob(const TenderSource& source, const std::string& actor, bool anonymous,
                const WorkspaceCommand& command) noexcept {
    try {
        auto job = std::make_shared<WorkspaceJobResult>();
        if (command) {
            job->commanded = true;
            job->outcome = runWorkspaceCommand(source, actor, command);
        }
        job->snapshot = source.remote() ? readServerSnapshot(source, anonymous)
                                        : readWorkspaceSnapshot(source.file, actor, anonymous);
        if (!job->snapshot)
            return nullptr;
        return job;
    } catch (...) {
        return nullptr;
    }
}

namespace {

// The desktop's how-to for a problem the engine names by its code: the one place where the
// engine's problems meet this front end's menus and screens.
std::string_view howTo(std::string_view code) {
    static constexpr std::pair<std::string_view, std::string_view> kHowTo[] = {
        {"workspace.no-actor", "choose who you are under \"Acting as\""},
        {"workspace.busy", "try again"},
        {"import-bids.draft", "the lead opens it with Workspace > Advance"},
        {"score.undeclared", "declare on the Panel screen (Ctrl+5)"},
        {"declare.not-on-panel", "the lead adds you on the Panel screen (Ctrl+5)"},
        {"advance.no-lead", "add a lead on the Panel screen (Ctrl+5)"},
        {"award.notice-date-missing", "give the award notice date in the Advance dialog"},
        {"documents.not-locked", "the lead locks them with Workspace > Advance"},
    };
    for (const auto& [known, text] : kHowTo)
        if (known == code)
            return text;
    return {};
}

} // namespace

std::string describe(const Diagnostics& problems) {
    std::string text;
    for (const auto& problem : problems) {
        if (!text.empty())
            text += "\n";
        // An empty message is a failure that left no room to say more (out of memory).
        text += problem.message.empty()  ? std::string("an unexpected failure; nothing was "
                                                        "recorded: close other programs and try "
                                                        "again")
                : problem.where.line > 0 ? problem.toString()
                                         : problem.message;
        if (const auto advice = howTo(problem.code); !advice.empty())
            text += " (" + std::string(advice) + ")";
    }
    return text;
}

} // namespace fairtender::desktop
