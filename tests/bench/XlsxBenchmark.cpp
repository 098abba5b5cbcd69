// fairtender_xlsx_bench: times exportScorecard() alone on an evaluated tender folder (the
// folder is read and scored first, untimed), for run-xlsx-benchmark.sh to compare with the
// python3-xlsxwriter peer. Usage: fairtender_xlsx_bench FOLDER OUT.xlsx
#include "io/xlsx/ScorecardWorkbook.h"
#include "pipeline/FolderEvaluation.h"

#include <chrono>
#include <fstream>
#include <iostream>
#include <string>

namespace {

// Peak resident memory in kB since the last reset (VmHWM), or -1 where /proc is missing.
long peakKilobytes() {
    std::ifstream status("/proc/self/status");
    std::string word;
    while (status >> word)
        if (word == "VmHWM:") {
            long kilobytes = -1;
            status >> kilobytes;
            return kilobytes;
        }
    return -1;
}

// Resets VmHWM to the current size, so the next peak is the export's own.
void resetPeak() {
    std::ofstream("/proc/self/clear_refs") << "5";
}

} // namespace

int main(int argc, char** argv) {
    if (argc != 3) {
        std::cerr << "usage: fairtender_xlsx_bench FOLDER OUT.xlsx\n";
        return 2;
    }
    using namespace fairtender;
    const FolderEvaluation evaluation = evaluateTenderFolder(argv[1], nullptr);
    if (!evaluation.ok()) {
        for (const auto& diagnostic : evaluation.diagnostics)
            std::cerr << diagnostic.toString() << "\n";
        return 1;
    }
    ScorecardOptions options;
    options.toolVersion = FAIRTENDER_VERSION;
    options.folder = argv[1];
    const long loadedPeak = peakKilobytes();
    resetPeak();
    const long before = peakKilobytes(); // the evaluated folder, resident while exporting
    const auto start = std::chrono::steady_clock::now();
    const ExportResult written =
        exportScorecard(*evaluation.folder, *evaluation.result, {}, options, argv[2]);
    const std::chrono::duration<double> seconds = std::chrono::steady_clock::now() - start;
    for (const auto& diagnostic : written.diagnostics)
        std::cerr << diagnostic.toString() << "\n";
    if (!written.ok())
        return 1;
    std::cout << "bids " << evaluation.result->bids.size() << " leaves "
              << evaluation.result->leaves.size() << " export_seconds " << seconds.count()
              << " load_peak_mb " << loadedPeak / 1024 << " resident_before_export_mb "
              << before / 1024 << " export_peak_mb " << peakKilobytes() / 1024 << "\n";
    return 0;
}
