// Desktop benchmarks: the Qt window (offscreen) on a 10,000-bid workspace, locked (10
// criteria of which 4 are judgement criteria, two evaluators' scores and a consensus on
// every item, a lead, the two evaluators and a moderator on the panel, all declared). Each figure
// stands beside a peer in the same process: opening the workspace in the window beside the engine's
// Workspace::evaluate alone; sorting and filtering the Results table beside std::sort and a
// plain substring scan of the same rows.
#include "SyntheticTender.h"
#include "desktop/MainWindow.h"
#include "desktop/RankingColumns.h"
#include "desktop/RankingModel.h"
#include "desktop/ResultsPage.h"
#include "desktop/WorkspaceAccess.h"
#include "pipeline/FolderEvaluation.h"
#include "store/Workspace.h"

#include <QApplication>
#include <QEventLoop>
#include <QLineEdit>
#include <QSettings>
#include <QSortFilterProxyModel>
#include <QTableView>
#include <QTimer>
#include <benchmark/benchmark.h>

#include <algorithm>
#include <cstdlib>
#include <filesystem>
#include <iostream>
#include <memory>
#include <string>
#include <unistd.h>
#include <vector>

namespace {

using namespace fairtender;
using namespace fairtender::desktop;
namespace fs = std::filesystem;

// 10,000 bids unless FAIRTENDER_DESKTOP_BENCH_BIDS says otherwise (a smaller workspace
// measures what is too slow to run at full size).
const int kBids = [] {
    const char* bids = std::getenv("FAIRTENDER_DESKTOP_BENCH_BIDS");
    return bids != nullptr && std::atoi(bids) > 0 ? std::atoi(bids) : 10000;
}();

fs::path scratch() {
    static const fs::path dir = [] {
        fs::path d = fs::temp_directory_path() /
                     ("fairtender-deskbench-" + std::to_string(static_cast<long>(::getpid())));
        fs::remove_all(d);
        fs::create_directories(d);
        return d;
    }();
    return dir;
}

void fail(const Diagnostics& diagnostics) {
    for (const auto& d : diagnostics)
        std::cerr << d.toString() << "\n";
    std::abort();
}

void require(const CommandOutcome& outcome) {
    if (!outcome.ok())
        fail(outcome.problems);
}

// The workspace, made once: created from the synthetic folder (with an accepted
// abnormally-low decision for every bid flagged), then the panel set up and the tender moved
// through open, evaluation and moderation to locked as a lead would. Making it takes
// minutes; with FAIRTENDER_DESKTOP_BENCH_CACHE naming a folder it is kept there and reused.
const fs::path& workspaceFile() {
    static const fs::path file = [] {
        const char* cache = std::getenv("FAIRTENDER_DESKTOP_BENCH_CACHE");
        const fs::path ws = (cache != nullptr && *cache != 0 ? fs::path(cache) : scratch()) /
                            ("desktop-" + std::to_string(kBids) + "-v2.ftw");
        if (fs::exists(ws))
            return ws;
        fs::create_directories(ws.parent_path());
        bench::SyntheticTenderSpec spec;
        spec.bids = kBids;
        // Four judgement criteria (one per group), not the scoring benchmark's 24: moving the
        // lifecycle to moderation and to locked checks each item against every score, which
        // at 24 criteria (240,000 items, 480,000 scores) did not finish in 8 minutes.
        spec.judgementCriteria = 4;
        spec.evaluatorsPerScore = 2;
        bench::SyntheticTender tender = bench::generateTender(spec);
        const fs::path folder = scratch() / "tender";
        bench::writeTenderFolder(tender, folder);
        const LivingWageTable* rates = referenceTables().ratesOrNull();
        const FolderEvaluation first = evaluateTenderFolder(folder, rates);
        if (!first.result)
            fail(first.diagnostics);
        std::string decisions;
        for (const auto& bid : first.result->bids)
            if (bid.hasFlag(FlagKind::AbnormallyLow))
                decisions += "  <abnormally-low-decision bid=\"" + bid.bidId +
                             "\" accept=\"true\">Costs explained.</abnormally-low-decision>\n";
        auto& xml = tender.evaluationsXml;
        xml.insert(xml.rfind("</evaluations>"), decisions);
        bench::writeTenderFolder(tender, folder);

        const fs::path building = ws.string() + ".part";
        fs::remove(building);
        auto created = Workspace::createFromFolder(folder, building, "lead", rates);
        if (!created.ok())
            fail(created.diagnostics);
        Workspace& w = *created.workspace;
        require(w.addPanelMember("lead", "lead", PanelRole::Lead));
        require(w.advance("lead", LifecycleState::Open, "published", rates));
        for (const char* evaluator : {"E1", "E2"})
            require(w.addPanelMember("lead", evaluator, PanelRole::Evaluator));
        require(w.addPanelMember("lead", "M1", PanelRole::Moderator));
        for (const char* member : {"E1", "E2", "M1"})
            require(w.declareInterests(member, {}));
        require(w.advance("lead", LifecycleState::Evaluation, "bids opened", rates));
        require(w.advance("lead", LifecycleState::Moderation, "all scored", rates));
        require(w.advance("lead", LifecycleState::Locked, "agreed", rates));
        created.workspace.reset();
        fs::rename(building, ws);
        return ws;
    }();
    return file;
}

// MainWindow reads who acts in a workspace from the settings, as after a restart.
void actAs(const fs::path& ws, const std::string& actor) {
    QSettings settings;
    QVariantMap acting = settings.value(QStringLiteral("actingAs")).toMap();
    acting.insert(QString::fromStdString(fs::absolute(ws).string()), QString::fromStdString(actor));
    settings.setValue(QStringLiteral("actingAs"), acting);
}

// Opens the workspace in `window` and returns once it is shown and painted.
void openAndShow(MainWindow& window, const fs::path& ws) {
    QEventLoop loop;
    const auto connection =
        QObject::connect(&window, &MainWindow::workspaceShown, &loop, &QEventLoop::quit);
    window.openWorkspace(QString::fromStdString(ws.string()));
    loop.exec();
    QObject::disconnect(connection);
    QApplication::processEvents(); // layout and paint of what was just shown
    if (!window.workspace()) {
        std::cerr << "the workspace was not shown\n";
        std::abort();
    }
}

// (a) MainWindow opening the workspace until the results (or, for an evaluator, the
// price-blind notice with the scoring grid) are on screen.
void openAs(benchmark::State& state, const std::string& actor) {
    const fs::path& ws = workspaceFile();
    actAs(ws, actor);
    for (auto _ : state) {
        state.PauseTiming();
        auto window = std::make_unique<MainWindow>();
        window->resize(1280, 800);
        window->show();
        QApplication::processEvents();
        state.ResumeTiming();
        openAndShow(*window, ws);
        state.PauseTiming();
        if (window->workspace()->actor != actor)
            std::abort();
        window.reset();
        QApplication::processEvents();
        state.ResumeTiming();
    }
    state.counters["bids"] = kBids;
}

void BM_OpenWorkspaceAsLead(benchmark::State& state) {
    openAs(state, "lead");
}
BENCHMARK(BM_OpenWorkspaceAsLead)->Unit(benchmark::kMillisecond)->UseRealTime()->Iterations(3);

void BM_OpenWorkspaceAsEvaluator(benchmark::State& state) {
    openAs(state, "E1");
}
BENCHMARK(BM_OpenWorkspaceAsEvaluator)->Unit(benchmark::kMillisecond)->UseRealTime()->Iterations(3);

// Peer of (a): the engine alone, opening the file and evaluating the stored inputs.
void BM_PeerEvaluate(benchmark::State& state) {
    const fs::path& ws = workspaceFile();
    const LivingWageTable* rates = referenceTables().ratesOrNull();
    for (auto _ : state) {
        auto opened = Workspace::open(ws);
        if (!opened.ok())
            fail(opened.diagnostics);
        const FolderEvaluation evaluation = opened.workspace->evaluate(rates);
        if (!evaluation.result)
            fail(evaluation.diagnostics);
        benchmark::DoNotOptimize(evaluation);
    }
    state.counters["bids"] = kBids;
}
BENCHMARK(BM_PeerEvaluate)->Unit(benchmark::kMillisecond)->UseRealTime()->Iterations(3);

// What the Scoring grid reads for one person: the scores of every bid and criterion in one
// read (Workspace::scoresSeenByAll), beside one pair's scoresSeenBy, which reads as much each
// time; the grid used to call it once per cell (240,000 cells here).
void BM_ScoresSeenByAll(benchmark::State& state) {
    const fs::path& ws = workspaceFile();
    auto opened = Workspace::open(ws);
    if (!opened.ok())
        fail(opened.diagnostics);
    for (auto _ : state) {
        const ScoresSeenGrid grid = opened.workspace->scoresSeenByAll("E1");
        benchmark::DoNotOptimize(grid.at("B1", "q1-1"));
    }
}
BENCHMARK(BM_ScoresSeenByAll)->Unit(benchmark::kMillisecond)->UseRealTime()->Iterations(3);

void BM_ScoresSeenByOnePair(benchmark::State& state) {
    const fs::path& ws = workspaceFile();
    auto opened = Workspace::open(ws);
    if (!opened.ok())
        fail(opened.diagnostics);
    for (auto _ : state)
        benchmark::DoNotOptimize(opened.workspace->scoresSeenBy("E1", "B1", "q1-1"));
}
BENCHMARK(BM_ScoresSeenByOnePair)->Unit(benchmark::kMillisecond)->UseRealTime()->Iterations(3);

// The lead's window with the workspace open, kept for the table benchmarks.
MainWindow& leadWindow() {
    static MainWindow* window = [] {
        const fs::path& ws = workspaceFile();
        actAs(ws, "lead");
        auto* w = new MainWindow();
        w->resize(1280, 800);
        w->show();
        openAndShow(*w, ws);
        return w;
    }();
    return *window;
}

ResultsPage& resultsPage() {
    auto* page = leadWindow().findChild<ResultsPage*>();
    if (!page || page->rankingModel()->rowCount() != kBids) {
        std::cerr << "the results are not shown\n";
        std::abort();
    }
    return *page;
}

int columnOf(const ResultsPage& page, RankingColumnKind kind) {
    for (int column = 0; column < page.rankingModel()->columnCount(); ++column)
        if (page.rankingModel()->columnAt(column)->kind == kind)
            return column;
    std::abort();
}

// (b) Sorting the Results table by a column, each iteration in the other direction so every
// sort has work to do, painted.
void sortBy(benchmark::State& state, RankingColumnKind kind) {
    ResultsPage& page = resultsPage();
    const int column = columnOf(page, kind);
    bool ascending = false;
    for (auto _ : state) {
        ascending = !ascending;
        page.rankingView()->sortByColumn(column,
                                         ascending ? Qt::AscendingOrder : Qt::DescendingOrder);
        QApplication::processEvents();
    }
    // The figure counts only if the table really is in the order last asked for.
    const auto* proxy = qobject_cast<const QSortFilterProxyModel*>(page.rankingView()->model());
    const RankingModel* model = page.rankingModel();
    bool sorted = proxy != nullptr && proxy->sortColumn() == column;
    for (int row = 1; sorted && row < proxy->rowCount(); ++row) {
        const int before = proxy->mapToSource(proxy->index(row - 1, column)).row();
        const int after = proxy->mapToSource(proxy->index(row, column)).row();
        sorted = ascending ? !model->sortsBefore(after, before, column)
                           : !model->sortsBefore(before, after, column);
    }
    if (!sorted)
        state.SkipWithError("the Results table is not sorted by the column asked for");
    page.rankingView()->sortByColumn(-1, Qt::AscendingOrder);
    state.counters["rows"] = kBids;
}

void BM_SortResultsByTotal(benchmark::State& state) {
    sortBy(state, RankingColumnKind::Total);
}
BENCHMARK(BM_SortResultsByTotal)->Unit(benchmark::kMillisecond)->UseRealTime();

void BM_SortResultsBySupplier(benchmark::State& state) {
    sortBy(state, RankingColumnKind::Supplier);
}
BENCHMARK(BM_SortResultsBySupplier)->Unit(benchmark::kMillisecond)->UseRealTime();

// Peers of (b): std::sort of the same rows (pointers to the engine's bid results) by total
// and by supplier name, alternating direction likewise.
const EvaluationResult& shownResult() {
    return *resultsPage().rankingModel()->tender()->evaluation.result;
}

// Sorts the rows by `key`, each iteration in the other direction.
template <typename Key> void peerSort(benchmark::State& state, Key key) {
    const EvaluationResult& result = shownResult();
    std::vector<const BidResult*> rows;
    for (const auto& bid : result.bids)
        rows.push_back(&bid);
    bool ascending = false;
    for (auto _ : state) {
        ascending = !ascending;
        std::sort(rows.begin(), rows.end(), [&](const BidResult* a, const BidResult* b) {
            return ascending ? key(*a) < key(*b) : key(*b) < key(*a);
        });
        benchmark::DoNotOptimize(rows.data());
    }
    state.counters["rows"] = static_cast<double>(rows.size());
}

void BM_PeerStdSortByTotal(benchmark::State& state) {
    peerSort(state, [](const BidResult& bid) { return bid.total; });
}
BENCHMARK(BM_PeerStdSortByTotal)->Unit(benchmark::kMillisecond)->UseRealTime();

void BM_PeerStdSortBySupplier(benchmark::State& state) {
    peerSort(state, [](const BidResult& bid) -> const std::string& { return bid.supplierName; });
}
BENCHMARK(BM_PeerStdSortBySupplier)->Unit(benchmark::kMillisecond)->UseRealTime();

// What the table's own proxy saves: sorting the same model by a plain QSortFilterProxyModel
// on SortRole (a QVariant, and for text a new QString, per comparison), as the table did
// before, beside RankingProxyModel; no view, so only the sort is timed.
template <typename Proxy> void proxySort(benchmark::State& state, RankingColumnKind kind) {
    ResultsPage& page = resultsPage();
    const int column = columnOf(page, kind);
    Proxy proxy;
    proxy.setSortRole(RankingModel::SortRole);
    proxy.setSourceModel(page.rankingModel());
    bool ascending = false;
    for (auto _ : state) {
        ascending = !ascending;
        proxy.sort(column, ascending ? Qt::AscendingOrder : Qt::DescendingOrder);
    }
}

void BM_PlainProxySortByTotal(benchmark::State& state) {
    proxySort<QSortFilterProxyModel>(state, RankingColumnKind::Total);
}
BENCHMARK(BM_PlainProxySortByTotal)->Unit(benchmark::kMillisecond)->UseRealTime();

void BM_PlainProxySortBySupplier(benchmark::State& state) {
    proxySort<QSortFilterProxyModel>(state, RankingColumnKind::Supplier);
}
BENCHMARK(BM_PlainProxySortBySupplier)->Unit(benchmark::kMillisecond)->UseRealTime();

void BM_RankingProxySortByTotal(benchmark::State& state) {
    proxySort<RankingProxyModel>(state, RankingColumnKind::Total);
}
BENCHMARK(BM_RankingProxySortByTotal)->Unit(benchmark::kMillisecond)->UseRealTime();

void BM_RankingProxySortBySupplier(benchmark::State& state) {
    proxySort<RankingProxyModel>(state, RankingColumnKind::Supplier);
}
BENCHMARK(BM_RankingProxySortBySupplier)->Unit(benchmark::kMillisecond)->UseRealTime();

// (c) Filtering the Results table by a text typed in its filter box ("Supplier 12": 111
// rows of 10,000), then clearing it again, each painted; the figure is one filter or clear.
void BM_FilterResults(benchmark::State& state) {
    ResultsPage& page = resultsPage();
    auto* filter = page.findChild<QLineEdit*>(QStringLiteral("resultsFilterLineEdit"));
    if (!filter)
        std::abort();
    bool on = false;
    int shown = 0;
    for (auto _ : state) {
        on = !on;
        filter->setText(on ? QStringLiteral("Supplier 12") : QString());
        QApplication::processEvents();
        if (on)
            shown = page.rankingView()->model()->rowCount();
    }
    filter->clear();
    // The figure counts only if the filter really narrowed the table (and cleared it again).
    if (shown == 0 || shown >= kBids || page.rankingView()->model()->rowCount() != kBids)
        state.SkipWithError("the filter box did not narrow the Results table");
    state.counters["rows_matching"] = shown;
}
BENCHMARK(BM_FilterResults)->Unit(benchmark::kMillisecond)->UseRealTime();

// Peer of (c): a case-insensitive substring scan of the same rows' supplier, bid and status.
void BM_PeerSubstringScan(benchmark::State& state) {
    const EvaluationResult& result = shownResult();
    const std::string needle = "supplier 12";
    const auto lower = [](std::string s) {
        for (auto& c : s)
            c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
        return s;
    };
    std::size_t shown = 0;
    for (auto _ : state) {
        shown = 0;
        for (const auto& bid : result.bids)
            if (lower(bid.supplierName).find(needle) != std::string::npos ||
                lower(bid.bidId).find(needle) != std::string::npos)
                ++shown;
        benchmark::DoNotOptimize(shown);
    }
    state.counters["rows_matching"] = static_cast<double>(shown);
}
BENCHMARK(BM_PeerSubstringScan)->Unit(benchmark::kMillisecond)->UseRealTime();

} // namespace

int main(int argc, char** argv) {
    qputenv("QT_QPA_PLATFORM", "offscreen");
    QApplication app(argc, argv);
    // Settings of their own, so the benchmark never touches a user's recent files.
    QApplication::setOrganizationName(QStringLiteral("FairtenderBenchmarks"));
    QApplication::setApplicationName(QStringLiteral("desktop-bench"));
    QSettings::setDefaultFormat(QSettings::IniFormat);
    QSettings::setPath(QSettings::IniFormat, QSettings::UserScope,
                       QString::fromStdString((scratch() / "settings").string()));
    benchmark::Initialize(&argc, argv);
    if (benchmark::ReportUnrecognizedArguments(argc, argv))
        return 1;
    benchmark::RunSpecifiedBenchmarks();
    benchmark::Shutdown();
    std::error_code ignored;
    fs::remove_all(scratch(), ignored);
    return 0;
}
