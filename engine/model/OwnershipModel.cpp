#include "model/OwnershipModel.h"

#include <array>
#include <utility>

namespace fairtender {

namespace {
constexpr std::array<std::pair<OwnershipModel, std::string_view>, 12> kWords{{
    {OwnershipModel::WorkerCooperative, "worker-cooperative"},
    {OwnershipModel::ConsumerCooperative, "consumer-cooperative"},
    {OwnershipModel::MultiStakeholderCooperative, "multi-stakeholder-cooperative"},
    {OwnershipModel::EmployeeOwned, "employee-owned"},
    {OwnershipModel::Mutual, "mutual"},
    {OwnershipModel::CommunityInterestCompany, "community-interest-company"},
    {OwnershipModel::CommunityBenefitSociety, "community-benefit-society"},
    {OwnershipModel::Charity, "charity"},
    {OwnershipModel::SocialEnterprise, "social-enterprise"},
    {OwnershipModel::Municipal, "municipal"},
    {OwnershipModel::SmePrivate, "sme-private"},
    {OwnershipModel::LargePrivate, "large-private"},
}};
constexpr std::array<OwnershipModel, 12> kModels{
    OwnershipModel::WorkerCooperative,        OwnershipModel::ConsumerCooperative,
    OwnershipModel::MultiStakeholderCooperative, OwnershipModel::EmployeeOwned,
    OwnershipModel::Mutual,                   OwnershipModel::CommunityInterestCompany,
    OwnershipModel::CommunityBenefitSociety,  OwnershipModel::Charity,
    OwnershipModel::SocialEnterprise,         OwnershipModel::Municipal,
    OwnershipModel::SmePrivate,               OwnershipModel::LargePrivate};
} // namespace

std::optional<OwnershipModel> parseOwnershipModel(std::string_view word) {
    for (const auto& [model, text] : kWords)
        if (text == word)
            return model;
    return std::nullopt;
}

std::string_view toString(OwnershipModel model) {
    for (const auto& [m, text] : kWords)
        if (m == model)
            return text;
    return "unknown";
}

std::span<const OwnershipModel> allOwnershipModels() { return kModels; }

std::string_view ownershipModelList() {
    return "worker-cooperative, consumer-cooperative, multi-stakeholder-cooperative, "
           "employee-owned, mutual, community-interest-company, community-benefit-society, "
           "charity, social-enterprise, municipal, sme-private, large-private";
}

} // namespace fairtender
