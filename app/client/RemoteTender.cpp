#include "client/RemoteTender.h"

#include "client/RankingJson.h"
#include "core/Decimal.h"
#include "core/FileBytes.h"
#include "io/json/ResultJson.h"
#include "io/xml/TenderFolder.h"

#include <Poco/JSON/Parser.h>

#include <algorithm>
#include <cstdlib>
#include <map>

namespace fairtender::client {

namespace {

using Poco::JSON::Object;

std::string q(const std::string& text) {
    return jsonQuoted(text);
}

bool succeeded(const ServerReply& reply) {
    return reply.status >= 200 && reply.status < 300;
}

// The reply's JSON object; null when it is not one.
Object::Ptr objectOf(const ServerReply& reply) {
    try {
        Poco::JSON::Parser parser;
        return parser.parse(reply.body).extract<Object::Ptr>();
    } catch (const Poco::Exception&) {
        return nullptr;
    }
}

std::string textOf(const Object::Ptr& object, const std::string& key) {
    return object->optValue<std::string>(key, "");
}

// Each object of the array `key` of `object`.
template <typename Each>
void forEachObject(const Object::Ptr& object, const std::string& key, Each each) {
    const auto array = object ? object->getArray(key) : nullptr;
    if (!array)
        return;
    for (std::size_t i = 0; i < array->size(); ++i)
        if (const auto item = array->getObject(static_cast<unsigned>(i)))
            each(item);
}

EvaluatorScore scoreOf(const Object::Ptr& item) {
    EvaluatorScore score;
    score.bidId = textOf(item, "bid");
    score.criterionId = textOf(item, "criterion");
    score.evaluator = textOf(item, "evaluator");
    score.value = item->optValue<double>("value", 0);
    score.reason = textOf(item, "reason");
    return score;
}

// The bids as the server showed them to the account: a price only where it was not hidden.
std::vector<BidView> bidViewsOf(const Object::Ptr& object) {
    std::vector<BidView> views;
    forEachObject(object, "bids", [&](const Object::Ptr& item) {
        BidView view;
        view.label = textOf(item, "label");
        view.bidId = textOf(item, "bid");
        view.supplierName = textOf(item, "supplier");
        view.priceHidden = item->optValue<bool>("priceHidden", false);
        if (item->has("pricePence"))
            view.price = Money::fromPence(item->getValue<std::int64_t>("pricePence"));
        views.push_back(std::move(view));
    });
    return views;
}

// The array `key` of `object` as values of type T; empty when there is none.
template <typename T> std::vector<T> arrayOf(const Object::Ptr& object, const std::string& key) {
    std::vector<T> values;
    if (const auto array = object->getArray(key))
        for (std::size_t i = 0; i < array->size(); ++i)
            values.push_back(array->getElement<T>(static_cast<unsigned>(i)));
    return values;
}

EvaluationProgress progressOf(const Object::Ptr& o, LifecycleState state) {
    EvaluationProgress progress;
    progress.state = state;
    progress.evaluators = arrayOf<std::string>(o, "evaluators");
    forEachObject(o, "criteria", [&](const Object::Ptr& item) {
        CriterionProgress criterion;
        criterion.criterionId = textOf(item, "criterion");
        criterion.title = textOf(item, "title");
        criterion.scored = arrayOf<std::size_t>(item, "scored");
        criterion.needed = arrayOf<std::size_t>(item, "needed");
        criterion.consensus = item->optValue<std::size_t>("consensus", 0);
        criterion.bids = item->optValue<std::size_t>("bids", 0);
        progress.criteria.push_back(std::move(criterion));
    });
    progress.scored = arrayOf<std::size_t>(o, "scored");
    progress.needed = arrayOf<std::size_t>(o, "needed");
    progress.consensusAgreed = o->optValue<std::size_t>("consensusAgreed", 0);
    progress.consensusNeeded = o->optValue<std::size_t>("consensusNeeded", 0);
    if (!o->isNull("next"))
        progress.next = parseLifecycleState(textOf(o, "next"));
    progress.blockers = arrayOf<std::string>(o, "blockers");
    progress.rankingFinal = o->optValue<bool>("rankingFinal", false);
    return progress;
}

Diagnostics notUnderstood(const ServerLocation& where) {
    return {errorAt({}, where.origin() + " sent an answer this version cannot read")};
}

// A read of the reply as `T` by `parse`, or the server's refusal.
template <typename T, typename Parse>
TenderRead<T> readOf(const ServerReply& reply, const ServerLocation& where, Parse parse) {
    if (!succeeded(reply))
        return {std::nullopt, problemsOf(reply, where)};
    const Object::Ptr object = objectOf(reply);
    if (!object)
        return {std::nullopt, notUnderstood(where)};
    return {parse(object), {}};
}

// {"NAME": "text", ...} of `files`, keyed by `keyOf(file)`; the file that cannot be read
// in `problems`. `shownAs` maps each key back to the file as named here.
std::string filesJson(const std::vector<std::pair<std::string, std::filesystem::path>>& files,
                      std::map<std::string, std::string>& shownAs, Diagnostics& problems) {
    std::string json;
    for (const auto& [key, file] : files) {
        const auto text = readFileBytes(file);
        if (!text) {
            problems.push_back(errorAt({file.string(), 0, 0}, "cannot read the file"));
            continue;
        }
        if (shownAs.count(key)) {
            problems.push_back(errorAt({file.string(), 0, 0},
                                       "another file named " + key +
                                           " is in this upload: the server keeps one per name"));
            continue;
        }
        shownAs[key] = file.string();
        json += std::string(json.empty() ? "" : ",") + q(key) + ":" + q(*text);
    }
    return "{" + json + "}";
}

// The session `fairtender login` kept for the server, or why there is none in `problems`.
std::optional<SavedSession> sessionFor(const ServerLocation& where, Diagnostics& problems) {
    auto session = savedSession(where.origin());
    if (!session)
        problems.push_back(errorAt({}, "not signed in to " + where.origin() +
                                           ": run fairtender login " + where.origin() + " first"));
    return session;
}

// The server names an uploaded file by its key; here it is named as given.
void renameFiles(Diagnostics& problems, const std::map<std::string, std::string>& shownAs) {
    for (auto& d : problems)
        if (const auto found = shownAs.find(d.where.file); found != shownAs.end())
            d.where.file = found->second;
}

} // namespace

RemoteTender::RemoteTender(ServerLocation where, std::string token, std::string person)
    : where_(std::move(where)), token_(std::move(token)), person_(std::move(person)) {}

std::unique_ptr<RemoteTender> RemoteTender::open(const ServerLocation& where,
                                                 Diagnostics& problems) {
    const auto session = sessionFor(where, problems);
    if (!session)
        return nullptr;
    return open(where, *session, problems);
}

std::unique_ptr<RemoteTender> RemoteTender::open(const ServerLocation& where,
                                                 const SavedSession& session,
                                                 Diagnostics& problems) {
    // Who the session is, as the server says: never the name written in the file.
    const ServerReply current = callServer(where, "GET", "/api/v1/sessions/current", session.token);
    if (!succeeded(current)) {
        problems = problemsOf(current, where);
        return nullptr;
    }
    const Object::Ptr object = objectOf(current);
    const Object::Ptr account = object ? object->getObject("account") : nullptr;
    if (!account) {
        problems = notUnderstood(where);
        return nullptr;
    }
    std::unique_ptr<RemoteTender> tender(
        new RemoteTender(where, session.token, textOf(account, "name")));
    return tender;
}

TenderRead<std::string> RemoteTender::documentFrom(const ServerReply& reply,
                                                   std::string_view magic) const {
    if (!succeeded(reply))
        return {std::nullopt, problemsOf(reply, where_)};
    if (!reply.body.starts_with(magic))
        return {std::nullopt,
                {errorAt({}, where_.origin() +
                                 " sent something other than the document asked for; nothing "
                                 "was written")}};
    return {reply.body, {}};
}

TenderRead<std::string> RemoteTender::document(const std::string& subpath,
                                               std::string_view magic) const {
    return documentFrom(call("GET", subpath), magic);
}

TenderRead<std::vector<std::pair<std::string, std::string>>>
RemoteTender::assessmentSummaries(const std::function<void(const std::string& bidId)>& fetching) {
    const auto bids = bidViews(false);
    if (!bids.ok())
        return {std::nullopt, bids.problems};
    std::vector<std::pair<std::string, std::string>> summaries;
    for (const auto& bid : *bids.value) {
        if (fetching)
            fetching(bid.bidId);
        const ServerReply reply = call("GET", "/documents/summaries/" + urlEncoded(bid.bidId));
        if (reply.status == 404) {
            const Diagnostics refused = problemsOf(reply, where_);
            if (!refused.empty() && refused.front().code == "bid.unknown")
                continue;
        }
        auto document = documentFrom(reply, "%PDF-");
        if (!document.ok())
            return {std::nullopt, document.problems};
        summaries.emplace_back(bid.bidId, std::move(*document.value));
    }
    return {std::move(summaries), {}};
}

std::string RemoteTender::shownAs() const {
    return where_.origin() + "/api/v1/tenders/" + where_.tender;
}

TenderRead<std::string> RemoteTender::tenderXml() {
    ServerReply reply = call("GET", "/model");
    if (!succeeded(reply))
        return {std::nullopt, problemsOf(reply, where_)};
    return {std::move(reply.body), {}};
}

TenderRead<Tender> RemoteTender::model(const LivingWageTable* rates) {
    const auto xml = tenderXml();
    if (!xml.ok())
        return {std::nullopt, xml.problems};
    Diagnostics problems;
    auto tender = parseTender(*xml.value, shownAs() + "/model", rates, problems);
    if (!tender && problems.empty())
        problems = notUnderstood(where_);
    return {std::move(tender), std::move(problems)};
}

TenderRead<EvaluationResult> RemoteTender::ranking(const Tender& tender) {
    const ServerReply reply = call("GET", "/ranking");
    if (!succeeded(reply))
        return {std::nullopt, problemsOf(reply, where_)};
    std::string why;
    auto result = rankingFromJson(reply.body, tender, why);
    if (!result)
        return {
            std::nullopt,
            {errorAt({}, where_.origin() + " sent a ranking this version cannot read: " + why)}};
    return {std::move(result), {}};
}

ServerReply RemoteTender::call(const std::string& method, const std::string& subpath,
                               const std::string& body) const {
    return callServer(where_, method, "/api/v1/tenders/" + where_.tender + subpath, token_, body);
}

const ServerReply& RemoteTender::tenderReply() const {
    if (!tenderReply_)
        tenderReply_ = call("GET", "");
    return *tenderReply_;
}

CommandOutcome RemoteTender::command(const std::string& subpath, const std::string& body,
                                     const std::string& method) const {
    tenderReply_.reset(); // the tender's status changes with the command
    const ServerReply reply = call(method, subpath, body);
    CommandOutcome outcome;
    if (!succeeded(reply)) {
        outcome.problems = problemsOf(reply, where_);
        return outcome;
    }
    const Object::Ptr object = objectOf(reply);
    if (!object) {
        outcome.problems = notUnderstood(where_);
        return outcome;
    }
    outcome.summary = textOf(object, "summary");
    forEachObject(object, "warnings", [&](const Object::Ptr& item) {
        Diagnostic d = warningAt({textOf(item, "file"), item->optValue<int>("line", 0),
                                  item->optValue<int>("column", 0)},
                                 textOf(item, "message"));
        d.code = textOf(item, "code");
        outcome.problems.push_back(std::move(d));
    });
    return outcome;
}

TenderRead<WorkspaceStatus> RemoteTender::status() {
    return readOf<WorkspaceStatus>(tenderReply(), where_, [](const Object::Ptr& o) {
        WorkspaceStatus status;
        status.tenderId = textOf(o, "tenderId");
        status.tenderTitle = textOf(o, "title");
        status.state = textOf(o, "stage");
        status.bids = o->optValue<std::size_t>("bids", 0);
        status.scores = o->optValue<std::size_t>("scores", 0);
        status.bidDocuments = o->optValue<std::size_t>("bidDocuments", 0);
        status.consensus = o->optValue<std::size_t>("consensus", 0);
        status.deliverability = o->optValue<std::size_t>("deliverability", 0);
        status.abnormallyLowDecisions = o->optValue<std::size_t>("abnormallyLowDecisions", 0);
        status.exclusions = o->optValue<std::size_t>("exclusions", 0);
        status.auditEntries = o->optValue<std::size_t>("auditEntries", 0);
        status.headHash = textOf(o, "head");
        return status;
    });
}

TenderRead<PanelRecord> RemoteTender::panel() {
    return readOf<PanelRecord>(call("GET", "/panel"), where_, [](const Object::Ptr& o) {
        PanelRecord panel;
        forEachObject(o, "members", [&](const Object::Ptr& item) {
            if (const auto role = parsePanelRole(textOf(item, "role")))
                panel.members.push_back({textOf(item, "account"), *role});
        });
        forEachObject(o, "declarations", [&](const Object::Ptr& item) {
            panel.declarations.push_back(
                {textOf(item, "account"), textOf(item, "bid"), textOf(item, "details")});
        });
        return panel;
    });
}

TenderRead<std::vector<AwardEvent>> RemoteTender::awardHistory() {
    return readOf<std::vector<AwardEvent>>(tenderReply(), where_, [](const Object::Ptr& o) {
        static const std::map<std::string, AwardEvent::Kind> kinds = {
            {"award", AwardEvent::Kind::Award},
            {"exclusion", AwardEvent::Kind::Exclusion},
            {"award-fell-away", AwardEvent::Kind::AwardFellAway}};
        std::vector<AwardEvent> events;
        forEachObject(o, "awardHistory", [&](const Object::Ptr& item) {
            AwardEvent event;
            const auto kind = kinds.find(textOf(item, "kind"));
            event.kind = kind == kinds.end() ? AwardEvent::Kind::Award : kind->second;
            event.bidId = textOf(item, "bid");
            event.date = textOf(item, "date");
            event.standstillEnd = textOf(item, "standstillEnd");
            event.standstill = textOf(item, "standstill");
            event.reason = textOf(item, "reason");
            event.by = textOf(item, "by");
            event.recordedAt = textOf(item, "recordedAt");
            events.push_back(std::move(event));
        });
        return events;
    });
}

TenderRead<std::vector<BidView>> RemoteTender::bidViews(bool anonymous) {
    return readOf<std::vector<BidView>>(call("GET", anonymous ? "/bids?anonymous=true" : "/bids"),
                                        where_, bidViewsOf);
}

TenderRead<ScoringView> RemoteTender::scoringView(bool anonymous) {
    return readOf<ScoringView>(
        call("GET", anonymous ? "/scoring?anonymous=true" : "/scoring"), where_,
        [](const Object::Ptr& o) {
            ScoringView view;
            view.bidViews = bidViewsOf(o);
            forEachObject(o, "criteria", [&](const Object::Ptr& item) {
                JudgementCriterion criterion;
                criterion.id = textOf(item, "id");
                criterion.title = textOf(item, "title");
                criterion.scaleMax = item->optValue<double>("scaleMax", 0);
                if (item->has("step"))
                    criterion.step = item->getValue<double>("step");
                forEachObject(item, "descriptors", [&](const Object::Ptr& descriptor) {
                    criterion.descriptors.push_back(
                        {descriptor->optValue<double>("score", 0), textOf(descriptor, "text"), {}});
                });
                view.criteria.push_back(std::move(criterion));
            });
            if (const auto ids = o->getArray("bidIds"))
                for (std::size_t i = 0; i < ids->size(); ++i)
                    view.bidIds.push_back(ids->getElement<std::string>(static_cast<unsigned>(i)));
            // Cells come bid by bid, each bid's criteria in model order.
            forEachObject(o, "cells", [&](const Object::Ptr& item) {
                JudgementCell cell;
                cell.needed = item->optValue<bool>("needed", false);
                cell.conflict = textOf(item, "conflict");
                cell.hiddenBecause = textOf(item, "hiddenBecause");
                if (const auto own = item->getObject("own"))
                    cell.own = scoreOf(own);
                forEachObject(item, "seen", [&](const Object::Ptr& score) {
                    cell.seen.push_back(scoreOf(score));
                });
                view.cells.push_back(std::move(cell));
            });
            return view;
        });
}

TenderRead<TodoList> RemoteTender::todo() {
    return readOf<TodoList>(call("GET", "/todo"), where_, [](const Object::Ptr& o) {
        TodoList list;
        list.state = parseLifecycleState(textOf(o, "stage")).value_or(LifecycleState::Draft);
        forEachObject(o, "todo", [&](const Object::Ptr& item) {
            list.items.push_back(
                {textOf(item, "bid"), textOf(item, "criterion"), textOf(item, "what")});
        });
        if (const auto progress = o->getObject("progress"))
            list.progress = progressOf(progress, list.state);
        return list;
    });
}

ScoresSeen RemoteTender::scoresSeen(const std::string& bidId, const std::string& criterionId) {
    const auto read = readOf<std::vector<EvaluatorScore>>(
        call("GET", "/scores?bid=" + urlEncoded(bidId) + "&criterion=" + urlEncoded(criterionId)),
        where_, [](const Object::Ptr& o) {
            std::vector<EvaluatorScore> scores;
            forEachObject(o, "scores",
                          [&](const Object::Ptr& item) { scores.push_back(scoreOf(item)); });
            return scores;
        });
    return {read.value.value_or(std::vector<EvaluatorScore>{}), read.problems};
}

TenderRead<std::vector<ModerationItem>> RemoteTender::moderationAgenda() {
    return readOf<std::vector<ModerationItem>>(
        call("GET", "/moderation"), where_, [](const Object::Ptr& o) {
            std::vector<ModerationItem> agenda;
            forEachObject(o, "agenda", [&](const Object::Ptr& entry) {
                ModerationItem item;
                item.bidId = textOf(entry, "bid");
                item.criterionId = textOf(entry, "criterion");
                item.mean = entry->optValue<double>("mean", 0);
                item.spread = entry->optValue<double>("spread", 0);
                item.threshold = entry->optValue<double>("threshold", 0);
                item.overThreshold = entry->optValue<bool>("overThreshold", false);
                forEachObject(entry, "scores", [&](const Object::Ptr& score) {
                    item.scores.push_back(scoreOf(score));
                });
                if (const auto consensus = entry->getObject("consensus"))
                    item.consensus = ConsensusScore{item.bidId,
                                                    item.criterionId,
                                                    textOf(consensus, "moderator"),
                                                    consensus->optValue<double>("value", 0),
                                                    textOf(consensus, "reason"),
                                                    {}};
                agenda.push_back(std::move(item));
            });
            return agenda;
        });
}

TenderRead<std::vector<AuditEntry>> RemoteTender::auditLog() {
    return readOf<std::vector<AuditEntry>>(call("GET", "/log"), where_, [](const Object::Ptr& o) {
        std::vector<AuditEntry> entries;
        forEachObject(o, "entries", [&](const Object::Ptr& item) {
            AuditEntry entry;
            entry.seq = item->optValue<std::int64_t>("seq", 0);
            entry.time = textOf(item, "time");
            entry.actor = textOf(item, "actor");
            entry.action = textOf(item, "action");
            entry.subject = textOf(item, "subject");
            entry.before = textOf(item, "before");
            entry.after = textOf(item, "after");
            entry.reason = textOf(item, "reason");
            entry.prevHash = textOf(item, "prevHash");
            entry.hash = textOf(item, "hash");
            entries.push_back(std::move(entry));
        });
        return entries;
    });
}

std::optional<WorkspaceStatus> RemoteTender::create(const ServerLocation& where,
                                                    const std::filesystem::path& folder,
                                                    Diagnostics& problems) {
    const auto session = sessionFor(where, problems);
    if (!session)
        return std::nullopt;
    return create(where, *session, folder, problems);
}

std::optional<WorkspaceStatus> RemoteTender::create(const ServerLocation& where,
                                                    const SavedSession& session,
                                                    const std::filesystem::path& folder,
                                                    Diagnostics& problems) {
    namespace fs = std::filesystem;
    std::vector<std::pair<std::string, fs::path>> files{{"tender.xml", folder / "tender.xml"}};
    std::error_code error;
    std::vector<fs::path> bids;
    for (const auto& entry : fs::directory_iterator(folder / "bids", error)) {
        const std::string name = entry.path().filename().string();
        if (entry.is_regular_file(error) && !name.starts_with(".") && name.ends_with(".xml"))
            bids.push_back(entry.path());
    }
    std::sort(bids.begin(), bids.end());
    for (const auto& bid : bids)
        files.emplace_back("bids/" + bid.filename().string(), bid);
    std::map<std::string, std::string> shownAs;
    const std::string json = filesJson(files, shownAs, problems);
    if (!problems.empty())
        return std::nullopt;
    const ServerReply reply =
        callServer(where, "POST", "/api/v1/tenders", session.token,
                   "{\"name\":" + q(where.tender) + ",\"files\":" + json + "}");
    if (!succeeded(reply)) {
        problems = problemsOf(reply, where);
        renameFiles(problems, shownAs);
        return std::nullopt;
    }
    const Object::Ptr object = objectOf(reply);
    if (!object) {
        problems = notUnderstood(where);
        return std::nullopt;
    }
    WorkspaceStatus status;
    status.tenderId = textOf(object, "tenderId");
    status.state = textOf(object, "stage");
    status.bids = object->optValue<std::size_t>("bids", 0);
    status.headHash = textOf(object, "head");
    return status;
}

CommandOutcome RemoteTender::importBids(const std::vector<std::filesystem::path>& files,
                                        const ImportProgress&) {
    std::vector<std::pair<std::string, std::filesystem::path>> named;
    for (const auto& file : files)
        named.emplace_back(file.filename().string(), file);
    std::map<std::string, std::string> shownAs;
    CommandOutcome outcome;
    const std::string json = filesJson(named, shownAs, outcome.problems);
    if (!outcome.problems.empty())
        return outcome;
    outcome = command("/bids", "{\"files\":" + json + "}");
    renameFiles(outcome.problems, shownAs);
    return outcome;
}

TenderRead<VerifyReport> RemoteTender::verify(const std::string& expectedSigner) {
    const std::string asked = where_.origin() + "/api/v1/tenders/" + where_.tender;
    return readOf<VerifyReport>(call("GET", "/verify"), where_, [&](const Object::Ptr& o) {
        VerifyReport report;
        report.entriesChecked = o->optValue<std::size_t>("entriesChecked", 0);
        report.rowsChecked = o->optValue<std::size_t>("rowsChecked", 0);
        report.headHash = textOf(o, "head");
        report.signedBy = textOf(o, "signedBy");
        report.entriesSigned = o->optValue<std::size_t>("entriesSigned", 0);
        forEachObject(o, "problems", [&](const Object::Ptr& item) {
            report.problems.push_back(errorAt({asked, 0, 0}, textOf(item, "message")));
        });
        if (!o->optValue<bool>("ok", false) && report.problems.empty())
            report.problems.push_back(errorAt({asked, 0, 0}, "the server's verify failed"));
        // The key the server signs with is its own to say; the one noted elsewhere is
        // checked here, so a server that changed its key is not taken on its word.
        if (!expectedSigner.empty() && report.signedBy != expectedSigner)
            report.problems.push_back(
                errorAt({asked, 0, 0},
                        "the entries are signed by the key " +
                            (report.signedBy.empty() ? std::string("(none)") : report.signedBy) +
                            ", not the noted " + expectedSigner));
        return report;
    });
}

CommandOutcome RemoteTender::addPanelMember(const std::string& name, PanelRole role) {
    return command("/panel",
                   "{\"account\":" + q(name) + ",\"role\":" + q(std::string(toString(role))) + "}");
}

CommandOutcome RemoteTender::declareInterests(const std::vector<ConflictDeclaration>& conflicts) {
    std::string items;
    for (const auto& c : conflicts)
        items += std::string(items.empty() ? "" : ",") + "{\"bid\":" + q(c.bidId) +
                 ",\"details\":" + q(c.details) + "}";
    return command("/declaration", "{\"conflicts\":[" + items + "]}", "PUT");
}

CommandOutcome RemoteTender::submitScores(const std::vector<ScoreSubmission>& scores) {
    std::string items;
    for (const auto& s : scores)
        items += std::string(items.empty() ? "" : ",") + "{\"bid\":" + q(s.bidId) +
                 ",\"criterion\":" + q(s.criterionId) + ",\"value\":" + exactDecimalText(s.value) +
                 ",\"reason\":" + q(s.reason) + "}";
    CommandOutcome outcome = command("/scores", "{\"scores\":[" + items + "]}");
    // The server locates a refused score at its place in the request, "scores[3]": here it
    // is the tender's, and the score's bid and criterion say which it was.
    for (auto& d : outcome.problems) {
        if (!d.where.file.starts_with("scores["))
            continue;
        const std::size_t index = std::strtoul(d.where.file.c_str() + 7, nullptr, 10);
        if (scores.size() > 1 && index < scores.size())
            d.message = scores[index].bidId + " " + scores[index].criterionId + ": " + d.message;
        d.where = {where_.origin() + "/api/v1/tenders/" + where_.tender, 0, 0};
    }
    return outcome;
}

CommandOutcome RemoteTender::reopenScore(const std::string& bidId, const std::string& criterionId,
                                         const std::string& evaluator, const std::string& reason) {
    return command("/reopenings", "{\"bid\":" + q(bidId) + ",\"criterion\":" + q(criterionId) +
                                      ",\"evaluator\":" + q(evaluator) +
                                      ",\"reason\":" + q(reason) + "}");
}

CommandOutcome RemoteTender::setConsensus(const std::string& bidId, const std::string& criterionId,
                                          double value, const std::string& reason,
                                          const std::string& changeReason) {
    return command(
        "/consensus",
        "{\"bid\":" + q(bidId) + ",\"criterion\":" + q(criterionId) +
            ",\"value\":" + exactDecimalText(value) + ",\"reason\":" + q(reason) +
            (changeReason.empty() ? std::string() : ",\"changeReason\":" + q(changeReason)) + "}");
}

CommandOutcome RemoteTender::decideAbnormallyLow(const std::string& bidId, bool accept,
                                                 const std::string& reason) {
    return command("/abnormally-low-decisions", "{\"bid\":" + q(bidId) +
                                                    ",\"accept\":" + (accept ? "true" : "false") +
                                                    ",\"reason\":" + q(reason) + "}");
}

CommandOutcome RemoteTender::advance(LifecycleState to, const std::string& reason,
                                     std::optional<Date> noticeDate) {
    return command(
        "/stage",
        "{\"to\":" + q(std::string(toString(to))) + ",\"reason\":" + q(reason) +
            (noticeDate ? ",\"noticeDate\":" + q(noticeDate->toString()) : std::string()) + "}");
}

CommandOutcome RemoteTender::exclude(const std::string& bidId, const std::string& why,
                                     std::optional<Date> day, bool withdrawn) {
    return command("/exclusions", "{\"bid\":" + q(bidId) + ",\"reason\":" + q(why) +
                                      (day ? ",\"date\":" + q(day->toString()) : std::string()) +
                                      ",\"withdrawn\":" + (withdrawn ? "true" : "false") + "}");
}

CommandOutcome RemoteTender::recordSensitivity(const OddsSettings& odds,
                                               const std::string& reason) {
    return command("/sensitivity-runs", "{\"samples\":" + std::to_string(odds.samples) +
                                            ",\"seed\":" + std::to_string(odds.seed) +
                                            ",\"reason\":" + q(reason) + "}");
}

} // namespace fairtender::client
