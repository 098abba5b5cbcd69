// What a reader finds in a document, read back by independent tools: the input files a
// scorecard's Provenance sheet lists (python3-openpyxl) and the text of a PDF (pdftotext).
#pragma once

#include "ShellCommand.h"

#include <filesystem>
#include <string>

namespace fairtender::testing {

// The Provenance sheet's input files as "NAME SHA256" lines (an unreadable file's hash is
// "(unreadable)"), or what went wrong reading the workbook.
inline std::string provenanceFilesOf(const std::filesystem::path& workbook) {
    const ShellRun read = runShell("/usr/bin/python3 -c 'import sys, openpyxl\n"
                                   "ws = openpyxl.load_workbook(sys.argv[1])[\"Provenance\"]\n"
                                   "listing = False\n"
                                   "for row in ws.iter_rows(values_only=True):\n"
                                   "    if listing and row[0]:\n"
                                   "        print(row[0], row[1])\n"
                                   "    listing = listing or row[0] == \"Input file\"' '" +
                                   workbook.string() + "' 2>&1");
    return read.exitCode == 0 ? read.out : "openpyxl failed: " + read.out;
}

// The PDF's text with its layout kept, or what went wrong reading it.
inline std::string pdfText(const std::filesystem::path& pdf) {
    const ShellRun read = runShell("pdftotext -layout '" + pdf.string() + "' - 2>&1");
    return read.exitCode == 0 ? read.out : "pdftotext failed: " + read.out;
}

// The PDF's text with every space and line break taken out, so that a phrase the layout
// wrapped (a long address, say) is still found whole: search it for the phrase without spaces.
inline std::string pdfTextWithoutSpaces(const std::filesystem::path& pdf) {
    std::string text = pdfText(pdf);
    std::erase_if(text, [](char c) { return c == ' ' || c == '\n' || c == '\r' || c == '\f'; });
    return text;
}

} // namespace fairtender::testing
