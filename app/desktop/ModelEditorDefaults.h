// ModelEditorDefaults: the new nodes the model editor adds (sensible settings per
// criterion type, ids unique in the tender) and the engine's method choices per type.
#pragma once

#include "model/Tender.h"

#include <string>
#include <string_view>
#include <vector>

namespace fairtender::desktop {

// "criterion-1", "criterion-2", ...: the first id with this stem no node of `tender` uses.
std::string unusedNodeId(const Tender& tender, std::string_view stem);

// A criterion of `type` at weight 0 (so its siblings' sum is unchanged), with the spec's
// default method and settings that validate: a 0-5 judgement scale with descriptors, one
// social-value measure, bands for the tender's areas, the default living-wage tiers, an
// ownership table favouring co-operative, employee and mutual ownership.
ModelNode newCriterion(const Tender& tender, CriterionType type);

// A group at weight 0 holding one judgement criterion at weight 100, so it validates.
ModelNode newGroup(const Tender& tender);

// A pass/fail gate.
ModelNode newGate(const Tender& tender);

// Replaces the criterion's settings with `type`'s defaults; id, title and weight are kept.
void changeCriterionType(const Tender& tender, ModelNode& node, CriterionType type);

// The method words the engine knows for `type` (toString of its method enum), in enum
// order; empty for judgement and ownership, which have none.
std::vector<std::string> methodChoices(CriterionType type);
// The node's current method word, or "" when its type has none.
std::string methodOf(const ModelNode& node);
// Sets the method named `word` (one of methodChoices); false if it is not one.
bool setMethod(ModelNode& node, std::string_view word);

// Every criterion type, in enum order.
std::vector<CriterionType> allCriterionTypes();

} // namespace fairtender::desktop
