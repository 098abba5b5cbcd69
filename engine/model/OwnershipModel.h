// OwnershipModel: how a supplier is owned, from the spec's fixed list of words
// (worker-cooperative ... large-private). Scored by ownership criteria and used by
// reserved contracts.
#pragma once

#include <optional>
#include <span>
#include <string_view>

namespace fairtender {

enum class OwnershipModel {
    WorkerCooperative,
    ConsumerCooperative,
    MultiStakeholderCooperative,
    EmployeeOwned,
    Mutual,
    CommunityInterestCompany,
    CommunityBenefitSociety,
    Charity,
    SocialEnterprise,
    Municipal,
    SmePrivate,
    LargePrivate,
};

// nullopt for a word not in the list.
std::optional<OwnershipModel> parseOwnershipModel(std::string_view word);
// The spec's word: OwnershipModel::WorkerCooperative -> "worker-cooperative".
std::string_view toString(OwnershipModel model);
// Every model, in the spec's order.
std::span<const OwnershipModel> allOwnershipModels();
// "worker-cooperative, consumer-cooperative, ..." for error messages.
std::string_view ownershipModelList();

} // namespace fairtender
