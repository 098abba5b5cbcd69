// Helpers shared by the command-line tests: running the command in-process and
// throwaway tender folders written from text.
#pragma once

#include "ScratchFolder.h"
#include "cli/CliApp.h"

#include <filesystem>
#include <sstream>
#include <string>
#include <vector>

namespace fairtender::cli::testing {

using fairtender::testing::ScratchFolder;

struct CliRun {
    int exitCode = -1;
    std::string out;
    std::string err;
};

inline CliRun run(const std::vector<std::string>& args) {
    std::ostringstream out;
    std::ostringstream err;
    CliRun result;
    result.exitCode = runCli(args, out, err);
    result.out = out.str();
    result.err = err.str();
    return result;
}

inline std::string sourcePath(const std::string& relative) {
    return std::string(FAIRTENDER_SOURCE_DIR) + "/" + relative;
}

inline const char* kSmallTender = R"(<?xml version="1.0" encoding="UTF-8"?>
<tender xmlns="urn:fairtender:tender:1" id="T-1" currency="GBP">
  <title>Grounds maintenance</title>
  <buyer>Test Council</buyer>
  <living-wage-rate region="uk" hourly="13.45" statutory-minimum="12.21" effective="2025-10-22"/>
  <model rounding="2">
    <criterion id="price" title="Price" type="price" weight="60"/>
    <criterion id="rlw" title="Real Living Wage" type="living-wage" weight="40"/>
  </model>
</tender>
)";

inline const char* kSmallBids = R"(<?xml version="1.0" encoding="UTF-8"?>
<bids xmlns="urn:fairtender:bid:1" tender="T-1">
  <bid id="B1">
    <supplier name="Café Co-op" postcode="PR1 2HE" ownership="worker-cooperative"/>
    <price>1000.00</price>
    <living-wage accredited="true" committed="true" lowest-hourly-rate="13.60"/>
  </bid>
  <bid id="B2">
    <supplier name="Big Mowers plc" postcode="M1 1AA" ownership="large-private"/>
    <price>800.00</price>
    <living-wage accredited="false" committed="false" lowest-hourly-rate="12.50"/>
  </bid>
</bids>
)";

// Runs `args` and returns its standard error when it does not exit 0, else "".
inline std::string failureOf(const std::vector<std::string>& args) {
    const CliRun result = run(args);
    return result.exitCode == 0 ? std::string() : args[0] + ": " + result.out + result.err;
}

// A workspace created from `folder` and taken to open as a buyer would: `lead` on the panel
// as its lead, then the model frozen. Returns "" or what failed.
inline std::string createOpenWorkspace(const std::string& folder, const std::string& file,
                                       const std::string& lead = "Ann Lee") {
    std::string failed = failureOf({"workspace", "create", folder, file, "--as", lead});
    if (failed.empty())
        failed = failureOf({"panel", "add", file, lead, "--role", "lead", "--as", lead});
    if (failed.empty())
        failed = failureOf(
            {"advance", file, "--to", "open", "--reason", "the model is final", "--as", lead});
    return failed;
}

// A valid two-bid folder: B1 1000.00 accredited, B2 800.00 below the Real Living Wage.
// Price 60: B1 48.00, B2 60.00; living wage 40: B1 40.00, B2 0.00; totals 88.00 and 60.00.
inline void writeSmallTender(const ScratchFolder& folder) {
    folder.write("tender.xml", kSmallTender);
    folder.write("bids/bids.xml", kSmallBids);
}

} // namespace fairtender::cli::testing
