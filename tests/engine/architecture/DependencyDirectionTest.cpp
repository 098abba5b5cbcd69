// The engine stays a pure library: no Qt anywhere in it, no Poco, pugixml or
// libxlsxwriter in its public headers, and nothing from app/; the PDF reports use no Qt
// Widgets. These tests read the sources, so a stray include fails the build's tests, not a
// later review.
#include <gtest/gtest.h>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <regex>
#include <string>
#include <vector>

namespace {

namespace fs = std::filesystem;

struct Offence {
    std::string file;
    int line;
    std::string text;
};

std::vector<Offence> findIncludes(const fs::path& root, const std::vector<std::string>& extensions,
                                  const std::regex& forbidden) {
    std::vector<Offence> offences;
    for (const auto& entry : fs::recursive_directory_iterator(root)) {
        if (!entry.is_regular_file())
            continue;
        const auto ext = entry.path().extension().string();
        if (std::find(extensions.begin(), extensions.end(), ext) == extensions.end())
            continue;
        std::ifstream in(entry.path());
        std::string line;
        int number = 0;
        while (std::getline(in, line)) {
            ++number;
            if (std::regex_search(line, forbidden))
                offences.push_back({fs::relative(entry.path(), root).string(), number, line});
        }
    }
    return offences;
}

std::string describe(const std::vector<Offence>& offences, const std::string& root = "engine/") {
    std::string text;
    for (const auto& o : offences)
        text += root + o.file + ":" + std::to_string(o.line) + ": " + o.text + "\n";
    return text;
}

const fs::path kEngine = fs::path(FAIRTENDER_SOURCE_DIR) / "engine";

} // namespace

TEST(DependencyDirection, EngineNeverIncludesQt) {
    const auto offences =
        findIncludes(kEngine, {".h", ".cpp"}, std::regex(R"(^\s*#\s*include\s*<Q)"));
    EXPECT_TRUE(offences.empty()) << describe(offences);
}

TEST(DependencyDirection, EnginePublicHeadersNameNoThirdPartyLibrary) {
    const auto offences = findIncludes(
        kEngine, {".h"}, std::regex(R"(^\s*#\s*include\s*<(Poco/|pugixml|xlsxwriter))"));
    EXPECT_TRUE(offences.empty()) << describe(offences);
}

TEST(DependencyDirection, EngineNeverIncludesTheApplications) {
    const auto offences = findIncludes(
        kEngine, {".h", ".cpp"}, std::regex(R"(^\s*#\s*include\s*"(cli|desktop|server|reports)/)"));
    EXPECT_TRUE(offences.empty()) << describe(offences);
}

TEST(DependencyDirection, TheScanSeesTheEngineSources) {
    // Guards the tests above against passing because the folder moved.
    const auto moneyIncludes =
        findIncludes(kEngine, {".cpp"}, std::regex(R"(^\s*#\s*include\s*"core/Money\.h")"));
    EXPECT_GE(moneyIncludes.size(), 1u);
}

// The PDF reports render on a server without a display: Qt Gui only, never Widgets.
TEST(DependencyDirection, ReportsNeverIncludeQtWidgets) {
    const auto offences = findIncludes(
        fs::path(FAIRTENDER_SOURCE_DIR) / "app/reports", {".h", ".cpp"},
        std::regex(
            R"(^\s*#\s*include\s*<(QtWidgets/|QWidget|QApplication|QPrinter|QtPrintSupport/))"));
    EXPECT_TRUE(offences.empty()) << describe(offences, "app/reports/");
}

TEST(DependencyDirection, TheScanSeesTheReportsSources) {
    const auto pdfWriter = findIncludes(fs::path(FAIRTENDER_SOURCE_DIR) / "app/reports", {".cpp"},
                                        std::regex(R"(^\s*#\s*include\s*<QPdfWriter>)"));
    EXPECT_EQ(pdfWriter.size(), 1u);
}
