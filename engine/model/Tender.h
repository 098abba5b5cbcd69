// The tender and its evaluation model, as read from tender.xml (spec sections 1, 3, 4).
// Plain data: the XML reader fills it, validation checks it, scoring reads it. Every
// element keeps the SourceLocation it came from so later checks can point at it.
#pragma once

#include "core/Date.h"
#include "core/Diagnostic.h"
#include "core/Money.h"
#include "core/Postcode.h"
#include "model/OwnershipModel.h"

#include <optional>
#include <string>
#include <vector>

namespace fairtender {

enum class CriterionType { Price, Judgement, SocialValue, Locality, LivingWage, Ownership };
enum class PriceMethod { LowestRelative, LinearRange, LowestDeviation, MeanDeviation, Income };
enum class SocialValueMethod { RelativeToHighest, RatioToPrice, Target };
enum class LocalityMethod { SupplierLocation, LocalSpend };
enum class LivingWageMethod { Tiered, Gate };
enum class LivingWageTier { Accredited, Committed, MeetsRate, Below };
enum class Aggregation { WeightedSum, PricePerQualityPoint };

// <abnormally-low below-mean-percent="20" below-estimate-percent="30"/> on a price criterion.
struct AbnormallyLowRule {
    std::optional<double> belowMeanPercent;
    std::optional<double> belowEstimatePercent;
    SourceLocation where;
};

// <descriptor score="3">Good: ...</descriptor> on a judgement criterion.
struct Descriptor {
    double score = 0;
    std::string text;
    SourceLocation where;
};

// <measure id="local-jobs" title="..." unit="FTE" proxy="28000.00"/> on a social-value criterion.
struct Measure {
    std::string id;
    std::string title;
    std::string unit;
    Money proxy;
    SourceLocation where;
};

// <band area="local" score="1"/> on a supplier-location locality criterion.
struct LocalityBand {
    std::string areaId;
    double score = 0;
    SourceLocation where;
};

// <tier when="committed" score="0.75"/> on a tiered living-wage criterion.
struct LivingWageTierScores {
    double accredited = 1.0;
    double committed = 0.8;
    double meetsRate = 0.5;
    double below = 0.0;
};

// <ownership model="worker-cooperative" score="1"/> on an ownership criterion.
struct OwnershipScore {
    OwnershipModel model = OwnershipModel::LargePrivate;
    double score = 0;
    SourceLocation where;
};

// The type-specific settings of a leaf criterion; only the fields of its type are used.
struct CriterionSettings {
    CriterionType type = CriterionType::Price;

    // price
    PriceMethod priceMethod = PriceMethod::LowestRelative;
    std::optional<Money> ceiling;       // linear-range published qualification price
    std::optional<double> discountRate; // percent a year: whole-life cost (NPV)
    std::optional<AbnormallyLowRule> abnormallyLow;

    // judgement
    double scaleMax = 0;
    std::optional<double> scaleStep;
    std::optional<double> minScore;
    std::optional<double>
        spreadPercent; // evaluator-spread flag threshold; model's default if unset
    std::vector<Descriptor> descriptors;

    // social value
    SocialValueMethod socialValueMethod = SocialValueMethod::RelativeToHighest;
    std::optional<Money> socialValueTarget;
    std::vector<Measure> measures;

    // locality
    LocalityMethod localityMethod = LocalityMethod::SupplierLocation;
    std::vector<LocalityBand> bands;
    double otherwise = 0;                   // also the ownership criterion's <otherwise score>
    std::optional<double> localSpendTarget; // percent

    // living wage
    LivingWageMethod livingWageMethod = LivingWageMethod::Tiered;
    LivingWageTierScores tiers;

    // ownership
    std::vector<OwnershipScore> ownershipScores;
    std::vector<OwnershipModel> reserved; // empty: not a reserved contract
    // The buyer's recorded note of the ownership criterion's relevance to the subject matter
    // and its proportionality (Procurement Act 2023 s.23); empty when none is recorded.
    std::string justification;
};

enum class NodeKind { Group, Criterion, Gate };

// A node of the evaluation model tree: a group (inner node), a criterion (leaf) or a
// pass/fail gate. Gates carry no weight and do not take part in the sibling sum.
struct ModelNode {
    NodeKind kind = NodeKind::Criterion;
    std::string id;
    std::string title; // may be empty; id is then shown
    double weight = 0; // percent of the parent
    SourceLocation where;

    // group
    std::optional<double> minPercent;
    std::vector<ModelNode> children;

    // criterion
    CriterionSettings criterion;

    // gate: a missing answer counts as a fail (missing="fail") instead of an error.
    bool missingGateAnswerFails = false;

    // The title if present, else the id.
    const std::string& displayName() const { return title.empty() ? id : title; }
};

struct EvaluationModel {
    int rounding = 2;                  // decimal places of leaf points and totals
    std::vector<std::string> tieBreak; // node ids and the word "lowest-price"
    Aggregation aggregation = Aggregation::WeightedSum;
    double defaultSpreadPercent = 40; // evaluator-spread threshold, % of the scale
    // A winner ahead of the runner-up by less than this many points is no clear winner
    // (award confidence, sensitivity/AwardSensitivity.h).
    double closeMargin = 1.0;
    std::vector<ModelNode> children; // top level; weights sum to 100
    SourceLocation where;
};

// <area id="local" name="Preston"><postcode prefix="PR1"/>...</area>
struct Area {
    std::string id;
    std::string name;
    std::vector<PostcodePrefix> prefixes;
    SourceLocation where;

    bool contains(const Postcode& postcode) const;
};

// The Real Living Wage and statutory minimum the tender applies, given directly or
// looked up by date and region from the reference data.
struct LivingWageRate {
    std::string region = "uk"; // "uk" or "london"
    Money hourly;
    Money statutoryMinimum;
    std::optional<Date> effective;
    std::optional<Date> lookedUpFor; // set when taken from the reference data by date
    SourceLocation where;
};

struct Tender {
    std::string id;
    std::string currency = "GBP";
    std::string title;
    std::string buyer;
    std::optional<Money> estimatedValue;
    std::optional<LivingWageRate> livingWageRate;
    std::vector<Area> areas;
    EvaluationModel model;
    SourceLocation where;

    const Area* findArea(const std::string& id) const;
};

std::string_view toString(CriterionType type);
std::string_view toString(PriceMethod method);
std::string_view toString(SocialValueMethod method);
std::string_view toString(LocalityMethod method);
std::string_view toString(LivingWageMethod method);
std::string_view toString(LivingWageTier tier);
std::string_view toString(Aggregation aggregation);

// Visits every node depth-first, parents before children.
template <class Visitor> void forEachNode(const std::vector<ModelNode>& nodes, Visitor&& visit) {
    for (const auto& node : nodes) {
        visit(node);
        forEachNode(node.children, visit);
    }
}

// The node with this id anywhere in the model, or nullptr.
const ModelNode* findNode(const EvaluationModel& model, const std::string& id);

// The sibling-weight rule (spec section 1): the weights of the siblings that carry one
// (groups and criteria, not gates) sum to exactly 100, within 1e-9. The tender reader and
// the desktop model editor both judge a set of siblings through this one definition.
struct SiblingWeights {
    double sum = 0;
    int weighted = 0; // siblings that carry a weight; 0 when there are only gates or none

    // True when there is nothing to check (weighted == 0) or the sum is 100 within 1e-9.
    bool sumsTo100() const;
};
SiblingWeights siblingWeights(const std::vector<ModelNode>& siblings);

} // namespace fairtender
