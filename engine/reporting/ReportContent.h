// Reporting: what the award report and the assessment summaries say, gathered from a
// locked or awarded workspace. Every number is the engine's, already formatted as text;
// renderers (PDF, anything else) lay these out and compute nothing themselves.
#pragma once

#include "core/Diagnostic.h"
#include "core/FileHash.h"
#include "io/xml/ReferenceData.h"
#include "io/xml/TenderFolder.h"
#include "lifecycle/Lifecycle.h"
#include "scoring/EvaluationResult.h"
#include "sensitivity/AwardSensitivity.h"

#include <cstddef>
#include <optional>
#include <string>
#include <vector>

namespace fairtender {

class Workspace;

// The tender's identity, shared by both documents.
struct TenderHeading {
    std::string id;
    std::string title;
    std::string buyer;
    std::string estimatedValue; // "7,000,000.00 GBP", or empty when the tender gives none
    std::string stage;          // "locked" or "awarded"
};

// One node of the evaluation model as the report lists it.
struct ModelRow {
    int depth = 0; // 0 for top-level nodes
    std::string id;
    std::string title;
    std::string kind;            // "group", "criterion" or "gate"
    std::string weight;          // "40%" of its parent; empty for a gate
    std::string effectiveWeight; // "12.00" points available; empty for a gate
    std::string type;            // criterion type ("judgement"), "pass/fail" for a gate
    std::string method;          // "lowest-relative", "scale 0-5", ...
};

// One bid in the ranking table; points per top-level node in `AwardReportContent::columns`.
struct RankingRow {
    std::string bidId;
    std::string supplier;
    std::string price; // the P scored ("7,140,000.00"; the net present value under whole-life
                       // costing), or "-" when the bid has none
    std::vector<std::string> columnPoints; // "-" for an excluded bid
    std::string total;                     // as the engine prints it: "83.41"
    std::string rank;                      // "1", or "-" when excluded
    std::string status;                    // "ranked" or "excluded"
};

// The points per top-level node of one ranked bid, for the chart.
struct ChartBar {
    std::string label; // "B1 Irwell Kitchen ..."
    std::vector<double> points;
    std::string total; // as the ranking prints it
};

struct ExclusionRow {
    std::string bidId;
    std::string supplier;
    std::string reason;
};

// A flag the engine raised and what was done about it.
struct FlagRow {
    std::string bidId;
    std::string kind;       // "abnormally-low", "evaluator-spread", ...
    std::string criterion;  // the criterion concerned, or empty
    std::string detail;     // the engine's words
    std::string resolution; // "accepted by Ann Lee: costs explained", "consensus 3 (Mo Khan): ..."
};

struct PanelRow {
    std::string name;
    std::string roles;       // "lead, evaluator"
    std::string declaration; // "no conflict", "conflict with B3: former director", ...
};

// A consensus score replaced after it was first agreed, with the reason given.
struct ConsensusChange {
    std::string subject; // "B2 q-mobilisation"
    std::string by;
    std::string before; // the earlier value
    std::string after;  // the value now
    std::string reason;
};

struct ModerationSummary {
    std::size_t individualScores = 0; // evaluators' scores recorded
    std::size_t consensusScores = 0;  // bid and criterion pairs with a consensus
    std::size_t spreadsOverThreshold = 0;
    std::size_t reopenedScores = 0;
    std::vector<ConsensusChange> changes;
};

// Community wealth figures for one bid, from what the bid declared.
struct CommunityWealthRow {
    std::string bidId;
    std::string supplier;
    std::string localSpend; // "62.5%", or "not declared"
    std::string ownership;  // "worker-cooperative"
    std::string sme;        // "yes", "no", "not declared"
    std::string livingWage; // "accredited", "committed", "pays the rate (13.60)", "below ..."
};

struct OwnershipCount {
    std::string model;
    std::size_t bids = 0;
};

// The recommendation: the first-ranked bid and how it compares with the runner-up, in
// points and in money.
struct Recommendation {
    std::string bidId;
    std::string supplier;
    std::string total;
    std::string price;          // the winner's P: "7,140,000.00"
    std::string priceBasis;     // what P is: "the tendered price" or "the whole-life cost (net
                                // present value of the yearly costs at 3.5% a year)"
    std::string versusEstimate; // "2.0% above the estimated value of 7,000,000.00", or empty
    std::string runnerUpBidId;  // empty when only one bid is ranked
    std::string runnerUpSupplier;
    std::string runnerUpTotal;
    std::string runnerUpPrice;
    std::string margin;          // winner total minus runner-up total: "4.12"
    std::string priceDifference; // "170,000.00 more than the runner-up's", "... less ...",
                                 // "the same as the runner-up's"
    struct Line {
        std::string node; // a top-level node's title
        std::string winner;
        std::string runnerUp;
        std::string difference; // "+2.30", "-1.00"
    };
    std::vector<Line> comparison;
};

struct AwardRecordText {
    std::string bidId;
    std::string noticeDate;
    std::string standstillEnd;
    std::string reason;
};

// One step of the award's history, in the order recorded.
struct AwardHistoryLine {
    std::string step;   // "Award", "Exclusion", "Award fell away"
    std::string date;   // the notice date, the day an exclusion was decided, or the entry's day
    std::string bidId;  // the bid awarded or excluded
    std::string detail; // "standstill ends at the end of 2026-01-05", "during the standstill"
    std::string by;     // who recorded it
    std::string reason; // the reason recorded with it
};

// One commitment of a bid to a social value measure, as printed.
struct CommitmentLine {
    std::string measure; // the measure's title
    std::string formula; // "40 FTE x 28,000.00 x deliverability 0.5 = 560,000.00"
    std::string value;   // "560,000.00"
    std::string factor;  // "0.5", or "1 (not assessed)" when the panel gave none
    std::string reason;  // the panel's reason for the factor, or empty
};

// How one bid's social value on one criterion arose and how it was scored.
struct SocialValueText {
    std::string bidId;
    std::string supplier;
    std::string criterion; // the criterion's title
    std::vector<CommitmentLine> commitments;
    std::string total;   // SV: "674,240.00"
    std::string scoring; // "674,240.00 / highest 1,306,960.00 x 9 = 4.64"
};

// How robust the award is (sensitivity/AwardSensitivity.h), as printed.
struct WeightFlipLine {
    std::string node;       // "Quality (quality)"
    std::string weight;     // as published, "30.00"
    std::string down;       // "18.43", or "-" where no weight below changes the winner
    std::string downWinner; // who wins there, "tie" or empty
    std::string up;
    std::string upWinner;
};

struct MarkFlipLine {
    std::string bidId;
    std::string criterion; // the criterion's title and id
    std::string from;
    std::string to;
    std::string newWinner; // or "tie for first place"
};

struct OddsLine {
    std::string bidId;
    std::string supplier;
    std::string share; // "81.0%"
    double fraction = 0;
};

struct RobustnessText {
    std::string verdict; // verdictText: "B1 wins by 3.84 points over B2, a clear winner ..."
    bool clearWinner = false;
    std::vector<WeightFlipLine> weightFlips; // nearest flip first; nodes without one last
    std::vector<MarkFlipLine> markFlips;     // every one
    std::string oddsMethod;                  // "10000 samples, seed 1; weights drawn around ..."
    std::vector<OddsLine> odds;              // rank order
};

// Whether the results are given at `state`: for a folder (nullopt) always, for a workspace
// once they are locked (or awarded).
bool resultsGiven(std::optional<LifecycleState> state);

// The award confidence analysis a document carries (`odds`: the default 10,000 samples,
// seed 1, as `fairtender sensitivity` gives it): for a folder (`state` nullopt) always, for
// a workspace once its results are given (locked or awarded); nullopt before, and when
// nothing is ranked.
std::optional<AwardSensitivity> documentedSensitivity(const TenderFolder& folder,
                                                      const EvaluationResult& result,
                                                      std::optional<LifecycleState> state,
                                                      const OddsSettings& odds = {});

// The award confidence analysis in the words and figures every document prints.
RobustnessText robustnessText(const AwardSensitivity& sensitivity, const Tender& tender,
                              const EvaluationResult& result);

struct AwardReportContent {
    TenderHeading tender;
    std::optional<Recommendation> recommendation; // nullopt when first place is tied
    std::string aggregation;                      // "weighted-sum"
    std::vector<ModelRow> model;
    std::vector<std::string> columns; // titles of the top-level scored nodes
    std::vector<RankingRow> ranking;
    std::vector<ChartBar> chart; // ranked bids, in rank order
    double chartMaximum = 100;   // the points available
    std::vector<ExclusionRow> exclusions;
    std::vector<FlagRow> flags;
    std::vector<PanelRow> panel;
    ModerationSummary moderation;
    std::vector<CommunityWealthRow> communityWealth;
    std::string localSpendSummary; // "2 of 6 bids declared local spend; mean 48.0%"
    std::vector<OwnershipCount> ownership;
    std::vector<InputFileHash> inputs;
    std::string auditHeadHash;
    std::size_t auditEntries = 0;
    std::string auditSignedBy; // the server key that signed every entry; empty when unsigned
    // What `fairtender verify` is given to check this record: the workspace file name
    // ("meals.ftw"), or the tender's address on a server.
    std::string verifyTarget;
    std::optional<AwardRecordText> award;
    std::vector<AwardHistoryLine> history;    // every award, exclusion and fallen award
    std::vector<SocialValueText> socialValue; // each ranked bid's commitments, rank order
    // How robust the award is, at the default samples and seed (as `fairtender sensitivity`
    // gives it); nullopt when nothing is ranked.
    std::optional<RobustnessText> robustness;
};

// One criterion in an assessment summary: how it was scored and what this bid got.
struct CriterionAssessment {
    std::string id;
    std::string title;
    std::string group;           // the enclosing groups' titles, "Quality", or empty
    std::string weight;          // "40%" of its parent
    std::string effectiveWeight; // "12.00" points available
    std::string type;
    std::string method;                   // how it was scored, in words
    std::vector<std::string> descriptors; // judgement: "3: Satisfactory: ..."
    std::string figure;                   // the bid's own figure: "7,140,000.00", "4", "accredited"
    std::string score;                    // normalised score: "0.9776"
    std::string points;                   // "39.10"
    std::string reason;                   // judgement: the consensus reason
    std::string winnerPoints;             // the winning tender's points here, in a loser's summary
};

struct GroupSubtotal {
    std::string title;
    std::string points;
    std::string available;
};

// One bid's assessment: all its scores, or why it was excluded.
struct BidAssessment {
    std::string bidId;
    std::string supplier;
    std::string status; // "ranked" or "excluded"
    std::string rank;   // "1", or empty when excluded
    std::string total;
    std::string exclusionReason;
    // Why it was excluded, in words a supplier reads: a failed gate by its requirement
    // ("did not meet the requirement \"Public liability insurance of at least £10m\"").
    std::vector<std::string> exclusionReasons;
    // Excluded after the evaluation: the scores below are those of the evaluation as it
    // stood before the exclusion, and `standing` says where that left the bid.
    bool excludedAfterEvaluation = false;
    std::string exclusionDate; // the day the exclusion was decided, when recorded
    // "ranked 2nd of 5 assessed tenders", or for a bid excluded after the evaluation
    // "ranked 1st of 5 assessed tenders before it was excluded"; empty when not scored.
    std::string standing;
    std::vector<CriterionAssessment> criteria;
    std::vector<GroupSubtotal> groups;
    std::vector<SocialValueText> socialValue; // how each social value figure arose
    std::vector<std::string> notes;           // e.g. an accepted abnormally low price and why
};

// The assessment summary one supplier receives (Procurement Act 2023 s.50): its own
// assessment and, unless it is the winner, the winning tender's (each criterion's points of
// the winner beside its own). It names no other bidder.
struct AssessmentSummaryContent {
    TenderHeading tender;
    BidAssessment own;
    std::optional<BidAssessment> winner; // nullopt for the winner's own summary
    std::string pointsAvailable;         // "100.00"
    std::string awardNotice;             // "award notice 2025-12-19, standstill ends 2026-01-05"
    std::size_t assessedTenders = 0;     // bids ranked in the evaluation
};

// A gathered document, or why it cannot be made.
template <class Content> struct Gathered {
    std::optional<Content> content;
    Diagnostics problems;

    bool ok() const { return content.has_value(); }
};

// The award report of a locked or awarded workspace; an earlier stage, inputs that no
// longer evaluate or a file that cannot be read give problems and no content.
Gathered<AwardReportContent> gatherAwardReport(const Workspace& workspace,
                                               const LivingWageTable* rates);

// One summary per assessed supplier (every bid, ranked or excluded), in result order.
Gathered<std::vector<AssessmentSummaryContent>>
gatherAssessmentSummaries(const Workspace& workspace, const LivingWageTable* rates);

// The SHA-256 of every file `workspace export` writes, in export order.
Gathered<std::vector<InputFileHash>> storedInputHashes(const Workspace& workspace);

// What a workspace's scorecard lists on its Provenance sheet (ScorecardOptions::storedInputs):
// the stored inputs' hashes, once the workspace passes verify; else why no scorecard is made.
Gathered<std::vector<InputFileHash>> scorecardInputs(const Workspace& workspace,
                                                     const LivingWageTable* rates);

// Nothing when the workspace is locked or awarded; else the problem naming its stage,
// ending "finish it and <howToLock>". `what` names the document: "the award report";
// `howToLock` is the caller's own way to move the tender on (a command, a menu).
Diagnostics requireLockedOrAwarded(const Workspace& workspace, const std::string& what,
                                   const std::string& howToLock);
// The same words for a tender at `state`, wherever it is kept: nullopt when locked or awarded.
std::optional<std::string> lockedOrAwardedProblem(LifecycleState state, const std::string& what,
                                                  const std::string& howToLock);

// Nothing when the workspace passes verify (the audit chain, every stored record against the
// entry that wrote it, the recomputed results); else one problem naming the first thing that
// failed. No document is made from a record that fails verification.
Diagnostics requireVerified(const Workspace& workspace, const LivingWageTable* rates);

// A locked or awarded workspace's stored inputs and their result: what every document made
// from the results starts from.
struct LockedEvaluation {
    TenderFolder folder;
    EvaluationResult result;
    LifecycleState state = LifecycleState::Draft;
};

// The stored inputs evaluated; the stage problem of requireLockedOrAwarded (coded
// "documents.not-locked", for each front end to add its way to lock), the first failure of
// requireVerified, or the problems of inputs that no longer evaluate, give no content.
// `what` names the document.
Gathered<LockedEvaluation> evaluateLocked(const Workspace& workspace, const LivingWageTable* rates,
                                          const std::string& what);

} // namespace fairtender
