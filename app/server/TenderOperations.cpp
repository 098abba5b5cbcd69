// The API's operations on one tender: each opens the tender's workspace, asks the engine's
// rules whether the person signed in may read what is asked, and passes a change to the
// workspace command, which refuses what the rules refuse. The account name is who acts.
#include "cli/ExplainText.h"
#include "core/Date.h"
#include "io/json/ResultJson.h"
#include "lifecycle/PanelRules.h"
#include "server/ApiCall.h"
#include "store/ScoringView.h"
#include "store/Workspace.h"
#include "store/WorkspaceLocation.h"

#include <cmath>
#include <cstdint>
#include <fstream>
#include <sodium.h>

namespace fairtender::server {

namespace fs = std::filesystem;

namespace {

Diagnostics forClient(Diagnostics problems, const std::string& location) {
    for (auto& d : problems) {
        if (d.where.file == location)
            d.where = {};
        for (auto at = d.message.find(location); at != std::string::npos;
             at = d.message.find(location))
            d.message.replace(at, location.size(), "the tender");
    }
    return problems;
}

} // namespace

Diagnostics forClient(Diagnostics problems, const Workspace& ws) {
    return forClient(std::move(problems), ws.path().string());
}

ApiResponse commandResponse(const CommandOutcome& outcome, const Workspace& ws) {
    const std::string head = ws.headHash();
    ApiResponse response =
        !outcome.ok()
            ? errorResponse(forClient(outcome.problems, ws))
            : jsonResponse(JsonObject()
                               .text("summary", outcome.summary)
                               .raw("warnings", diagnosticsJson(forClient(outcome.problems, ws)))
                               .text("head", head)
                               .str());
    response.headers.emplace_back("ETag", "\"" + head + "\"");
    return response;
}

namespace {

// Why `reader` may not read `view`, as a response; nullopt when they may.
std::optional<ApiResponse> viewRefused(WorkspaceView view, const Workspace& ws,
                                       const std::string& reader) {
    const auto refusals = viewRefusals(view, ws.panel(), ws.state(), reader);
    if (refusals.empty())
        return std::nullopt;
    Diagnostics problems;
    for (const auto& refusal : refusals) {
        Diagnostic d = errorAt({}, refusal.message);
        d.code = refusal.code;
        problems.push_back(std::move(d));
    }
    return errorResponse(problems);
}

} // namespace

UploadFolder::UploadFolder(const fs::path& uploads) {
    unsigned char bytes[12];
    randombytes_buf(bytes, sizeof bytes);
    std::string name = "upload-";
    static constexpr char kHex[] = "0123456789abcdef";
    for (unsigned char b : bytes) {
        name += kHex[b >> 4];
        name += kHex[b & 15];
    }
    path_ = uploads / name;
    fs::create_directories(path_);
}

UploadFolder::~UploadFolder() {
    std::error_code ignored;
    fs::remove_all(path_, ignored);
}

fs::path UploadFolder::write(const std::string& relative, const std::string& text) const {
    const fs::path file = path_ / relative;
    fs::create_directories(file.parent_path());
    std::ofstream out(file, std::ios::binary);
    out << text;
    out.close();
    if (!out)
        throw std::runtime_error("cannot write the upload " + file.string());
    return file;
}

Diagnostics UploadFolder::relative(Diagnostics problems) const {
    const std::string prefix = path_.string() + "/";
    for (auto& d : problems) {
        for (std::string* text : {&d.where.file, &d.message})
            for (auto at = text->find(prefix); at != std::string::npos; at = text->find(prefix))
                text->erase(at, prefix.size());
    }
    return problems;
}

namespace {

// A bid file's name as uploaded: letters, digits, '.', '-' and '_', ending ".xml".
bool validBidFileName(const std::string& name) {
    if (name.size() < 5 || name.size() > 128 || !name.ends_with(".xml") || name[0] == '.')
        return false;
    for (char c : name)
        if (!((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') ||
              c == '.' || c == '-' || c == '_'))
            return false;
    return true;
}

Diagnostic requestProblem(const std::string& message) {
    Diagnostic d = errorAt({}, message);
    d.code = "request.invalid";
    return d;
}

// ?anonymous=true: the bids labelled Bid A, Bid B... without supplier names.
bool askedAnonymous(const Api::Call& call) {
    const auto& query = call.request.query;
    const auto found = query.find("anonymous");
    return found != query.end() && found->second == "true";
}

// The bids as one reader sees them: a price only where it is not hidden from them.
std::string bidViewsJson(const std::vector<BidView>& views) {
    JsonArray bids;
    for (const auto& view : views) {
        JsonObject item;
        item.text("label", view.label);
        if (!view.bidId.empty())
            item.text("bid", view.bidId);
        if (!view.supplierName.empty())
            item.text("supplier", view.supplierName);
        if (view.price)
            item.integer("pricePence", view.price->pence())
                .text("price", view.price->toDisplayString());
        item.boolean("priceHidden", view.priceHidden);
        bids.add(item);
    }
    return bids.str();
}

std::string scoreJson(const EvaluatorScore& score) {
    return JsonObject()
        .text("bid", score.bidId)
        .text("criterion", score.criterionId)
        .text("evaluator", score.evaluator)
        .number("value", score.value)
        .text("reason", score.reason)
        .str();
}

} // namespace

std::string Api::tenderLocation(const std::string& tender) const {
    if (!context_.databaseUri.empty())
        return WorkspaceLocation::tenderUri(context_.databaseUri, tender);
    return (context_.dataFolder / "tenders" / (tender + ".ftw")).string();
}

// The tender the path names, opened for the person signed in, who must be on its panel
// and may read `view` of it: nobody off the panel reads or does anything on a tender,
// whatever the rule of the action itself would say. A change sent with If-Match (the head its
// sender last saw) is refused with 409 and the current head when someone else changed the tender
// since, so no one acts on a state they have not seen.
Api::OpenedTender Api::openTender(const Call& call, WorkspaceView view) const {
    const std::string& name = call.param("tender");
    OpenedTender opened;
    if (!context_.accounts->hasTender(name)) {
        opened.refused = errorResponse("tender.unknown", "there is no tender named " + name);
        return opened;
    }
    auto result = Workspace::open(tenderLocation(name));
    if (!result.ok()) {
        opened.refused = errorResponse(result.diagnostics, 500);
        return opened;
    }
    if (auto refused = viewRefused(view, *result.workspace, call.who())) {
        opened.refused = *refused;
        return opened;
    }
    opened.workspace = std::move(result.workspace);
    opened.workspace->setSigner(context_.signer);
    if (!call.request.ifMatch.empty() && call.request.method != "GET")
        opened.workspace->expectHead(call.request.ifMatch);
    return opened;
}

ApiResponse Api::listTenders(Call& call) {
    JsonArray list;
    for (const auto& name : context_.accounts->tenders()) {
        auto opened = Workspace::open(tenderLocation(name));
        if (!opened.ok())
            continue;
        const PanelRecord panel = opened.workspace->panel();
        JsonArray roles;
        for (const auto& member : panel.members)
            if (member.name == call.who())
                roles.text(std::string(toString(member.role)));
        if (roles.str() == "[]")
            continue;
        const WorkspaceStatus status = opened.workspace->status();
        list.add(JsonObject()
                     .text("name", name)
                     .text("tenderId", status.tenderId)
                     .text("title", status.tenderTitle)
                     .text("stage", status.state)
                     .raw("roles", roles.str()));
    }
    return jsonResponse(JsonObject().raw("tenders", list.str()).str());
}

ApiResponse Api::createTender(Call& call) {
    RequestBody body(call.request.body, {"name", "files"});
    const auto name = body.text("name", true);
    const auto files = body.textMap("files", true);
    if (name && !WorkspaceLocation::validTenderName(*name))
        body.refuse("name", "must be lower-case letters, digits, '-' and '_', starting with a "
                            "letter (at most 48)");
    if (files) {
        if (!files->count("tender.xml"))
            body.refuse("files", "must hold \"tender.xml\"");
        for (const auto& [file, text] : *files) {
            if (file == "tender.xml")
                continue;
            if (file == "evaluations.xml")
                body.refuse("files.evaluations.xml",
                            "is not taken: on a server each evaluator signs in and scores");
            else if (!file.starts_with("bids/") || !validBidFileName(file.substr(5)))
                body.refuse("files." + file,
                            "is not a file of a tender folder: give \"tender.xml\" and "
                            "\"bids/NAME.xml\" (letters, digits, '.', '-', '_')");
        }
    }
    if (!body.ok())
        return errorResponse(body.problems());
    if (context_.accounts->hasTender(*name))
        return errorResponse("tender.exists", "there is already a tender named " + *name);
    UploadFolder upload(context_.uploads);
    for (const auto& [file, text] : *files)
        upload.write(file, text);
    auto created = Workspace::createFromFolder(upload.path(), tenderLocation(*name), call.who(),
                                               context_.rates, {}, context_.signer,
                                               "uploaded by " + call.who());
    if (!created.ok())
        return errorResponse(
            forClient(upload.relative(created.diagnostics), tenderLocation(*name)));
    Workspace& ws = *created.workspace;
    ws.setSigner(context_.signer);
    const CommandOutcome lead = ws.addPanelMember(call.who(), call.who(), PanelRole::Lead);
    if (!lead.ok())
        return errorResponse(lead.problems);
    const Diagnostics registered =
        context_.accounts->registerTender(*name, call.who(), context_.now());
    if (!registered.empty())
        return errorResponse(registered);
    const WorkspaceStatus status = ws.status();
    ApiResponse response = jsonResponse(JsonObject()
                                            .text("name", *name)
                                            .text("tenderId", status.tenderId)
                                            .text("stage", status.state)
                                            .integer("bids", static_cast<std::int64_t>(status.bids))
                                            .text("lead", call.who())
                                            .text("head", status.headHash)
                                            .raw("warnings", diagnosticsJson(created.diagnostics))
                                            .str(),
                                        201);
    response.headers.emplace_back("Location", "/api/v1/tenders/" + *name);
    return response;
}

namespace {

std::string_view awardEventKind(AwardEvent::Kind kind) {
    switch (kind) {
    case AwardEvent::Kind::Award:
        return "award";
    case AwardEvent::Kind::Exclusion:
        return "exclusion";
    case AwardEvent::Kind::AwardFellAway:
        return "award-fell-away";
    }
    return "award";
}

// The award's story in the order recorded (Workspace::awardHistory).
std::string awardHistoryJson(const Workspace& ws) {
    JsonArray events;
    for (const auto& event : ws.awardHistory())
        events.add(JsonObject()
                       .text("kind", std::string(awardEventKind(event.kind)))
                       .text("bid", event.bidId)
                       .text("date", event.date)
                       .text("standstillEnd", event.standstillEnd)
                       .text("standstill", event.standstill)
                       .text("reason", event.reason)
                       .text("by", event.by)
                       .text("recordedAt", event.recordedAt));
    return events.str();
}

} // namespace

ApiResponse Api::tenderStatus(Call& call) {
    OpenedTender opened = openTender(call);
    if (!opened.workspace)
        return opened.refused;
    Workspace& ws = *opened.workspace;
    const WorkspaceStatus status = ws.status();
    const auto count = [](std::size_t n) {
        return static_cast<std::int64_t>(n);
    };
    ApiResponse response =
        jsonResponse(JsonObject()
                         .text("name", call.param("tender"))
                         .text("tenderId", status.tenderId)
                         .text("title", status.tenderTitle)
                         .text("stage", status.state)
                         .integer("bids", count(status.bids))
                         .integer("bidDocuments", count(status.bidDocuments))
                         .integer("scores", count(status.scores))
                         .integer("consensus", count(status.consensus))
                         .integer("deliverability", count(status.deliverability))
                         .integer("abnormallyLowDecisions", count(status.abnormallyLowDecisions))
                         .integer("exclusions", count(status.exclusions))
                         .integer("auditEntries", count(status.auditEntries))
                         .text("head", status.headHash)
                         .raw("awardHistory", awardHistoryJson(ws))
                         .str());
    response.headers.emplace_back("ETag", "\"" + status.headHash + "\"");
    return response;
}

ApiResponse Api::getModel(Call& call) {
    OpenedTender opened = openTender(call, WorkspaceView::Model);
    if (!opened.workspace)
        return opened.refused;
    ApiResponse response;
    response.body = opened.workspace->tenderXml();
    response.contentType = "application/xml";
    return response;
}

ApiResponse Api::getPanel(Call& call) {
    OpenedTender opened = openTender(call, WorkspaceView::Panel);
    if (!opened.workspace)
        return opened.refused;
    Workspace& ws = *opened.workspace;
    const PanelRecord panel = ws.panel();
    JsonArray members;
    for (const auto& member : panel.members)
        members.add(JsonObject()
                        .text("account", member.name)
                        .text("role", std::string(toString(member.role))));
    JsonArray declarations;
    for (const auto& line : panel.declarations) {
        JsonObject item;
        item.text("account", line.person);
        if (line.bidId.empty())
            item.null("bid");
        else
            item.text("bid", line.bidId);
        item.text("details", line.details);
        declarations.add(item);
    }
    return jsonResponse(
        JsonObject().raw("members", members.str()).raw("declarations", declarations.str()).str());
}

ApiResponse Api::addPanelMember(Call& call) {
    RequestBody body(call.request.body, {"account", "role"});
    const auto account = body.text("account", true);
    const auto roleText = body.text("role", true);
    const auto role = parsePanelRole(roleText.value_or(""));
    if (roleText && !role)
        body.refuse("role", "must be lead, evaluator, moderator or auditor");
    if (!body.ok())
        return errorResponse(body.problems());
    OpenedTender opened = openTender(call);
    if (!opened.workspace)
        return opened.refused;
    Workspace& ws = *opened.workspace;
    // A name on the panel is an account. An unknown one is refused only to someone the rules
    // let add members, so nobody else learns from the answer which accounts exist.
    if (mayTake(WorkspaceAction::AddPanelMember, ws.panel(), ws.state(), call.who()) &&
        !context_.accounts->account(*account))
        return errorResponse("account.unknown", "there is no account named " + *account +
                                                    ": a site administrator creates it first");
    return commandResponse(ws.addPanelMember(call.who(), *account, *role), ws);
}

ApiResponse Api::declareInterests(Call& call) {
    RequestBody body(call.request.body, {"conflicts"});
    std::vector<ConflictDeclaration> conflicts;
    for (const auto& item : body.objects("conflicts", true, {"bid", "details"})) {
        const auto bid = item->text("bid", true);
        const auto details = item->text("details", true);
        if (bid && details)
            conflicts.push_back({call.who(), *bid, *details});
    }
    if (!body.ok())
        return errorResponse(body.problems());
    OpenedTender opened = openTender(call);
    if (!opened.workspace)
        return opened.refused;
    Workspace& ws = *opened.workspace;
    return commandResponse(ws.declareInterests(call.who(), conflicts, context_.rates), ws);
}

ApiResponse Api::importBids(Call& call) {
    RequestBody body(call.request.body, {"files"});
    const auto files = body.textMap("files", true);
    if (files) {
        if (files->empty())
            body.refuse("files", "holds no bid file");
        for (const auto& [file, text] : *files)
            if (!validBidFileName(file))
                body.refuse("files." + file, "is not a bid file name: letters, digits, '.', "
                                             "'-', '_', ending .xml");
    }
    if (!body.ok())
        return errorResponse(body.problems());
    OpenedTender opened = openTender(call);
    if (!opened.workspace)
        return opened.refused;
    Workspace& ws = *opened.workspace;
    // Refused by the rules before a byte of the upload is written.
    if (!mayTake(WorkspaceAction::ImportBids, ws.panel(), ws.state(), call.who()))
        return commandResponse(ws.importBids(call.who(), {}, context_.rates), ws);
    UploadFolder upload(context_.uploads);
    std::vector<fs::path> paths;
    for (const auto& [file, text] : *files)
        paths.push_back(upload.write(file, text));
    CommandOutcome outcome = ws.importBids(call.who(), paths, context_.rates);
    outcome.problems = upload.relative(outcome.problems);
    return commandResponse(outcome, ws);
}

ApiResponse Api::listBids(Call& call) {
    OpenedTender opened = openTender(call, WorkspaceView::Bids);
    if (!opened.workspace)
        return opened.refused;
    Workspace& ws = *opened.workspace;
    const bool anonymous = askedAnonymous(call);
    return jsonResponse(
        JsonObject()
            .raw("bids", bidViewsJson(ws.bidViewsFor(call.who(), anonymous, context_.rates)))
            .str());
}

ApiResponse Api::scoringView(Call& call) {
    OpenedTender opened = openTender(call, WorkspaceView::Scores);
    if (!opened.workspace)
        return opened.refused;
    Workspace& ws = *opened.workspace;
    const bool anonymous = askedAnonymous(call);
    Diagnostics problems;
    const auto view = scoringViewFor(ws, call.who(), anonymous, context_.rates, problems);
    if (!view)
        return errorResponse(forClient(problems, ws), 409);
    JsonArray criteria;
    for (const auto& criterion : view->criteria) {
        JsonArray descriptors;
        for (const auto& descriptor : criterion.descriptors)
            descriptors.add(
                JsonObject().number("score", descriptor.score).text("text", descriptor.text));
        JsonObject item;
        item.text("id", criterion.id)
            .text("title", criterion.title)
            .number("scaleMax", criterion.scaleMax);
        if (criterion.step)
            item.number("step", *criterion.step);
        criteria.add(item.raw("descriptors", descriptors.str()));
    }
    JsonArray cells;
    for (std::size_t b = 0; b < view->bidIds.size(); ++b)
        for (std::size_t c = 0; c < view->criteria.size(); ++c) {
            const JudgementCell& cell = view->cells[b * view->criteria.size() + c];
            JsonArray seen;
            for (const auto& score : cell.seen)
                seen.raw(scoreJson(score));
            JsonObject item;
            item.text("bid", view->bidIds[b])
                .text("criterion", view->criteria[c].id)
                .boolean("needed", cell.needed)
                .text("conflict", cell.conflict)
                .raw("seen", seen.str())
                .text("hiddenBecause", cell.hiddenBecause);
            if (cell.own)
                item.raw("own", scoreJson(*cell.own));
            cells.add(item);
        }
    JsonArray bidIds;
    for (const auto& bidId : view->bidIds)
        bidIds.text(bidId);
    return jsonResponse(JsonObject()
                            .raw("bidIds", bidIds.str())
                            .raw("bids", bidViewsJson(view->bidViews))
                            .raw("criteria", criteria.str())
                            .raw("cells", cells.str())
                            .str());
}

namespace {

JsonArray countsJson(const std::vector<std::size_t>& counts) {
    JsonArray array;
    for (const std::size_t n : counts)
        array.raw(std::to_string(n));
    return array;
}

// How far the panel has got (engine/lifecycle/Progress.h): counts only, never a score.
std::string progressJson(const EvaluationProgress& progress) {
    JsonArray evaluators;
    for (const auto& name : progress.evaluators)
        evaluators.text(name);
    JsonArray criteria;
    for (const auto& criterion : progress.criteria)
        criteria.add(JsonObject()
                         .text("criterion", criterion.criterionId)
                         .text("title", criterion.title)
                         .raw("scored", countsJson(criterion.scored).str())
                         .raw("needed", countsJson(criterion.needed).str())
                         .integer("consensus", static_cast<std::int64_t>(criterion.consensus))
                         .integer("bids", static_cast<std::int64_t>(criterion.bids)));
    JsonArray blockers;
    for (const auto& blocker : progress.blockers)
        blockers.text(blocker);
    JsonObject object;
    object.raw("evaluators", evaluators.str())
        .raw("criteria", criteria.str())
        .raw("scored", countsJson(progress.scored).str())
        .raw("needed", countsJson(progress.needed).str())
        .integer("consensusAgreed", static_cast<std::int64_t>(progress.consensusAgreed))
        .integer("consensusNeeded", static_cast<std::int64_t>(progress.consensusNeeded));
    if (progress.next)
        object.text("next", std::string(toString(*progress.next)));
    else
        object.null("next");
    return object.raw("blockers", blockers.str())
        .boolean("rankingFinal", progress.rankingFinal)
        .str();
}

} // namespace

ApiResponse Api::getTodo(Call& call) {
    OpenedTender opened = openTender(call, WorkspaceView::Todo);
    if (!opened.workspace)
        return opened.refused;
    Workspace& ws = *opened.workspace;
    JsonArray items;
    for (const auto& item : ws.todo(call.who(), context_.rates))
        items.add(JsonObject()
                      .text("what", item.what)
                      .text("bid", item.bidId)
                      .text("criterion", item.criterionId));
    return jsonResponse(JsonObject()
                            .text("stage", std::string(toString(ws.state())))
                            .raw("todo", items.str())
                            .raw("progress", progressJson(ws.progress(context_.rates)))
                            .str());
}

ApiResponse Api::submitScores(Call& call) {
    RequestBody body(call.request.body, {"scores"});
    std::vector<ScoreSubmission> scores;
    const auto items = body.objects("scores", true, {"bid", "criterion", "value", "reason"});
    for (std::size_t i = 0; i < items.size(); ++i) {
        const auto bid = items[i]->text("bid", true);
        const auto criterion = items[i]->text("criterion", true);
        const auto value = items[i]->number("value", true);
        const auto reason = items[i]->text("reason", true);
        if (bid && criterion && value && reason)
            scores.push_back(
                {*bid, *criterion, *value, *reason, {"scores[" + std::to_string(i) + "]", 0, 0}});
    }
    if (body.ok() && scores.empty())
        body.refuse("scores", "holds no score");
    if (!body.ok())
        return errorResponse(body.problems());
    OpenedTender opened = openTender(call);
    if (!opened.workspace)
        return opened.refused;
    Workspace& ws = *opened.workspace;
    const CommandOutcome outcome = ws.submitScores(call.who(), scores, context_.rates);
    if (!outcome.ok())
        return commandResponse(outcome, ws);
    // What was recorded, so a client that sent many requests knows which one this answers.
    JsonArray recorded;
    for (const auto& score : scores)
        recorded.add(JsonObject().text("bid", score.bidId).text("criterion", score.criterionId));
    ApiResponse response = commandResponse(outcome, ws);
    response.body.insert(response.body.size() - 1, ",\"recorded\":" + recorded.str());
    return response;
}

ApiResponse Api::getScores(Call& call) {
    const auto& query = call.request.query;
    if (!query.count("bid") || !query.count("criterion"))
        return errorResponse(
            Diagnostics{requestProblem("give the bid and criterion: ?bid=B&criterion=C")});
    OpenedTender opened = openTender(call, WorkspaceView::Scores);
    if (!opened.workspace)
        return opened.refused;
    Workspace& ws = *opened.workspace;
    const ScoresSeen seen = ws.scoresSeenBy(call.who(), query.at("bid"), query.at("criterion"));
    if (!seen.refused.empty())
        return errorResponse(forClient(seen.refused, ws), 403);
    JsonArray scores;
    for (const auto& score : seen.scores)
        scores.raw(scoreJson(score));
    return jsonResponse(JsonObject().raw("scores", scores.str()).str());
}

ApiResponse Api::reopenScore(Call& call) {
    RequestBody body(call.request.body, {"bid", "criterion", "evaluator", "reason"});
    const auto bid = body.text("bid", true);
    const auto criterion = body.text("criterion", true);
    const auto evaluator = body.text("evaluator", true);
    const auto reason = body.text("reason", true);
    if (!body.ok())
        return errorResponse(body.problems());
    OpenedTender opened = openTender(call);
    if (!opened.workspace)
        return opened.refused;
    Workspace& ws = *opened.workspace;
    return commandResponse(ws.reopenScore(call.who(), *bid, *criterion, *evaluator, *reason), ws);
}

ApiResponse Api::moderationAgenda(Call& call) {
    OpenedTender opened = openTender(call, WorkspaceView::ModerationAgenda);
    if (!opened.workspace)
        return opened.refused;
    Workspace& ws = *opened.workspace;
    JsonArray items;
    for (const auto& item : ws.moderationAgenda(context_.rates)) {
        JsonArray scores;
        for (const auto& score : item.scores)
            scores.raw(scoreJson(score));
        JsonObject entry;
        entry.text("bid", item.bidId)
            .text("criterion", item.criterionId)
            .number("mean", item.mean)
            .number("spread", item.spread)
            .number("threshold", item.threshold)
            .boolean("overThreshold", item.overThreshold)
            .raw("scores", scores.str());
        if (item.consensus)
            entry.raw("consensus", JsonObject()
                                       .number("value", item.consensus->value)
                                       .text("moderator", item.consensus->moderator)
                                       .text("reason", item.consensus->reason)
                                       .str());
        else
            entry.null("consensus");
        items.add(entry);
    }
    return jsonResponse(JsonObject().raw("agenda", items.str()).str());
}

ApiResponse Api::setConsensus(Call& call) {
    RequestBody body(call.request.body, {"bid", "criterion", "value", "reason", "changeReason"});
    const auto bid = body.text("bid", true);
    const auto criterion = body.text("criterion", true);
    const auto value = body.number("value", true);
    const auto reason = body.text("reason", true);
    const auto change = body.text("changeReason", false);
    if (!body.ok())
        return errorResponse(body.problems());
    OpenedTender opened = openTender(call);
    if (!opened.workspace)
        return opened.refused;
    Workspace& ws = *opened.workspace;
    return commandResponse(ws.setConsensus(call.who(), *bid, *criterion, *value, *reason,
                                           change.value_or(""), context_.rates),
                           ws);
}

ApiResponse Api::decideAbnormallyLow(Call& call) {
    RequestBody body(call.request.body, {"bid", "accept", "reason"});
    const auto bid = body.text("bid", true);
    const auto accept = body.boolean("accept", true);
    const auto reason = body.text("reason", true);
    if (!body.ok())
        return errorResponse(body.problems());
    OpenedTender opened = openTender(call);
    if (!opened.workspace)
        return opened.refused;
    Workspace& ws = *opened.workspace;
    return commandResponse(
        ws.decideAbnormallyLow(call.who(), *bid, *accept, *reason, context_.rates), ws);
}

ApiResponse Api::advance(Call& call) {
    RequestBody body(call.request.body, {"to", "reason", "noticeDate"});
    const auto toText = body.text("to", true);
    const auto reason = body.text("reason", true);
    const auto noticeText = body.text("noticeDate", false);
    const auto to = parseLifecycleState(toText.value_or(""));
    if (toText && !to)
        body.refuse("to", "must be open, evaluation, moderation, locked or awarded");
    std::optional<Date> notice;
    if (noticeText) {
        notice = Date::parse(*noticeText);
        if (!notice)
            body.refuse("noticeDate", "must be a day written YYYY-MM-DD");
    }
    if (!body.ok())
        return errorResponse(body.problems());
    OpenedTender opened = openTender(call);
    if (!opened.workspace)
        return opened.refused;
    Workspace& ws = *opened.workspace;
    return commandResponse(
        ws.advance(call.who(), *to, *reason, context_.rates, context_.holidays, notice), ws);
}

ApiResponse Api::exclude(Call& call) {
    RequestBody body(call.request.body, {"bid", "reason", "date", "withdrawn"});
    const auto bid = body.text("bid", true);
    const auto reason = body.text("reason", true);
    const auto dateText = body.text("date", false);
    const bool withdrawn = body.boolean("withdrawn", false).value_or(false);
    std::optional<Date> day;
    if (dateText) {
        day = Date::parse(*dateText);
        if (!day)
            body.refuse("date", "must be a day written YYYY-MM-DD");
    }
    if (!body.ok())
        return errorResponse(body.problems());
    OpenedTender opened = openTender(call);
    if (!opened.workspace)
        return opened.refused;
    Workspace& ws = *opened.workspace;
    return commandResponse(
        ws.excludeAfterEvaluation(call.who(), *bid, *reason, context_.rates, day, withdrawn), ws);
}

ApiResponse Api::recordSensitivity(Call& call) {
    RequestBody body(call.request.body, {"samples", "seed", "reason"});
    OddsSettings odds;
    const auto most = static_cast<double>(kMostRecordedSamples);
    const auto samples = body.number("samples", false);
    if (samples && (*samples < 1 || *samples > most || std::floor(*samples) != *samples))
        body.refuse("samples",
                    "must be a whole number from 1 to " + std::to_string(kMostRecordedSamples));
    else if (samples)
        odds.samples = static_cast<std::size_t>(*samples);
    // Whole numbers a JSON number holds exactly (below 2^53: 2^53 + 1 would read as 2^53).
    const auto seed = body.number("seed", false);
    if (seed && (*seed < 0 || *seed > 9007199254740991.0 || std::floor(*seed) != *seed))
        body.refuse("seed", "must be a whole number from 0 to 9007199254740991");
    else if (seed)
        odds.seed = static_cast<std::uint64_t>(*seed);
    const std::string reason = body.text("reason", false).value_or("");
    if (!body.ok())
        return errorResponse(body.problems());
    OpenedTender opened = openTender(call);
    if (!opened.workspace)
        return opened.refused;
    Workspace& ws = *opened.workspace;
    return commandResponse(ws.recordSensitivity(call.who(), odds, reason, context_.rates), ws);
}

ApiResponse Api::ranking(Call& call) {
    OpenedTender opened = openTender(call, WorkspaceView::Ranking);
    if (!opened.workspace)
        return opened.refused;
    Workspace& ws = *opened.workspace;
    const std::string& tender = call.param("tender");
    const std::string head = ws.headHash();
    auto json = rankings_->find(tender, head);
    if (!json) {
        const FolderEvaluation evaluation = ws.evaluate(context_.rates);
        if (!evaluation.ok())
            return errorResponse(forClient(evaluation.diagnostics, ws), 409);
        json = std::make_shared<const std::string>(toJson(*evaluation.result, *evaluation.folder));
        // Kept only when no change landed while it was evaluated: then it is the ranking of
        // exactly the state that head names.
        if (ws.headHash() == head)
            rankings_->keep(tender, head, json);
    }
    ApiResponse response = jsonResponse(*json);
    response.headers.emplace_back("ETag", "\"" + head + "\"");
    return response;
}

ApiResponse Api::explainRanking(Call& call) {
    OpenedTender opened = openTender(call, WorkspaceView::Ranking);
    if (!opened.workspace)
        return opened.refused;
    Workspace& ws = *opened.workspace;
    const FolderEvaluation evaluation = ws.evaluate(context_.rates);
    if (!evaluation.ok())
        return errorResponse(forClient(evaluation.diagnostics, ws), 409);
    const std::string& bidId = call.param("bid");
    const BidResult* bid = evaluation.result->findBid(bidId);
    if (bid == nullptr)
        return errorResponse("bid.unknown", "there is no bid " + bidId + " in this tender", 404);
    const TenderFolder& folder = *evaluation.folder;
    // The command line's own explanation, made here from the stored inputs.
    ApiResponse response;
    response.body = cli::renderExplanation(*evaluation.result, *bid, folder.tender, folder.bids,
                                           folder.evaluations);
    response.contentType = "text/plain; charset=utf-8";
    response.headers.emplace_back("ETag", "\"" + ws.headHash() + "\"");
    return response;
}

ApiResponse Api::auditLog(Call& call) {
    OpenedTender opened = openTender(call, WorkspaceView::AuditLog);
    if (!opened.workspace)
        return opened.refused;
    Workspace& ws = *opened.workspace;
    JsonArray entries;
    for (const auto& entry : ws.auditLog())
        entries.add(JsonObject()
                        .integer("seq", entry.seq)
                        .text("time", entry.time)
                        .text("actor", entry.actor)
                        .text("action", entry.action)
                        .text("subject", entry.subject)
                        .text("before", entry.before)
                        .text("after", entry.after)
                        .text("reason", entry.reason)
                        .text("prevHash", entry.prevHash)
                        .text("hash", entry.hash));
    return jsonResponse(JsonObject().raw("entries", entries.str()).str());
}

ApiResponse Api::verify(Call& call) {
    OpenedTender opened = openTender(call, WorkspaceView::Verify);
    if (!opened.workspace)
        return opened.refused;
    Workspace& ws = *opened.workspace;
    const VerifyReport report = ws.verify(context_.rates, context_.signer->publicKeyHex());
    return jsonResponse(
        JsonObject()
            .boolean("ok", report.ok())
            .integer("entriesChecked", static_cast<std::int64_t>(report.entriesChecked))
            .integer("rowsChecked", static_cast<std::int64_t>(report.rowsChecked))
            .text("head", report.headHash)
            .text("signedBy", report.signedBy)
            .integer("entriesSigned", static_cast<std::int64_t>(report.entriesSigned))
            .raw("problems", diagnosticsJson(forClient(report.problems, ws)))
            .str());
}

} // namespace fairtender::server
