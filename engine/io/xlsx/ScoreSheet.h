// ScoreSheet: an evaluator's personal scoring workbook, the way councils score in bulk. It
// holds only what that person may see while the tender is evaluated: no prices, the bids
// as "Bid A", "Bid B" when anonymous, no bid they declared a conflict with. Each row is one
// bid and judgement criterion with its scale (a drop-down of the allowed values), the
// descriptors on a sheet of their own, and white cells for the score and the written
// reason; everything else is locked. Read back, the sheet is refused whole when it was made
// for another person or another version of the tender, and every problem is named by its
// cell: "FILE:Scores!E8: message".
#pragma once

#include "core/Diagnostic.h"
#include "io/xml/ReferenceData.h"
#include "store/TenderAccess.h"

#include <cstddef>
#include <filesystem>
#include <string>
#include <vector>

namespace fairtender {

struct ScoreSheetOptions {
    bool anonymous = false; // bids shown as "Bid A", "Bid B" in stored order
    std::string madeAt;     // shown as when the sheet was made; empty: now, in UTC
};

struct ScoreSheetWritten {
    Diagnostics problems; // why nothing was written; empty on success
    std::size_t rows = 0; // bid and criterion rows on the sheet
    std::size_t open = 0; // of those, the rows still to score

    bool ok() const { return !hasErrors(problems); }
};

// What a score sheet is made from and checked against: the tender as its evaluator sees it
// for scoring, wherever it is kept (a workspace here, or a tender on a server, which sends
// no more than the evaluator may see).
struct ScoreSheetSource {
    std::string person; // the evaluator the sheet is for
    WorkspaceStatus status;
    std::string tenderSha256; // of tender.xml as stored
    std::string shownAs;      // the workspace file's name, or the tender's address
    PanelRecord panel;
    LifecycleState state = LifecycleState::Draft;
    Tender tender;                           // the criteria and their scales
    ScoringView view;                        // bids in stored order; the evaluator's own scores
    std::vector<std::filesystem::path> keep; // files a sheet may never be written over
};

// The source as `tender.person()` sees it; nullopt with why in `problems`. `rates` as for
// reading the tender's model (a living wage rate named by its date).
std::optional<ScoreSheetSource> scoreSheetSource(TenderAccess& tender, const LivingWageTable* rates,
                                                 Diagnostics& problems);

// Writes the sheet of `source.person` to `out` atomically. Refused (nothing written) when
// they are not an evaluator on the panel or the tender is not being evaluated (evaluation,
// or moderation for scores the lead reopened).
ScoreSheetWritten writeScoreSheet(const ScoreSheetSource& source, const ScoreSheetOptions& options,
                                  const std::filesystem::path& out);

struct ScoreSheetScores {
    std::vector<ScoreSubmission> scores; // the rows given a score, each at its cell
    Diagnostics problems;                // every problem, named "FILE:Scores!E8"

    bool ok() const { return !hasErrors(problems); }
};

// The scores `source.person` typed into the sheet `file`: rows left blank are skipped, a row whose
// submitted score is unchanged is skipped, and a score outside the scale, a score without a
// reason (or a reason without a score), a row that is not one of `person`'s or a changed
// submitted score is a problem. A sheet made for someone else or from another version of
// the tender is refused with one problem.
ScoreSheetScores readScoreSheet(const std::filesystem::path& file, const ScoreSheetSource& source);

} // namespace fairtender
