// The OCDS 1.1 release package of the school meals sample taken to awarded: parsed back
// as JSON, every release-schema field it uses present with the schema's type.
#include "io/ocds/OcdsRelease.h"

#include "AwardedWorkspace.h"
#include "ShellCommand.h"
#include "Timeline.h"

#include <Poco/JSON/Array.h>
#include <Poco/JSON/Object.h>
#include <Poco/JSON/Parser.h>
#include <gtest/gtest.h>

#include <fstream>
#include <sstream>

namespace fairtender {
namespace {

using Poco::JSON::Array;
using Poco::JSON::Object;
using testing::livingWageRates;
using testing::ScratchFolder;
using testing::sourceDir;
using testing::takeThroughLifecycle;

enum class JsonType { String, Number, Integer, Array, Object };

// Walks "releases.0.tender.value.amount" through objects and arrays; empty if missing.
Poco::Dynamic::Var at(const Poco::Dynamic::Var& root, const std::string& path) {
    Poco::Dynamic::Var current = root;
    std::istringstream parts(path);
    std::string part;
    while (std::getline(parts, part, '.')) {
        if (current.type() == typeid(Object::Ptr)) {
            const auto object = current.extract<Object::Ptr>();
            if (!object->has(part))
                return {};
            current = object->get(part);
        } else if (current.type() == typeid(Array::Ptr)) {
            const auto array = current.extract<Array::Ptr>();
            const auto index = std::stoul(part);
            if (index >= array->size())
                return {};
            current = array->get(static_cast<unsigned>(index));
        } else {
            return {};
        }
    }
    return current;
}

bool hasType(const Poco::Dynamic::Var& value, JsonType type) {
    switch (type) {
    case JsonType::String:
        return value.isString();
    case JsonType::Number:
        return value.isNumeric();
    case JsonType::Integer:
        return value.isInteger();
    case JsonType::Array:
        return value.type() == typeid(Array::Ptr);
    case JsonType::Object:
        return value.type() == typeid(Object::Ptr);
    }
    return false;
}

class OcdsRelease : public ::testing::Test {
protected:
    static void SetUpTestSuite() {
        scratch_ = new ScratchFolder;
        const Workspace ws =
            takeThroughLifecycle(sourceDir() / "samples/school-meals", scratch_->path());
        OcdsOptions options;
        options.publishedDate = "2025-12-19T09:00:00Z";
        const auto package = ocdsReleasePackage(ws, livingWageRates(), options);
        ASSERT_TRUE(package.ok());
        json_ = new std::string(*package.json);
        root_ = new Poco::Dynamic::Var(Poco::JSON::Parser().parse(*json_));
    }
    static void TearDownTestSuite() {
        delete root_;
        delete json_;
        delete scratch_;
    }

    static Poco::Dynamic::Var field(const std::string& path) { return at(*root_, path); }

