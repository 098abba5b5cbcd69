// CriterionScoring: one leaf scored for one bid, for every criterion type other than
// price (spec section 3): the normalised score, the rounded points and the bid's own
// figures a derivation needs later. Numbers only: the words come from derive() on demand.
// Relative methods take the eligible field as input.
#pragma once

#include "model/Bid.h"
#include "model/Evaluations.h"
#include "model/Tender.h"
#include "scoring/EvaluationResult.h"
#include "scoring/ModelPlan.h"

#include <optional>
#include <span>
#include <vector>

namespace fairtender {

// Sets score (clamped to [0,1]) and the points: score x weight rounded to `rounding` places.
void finishCriterion(CriterionResult& result, double effectiveWeight, double score, int rounding);

// Judgement: consensus / scale-max, else the evaluators' mean (flagged unmoderated);
// flags an evaluator spread wider than the threshold. Returns the value used.
double scoreJudgement(CriterionResult& result, const PlannedLeaf& leaf,
                      std::optional<double> consensus,
                      std::span<const EvaluatorScore* const> scores, double defaultSpreadPercent,
                      int rounding, std::vector<Flag>& flags);

// Supplier location: the first band whose area holds the postcode, else `otherwise`.
void scoreSupplierLocation(CriterionResult& result, const PlannedLeaf& leaf,
                           const Postcode& postcode, int rounding);

// Local spend: min(1, percent / target) with a target, else percent / highest (0 when
// the highest is 0).
void scoreLocalSpend(CriterionResult& result, const PlannedLeaf& leaf, double percent,
                     double highestPercent, int rounding);

// Living wage, tiered: the first tier that holds; a gate is not scored.
void scoreLivingWage(CriterionResult& result, const PlannedLeaf& leaf, const Tender& tender,
                     const LivingWageDeclaration& declaration, int rounding);

// Ownership: the score listed for the model, else `otherwise`.
void scoreOwnership(CriterionResult& result, const PlannedLeaf& leaf, OwnershipModel model,
                    int rounding);

// The eligible bids' social value figures a relative method compares against.
struct SocialValueField {
    double highest = 0;      // highest SV
    double highestRatio = 0; // highest SV / P
};

// Social value: SV / highest, (SV/P) / highest ratio, or min(1, SV / target).
void scoreSocialValue(CriterionResult& result, const PlannedLeaf& leaf, double socialValue,
                      double price, const SocialValueField& field, int rounding);

// The tier a declaration reaches against the tender's Real Living Wage rate.
LivingWageTier livingWageTier(const LivingWageDeclaration& declaration, const Tender& tender);

} // namespace fairtender