    static ScratchFolder* scratch_;
    static std::string* json_;
    static Poco::Dynamic::Var* root_;
};

ScratchFolder* OcdsRelease::scratch_ = nullptr;
std::string* OcdsRelease::json_ = nullptr;
Poco::Dynamic::Var* OcdsRelease::root_ = nullptr;

TEST_F(OcdsRelease, EveryFieldUsedHasTheReleaseSchemasType) {
    // Field (in the first release, first item of each array) and its type in the schema.
    const std::pair<const char*, JsonType> fields[] = {
        {"uri", JsonType::String},
        {"publishedDate", JsonType::String},
        {"publisher.name", JsonType::String},
        {"version", JsonType::String},
        {"extensions", JsonType::Array},
        {"releases", JsonType::Array},
        {"releases.0.ocid", JsonType::String},
        {"releases.0.id", JsonType::String},
        {"releases.0.date", JsonType::String},
        {"releases.0.tag", JsonType::Array},
        {"releases.0.initiationType", JsonType::String},
        {"releases.0.parties", JsonType::Array},
        {"releases.0.parties.0.id", JsonType::String},
        {"releases.0.parties.0.name", JsonType::String},
        {"releases.0.parties.0.roles", JsonType::Array},
        {"releases.0.buyer.id", JsonType::String},
        {"releases.0.buyer.name", JsonType::String},
        {"releases.0.tender.id", JsonType::String},
        {"releases.0.tender.title", JsonType::String},
        {"releases.0.tender.value.amount", JsonType::Number},
        {"releases.0.tender.value.currency", JsonType::String},
        {"releases.0.tender.awardCriteria", JsonType::String},
        {"releases.0.tender.awardCriteriaDetails", JsonType::String},
        {"releases.0.tender.tenderers", JsonType::Array},
        {"releases.0.tender.tenderers.0.id", JsonType::String},
        {"releases.0.tender.numberOfTenderers", JsonType::Integer},
        {"releases.0.bids.details", JsonType::Array},
        {"releases.0.bids.details.0.id", JsonType::String},
        {"releases.0.bids.details.0.status", JsonType::String},
        {"releases.0.bids.details.0.tenderers", JsonType::Array},
        {"releases.0.bids.details.0.value.amount", JsonType::Number},
        {"releases.0.awards", JsonType::Array},
        {"releases.0.awards.0.id", JsonType::String},
        {"releases.0.awards.0.status", JsonType::String},
        {"releases.0.awards.0.date", JsonType::String},
        {"releases.0.awards.0.value.amount", JsonType::Number},
        {"releases.0.awards.0.value.currency", JsonType::String},
        {"releases.0.awards.0.suppliers.0.id", JsonType::String},
        {"releases.0.awards.0.suppliers.0.name", JsonType::String},
        {"releases.0.awards.0.documents.0.id", JsonType::String},
        {"releases.0.awards.0.documents.0.documentType", JsonType::String},
    };
    for (const auto& [path, type] : fields) {
        const auto value = field(path);
        EXPECT_FALSE(value.isEmpty()) << path << " is missing";
        if (!value.isEmpty()) {
            EXPECT_TRUE(hasType(value, type)) << path << " has the wrong type";
        }
    }
}

TEST_F(OcdsRelease, IdentifiesTheReleaseByTheDefaultOcidPrefixAndTheTenderId) {
    EXPECT_EQ(field("releases.0.ocid").toString(), "ocds-fairtender-SCC-2026-014");
    EXPECT_EQ(field("version").toString(), "1.1");
    EXPECT_EQ(field("releases.0.tag.0").toString(), "award");
    EXPECT_EQ(field("releases.0.tender.awardCriteria").toString(), "ratedCriteria");
    EXPECT_EQ(field("publishedDate").toString(), "2025-12-19T09:00:00Z");
}

TEST_F(OcdsRelease, ListsTheBidsExtension) {
    EXPECT_EQ(field("extensions.0").toString(), kOcdsBidsExtension);
}

TEST_F(OcdsRelease, AmountsAreWrittenInPoundsWithTwoDecimals) {
    EXPECT_NE(json_->find("\"amount\": 7140000.00,"), std::string::npos);
    EXPECT_DOUBLE_EQ(field("releases.0.awards.0.value.amount").convert<double>(), 7140000.00);
    EXPECT_DOUBLE_EQ(field("releases.0.tender.value.amount").convert<double>(), 7000000.00);
}

TEST_F(OcdsRelease, AwardGoesToTheFirstRankedBidOnTheNoticeDate) {
    EXPECT_EQ(field("releases.0.awards.0.suppliers.0.id").toString(), "tenderer-B1");
    EXPECT_EQ(field("releases.0.awards.0.status").toString(), "active");
    EXPECT_EQ(field("releases.0.awards.0.date").toString(), "2025-12-19T00:00:00Z");
    EXPECT_EQ(field("releases.0.awards.0.standstillPeriod.endDate").toString(),
              "2026-01-05T23:59:59Z");
}

TEST_F(OcdsRelease, EveryBidderIsATendererAndTheExcludedBidIsDisqualified) {
    EXPECT_EQ(field("releases.0.tender.numberOfTenderers").convert<int>(), 6);
    EXPECT_EQ(field("releases.0.parties").extract<Array::Ptr>()->size(), 7u); // buyer + 6
    const auto details = field("releases.0.bids.details").extract<Array::Ptr>();
    for (unsigned i = 0; i < details->size(); ++i) {
        const auto bid = details->getObject(i);
        EXPECT_EQ(bid->getValue<std::string>("status"),
                  bid->getValue<std::string>("id") == "B4" ? "disqualified" : "valid");
    }
}

// The package checked by an independent validator: python3-jsonschema against the OCDS
// 1.1.5 release package schema with the bids extension merged, uri and date-time formats
// checked. Returns the validator's output; "valid\n" when it passes.
std::string validatedBySchema(const std::string& json, const std::filesystem::path& scratch) {
    const auto file = scratch / "package.json";
    std::ofstream(file) << json;
    return testing::runShell("/usr/bin/python3 '" +
                             (sourceDir() / "tests/engine/reporting/validate_ocds.py").string() +
                             "' '" + file.string() + "' 2>&1")
        .out;
}

TEST_F(OcdsRelease, ThePackageValidatesAgainstTheOcdsSchemaWithTheBidsExtension) {
    EXPECT_EQ(validatedBySchema(*json_, scratch_->path()), "valid\n");
}

TEST_F(OcdsRelease, TheAwardReportIsListedWithoutARelativeAddress) {
    EXPECT_EQ(field("releases.0.awards.0.documents.0.documentType").toString(),
              "evaluationReports");
    EXPECT_TRUE(field("releases.0.awards.0.documents.0.url").isEmpty());
}

// The winner withdraws during the standstill and the lead awards to B2: the withdrawal is
// coded as such, and the first award stays in the release, cancelled.
TEST(OcdsReleaseReAward, AWithdrawnWinnerIsWithdrawnAndItsAwardStaysCancelled) {
    ScratchFolder scratch;
    Workspace ws = takeThroughLifecycle(sourceDir() / "samples/school-meals", scratch.path());
    testing::Timeline later("2025-12-22T10:00:00Z");
    ws.setClock(later.clock());
    ASSERT_TRUE(ws.excludeAfterEvaluation("Ann Lee", "B1", "withdrew", livingWageRates(),
                                          std::nullopt, true)
                    .ok());
    ASSERT_TRUE(ws.advance("Ann Lee", LifecycleState::Awarded, "re-award", livingWageRates(),
                           testing::englandBankHolidays(), Date::fromYmd(2025, 12, 22))
                    .ok());
    OcdsOptions options;
    options.awardReportUrl = "https://www.salford.gov.uk/tenders/SCC-2026-014/award-report.pdf";
    const auto package = ocdsReleasePackage(ws, livingWageRates(), options);
    ASSERT_TRUE(package.ok());
    const auto root = Poco::JSON::Parser().parse(*package.json);
    EXPECT_EQ(at(root, "releases.0.awards.0.status").toString(), "cancelled");
    EXPECT_EQ(at(root, "releases.0.awards.0.suppliers.0.id").toString(), "tenderer-B1");
    EXPECT_EQ(at(root, "releases.0.awards.1.status").toString(), "active");
    EXPECT_EQ(at(root, "releases.0.awards.1.suppliers.0.id").toString(), "tenderer-B2");
    EXPECT_EQ(at(root, "releases.0.awards.1.id").toString(), "SCC-2026-014-award-2");
    EXPECT_EQ(at(root, "releases.0.bids.details.0.status").toString(), "withdrawn");
    EXPECT_EQ(at(root, "releases.0.awards.1.documents.0.url").toString(), options.awardReportUrl);
    EXPECT_EQ(validatedBySchema(*package.json, scratch.path()), "valid\n");
}

TEST(OcdsReleaseRecord, TheAwardReportNamesTheHeadHashAndTheServersSigningKey) {
    ScratchFolder scratch;
    Workspace ws = takeThroughLifecycle(sourceDir() / "samples/school-meals", scratch.path());
    const auto unsignedPackage = ocdsReleasePackage(ws, livingWageRates());
    ASSERT_TRUE(unsignedPackage.ok());
    const std::string head = ws.status().headHash;
    const auto unsignedRoot = Poco::JSON::Parser().parse(*unsignedPackage.json);
    EXPECT_EQ(at(unsignedRoot, "releases.0.awards.0.documents.0.description").toString(),
              "Made from a record of " + std::to_string(ws.status().auditEntries) +
                  " audit entries ending at head hash " + head + "; fairtender verify checks it.");
    // From here a server signs what is recorded: the release names its key.
    const auto key = std::make_shared<const AuditSigningKey>(AuditSigningKey::generate());
    ws.setSigner(key);
    testing::Timeline later("2025-12-22T10:00:00Z");
    ws.setClock(later.clock());
    ASSERT_TRUE(
        ws.excludeAfterEvaluation("Ann Lee", "B5", "failed the final check", livingWageRates())
            .ok());
    // Read back as anyone would, without the key: the entries from the first signed one on
    // are signed, and the release names the key.
    const auto reopened = Workspace::open(ws.path());
    ASSERT_TRUE(reopened.ok());
    const auto signedPackage = ocdsReleasePackage(*reopened.workspace, livingWageRates());
    ASSERT_TRUE(signedPackage.ok()) << signedPackage.problems.front().toString();
    const auto signedRoot = Poco::JSON::Parser().parse(*signedPackage.json);
    EXPECT_NE(at(signedRoot, "releases.0.awards.0.documents.0.description")
                  .toString()
                  .find(", signed by the Ed25519 key " + key->publicKeyHex()),
              std::string::npos);
}

TEST(OcdsReleaseReAward, ARelativeReportAddressIsRefused) {
    ScratchFolder scratch;
    const Workspace ws = takeThroughLifecycle(sourceDir() / "samples/school-meals", scratch.path());
    OcdsOptions options;
    options.awardReportUrl = "award-report.pdf";
    const auto package = ocdsReleasePackage(ws, livingWageRates(), options);
    ASSERT_FALSE(package.ok());
    EXPECT_NE(package.problems[0].message.find("is not an absolute URI"), std::string::npos);
}

TEST(OcdsReleaseStage, PackageIsRefusedBeforeTheResultsAreLocked) {
    ScratchFolder scratch;
    const Workspace ws = takeThroughLifecycle(sourceDir() / "samples/school-meals", scratch.path(),
                                              LifecycleState::Moderation);
    const auto package = ocdsReleasePackage(ws, livingWageRates());
    ASSERT_FALSE(package.ok());
    EXPECT_NE(package.problems[0].message.find("the OCDS release is made once the results are "
                                               "locked"),
              std::string::npos);
}

TEST(OcdsReleaseStage, LockedTenderHasAPendingAwardDatedWhenTheResultsWereLocked) {
    ScratchFolder scratch;
    const Workspace ws = takeThroughLifecycle(sourceDir() / "samples/school-meals", scratch.path(),
                                              LifecycleState::Locked);
    const auto package = ocdsReleasePackage(ws, livingWageRates());
    ASSERT_TRUE(package.ok());
    const auto root = Poco::JSON::Parser().parse(*package.json);
    EXPECT_EQ(at(root, "releases.0.awards.0.status").toString(), "pending");
    EXPECT_TRUE(at(root, "releases.0.awards.0.date").isEmpty());
    std::string lockedAt;
    for (const auto& entry : ws.auditLog())
        if (entry.subject == "locked")
            lockedAt = entry.time;
    ASSERT_FALSE(lockedAt.empty());
    EXPECT_EQ(at(root, "releases.0.date").toString(), lockedAt);
}

} // namespace
} // namespace fairtender
