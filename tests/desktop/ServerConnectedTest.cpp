// The desktop connected to a real fairtender-server on loopback: File > Connect to server
// signs in as an account, the tender is read from what the server sends that account, the
// person is the account and cannot be changed, and a price-blind evaluator scores from the
// Scoring screen with no price ever reaching the machine.
#include "DesktopWorkspaceSupport.h"
#include "FileText.h"
#include "ScratchFolder.h"
#include "ServerUnderTest.h"
#include "desktop/ExportPage.h"
#include "desktop/Prompts.h"
#include "identity/Totp.h"
#include "io/json/ResultJson.h"

#include <QAction>
#include <QApplication>
#include <QClipboard>
#include <QComboBox>
#include <QDialog>
#include <QLabel>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QRadioButton>
#include <QSignalSpy>
#include <QTableView>
#include <QTimer>
#include <QtTest>

#include <algorithm>
#include <cstdlib>
#include <ctime>
#include <map>
#include <memory>
#include <set>
#include <string>

using namespace fairtender;
using namespace fairtender::desktop;
using fairtender::desktop::test::child;
using fairtender::testing::HttpReply;
using fairtender::testing::ScratchFolder;
using fairtender::testing::ServerUnderTest;

namespace {

const std::string kRootPassword = "the site's long passphrase";

std::string q(const std::string& text) {
    return jsonQuoted(text);
}

std::string passwordOf(const std::string& person) {
    return "my own long passphrase, number " + std::to_string(person.size() * 7919 + 13);
}

// {"tender.xml": "..."} or {"B1.xml": "...", ...}: school meals' files as a request body.
std::string schoolMealsFiles(bool bids) {
    const std::filesystem::path folder =
        std::string(FAIRTENDER_SOURCE_DIR) + "/samples/school-meals";
    std::string files;
    if (!bids) {
        files = q("tender.xml") + ":" + q(fairtender::testing::readFile(folder / "tender.xml"));
    } else {
        for (const auto& entry : std::filesystem::directory_iterator(folder / "bids"))
            files += (files.empty() ? "" : ",") + q(entry.path().filename().string()) + ":" +
                     q(fairtender::testing::readFile(entry.path()));
    }
    return "{" + files + "}";
}

// Every score school meals needs from one evaluator: 3, or 60 on the 0-100 social value plan
// (B4 fails a gate and is not scored).
std::string everyScore(const std::string& reason) {
    std::string items;
    for (const char* bid : {"B1", "B2", "B3", "B5", "B6"})
        for (const char* criterion : {"q-menu", "q-mobilisation", "q-sourcing", "sv-plan"})
            items += std::string(items.empty() ? "" : ",") + "{\"bid\":" + q(bid) +
                     ",\"criterion\":" + q(criterion) +
                     ",\"value\":" + (std::string(criterion) == "sv-plan" ? "60" : "3") +
                     ",\"reason\":" + q(reason) + "}";
    return "{\"scores\":[" + items + "]}";
}

} // namespace

class ServerConnectedTest : public QObject {
    Q_OBJECT

private:
    QTemporaryDir settings_;
    std::unique_ptr<ScratchFolder> scratch_;
    std::unique_ptr<ServerUnderTest> server_;
    std::map<std::string, std::string> tokens_;

    HttpReply as(const std::string& person, const std::string& method, const std::string& path,
                 const std::string& body = "") {
        return server_->call(method, path, tokens_.at(person), body);
    }

    std::string signIn(const std::string& user, const std::string& password) {
        const HttpReply reply =
            server_->call("POST", "/api/v1/sessions", "",
                          "{\"user\":" + q(user) + ",\"password\":" + q(password) + "}");
        return reply.status == 201 ? reply.text("token") : std::string();
    }

    // An account for `person` with a password of their own (the one-time one changed).
    bool addAccount(const std::string& person) {
        const HttpReply created =
            as("root", "POST", "/api/v1/accounts",
               "{\"name\":" + q(person) + ",\"password\":" + q(kRootPassword) + "}");
        if (created.status != 201)
            return false;
        const std::string oneTime = created.text("oneTimePassword");
        const HttpReply changed =
            server_->call("PUT", "/api/v1/accounts/me/password", signIn(person, oneTime),
                          "{\"current\":" + q(oneTime) + ",\"new\":" + q(passwordOf(person)) + "}");
        tokens_[person] = signIn(person, passwordOf(person));
        return changed.status == 204 && !tokens_[person].empty();
    }

    bool onMeals(int status, const std::string& person, const std::string& method,
                 const std::string& path, const std::string& body = "") {
        const HttpReply reply = as(person, method, "/api/v1/tenders/meals" + path, body);
        if (reply.status != status)
            qWarning("%s %s %s: %d %s", person.c_str(), method.c_str(), path.c_str(), reply.status,
                     reply.body.c_str());
        return reply.status == status;
    }

    QString address() const { return QStringLiteral("http://127.0.0.1:%1").arg(server_->port()); }

    // Signs `window` in as `person` with File > Connect to server, choosing the first of
    // their tenders; the tenders offered in `offered`.
    static void answerSignIn(MainWindow& window, const QString& address, const QString& person,
                             const QString& password, QStringList* offered = nullptr) {
        window.prompts().signIn = [=](QWidget*, const ServerSignIn&) {
            return std::optional<ServerSignIn>(ServerSignIn{address, person, password});
        };
        window.prompts().choice = [offered](QWidget*, const QString&, const QString&,
                                            const QStringList& items) {
            if (offered)
                *offered = items;
            return std::optional<int>(0);
        };
    }

    // The first problem the window's tender has, for a failure's message.
    static std::string firstProblem(const LoadedTender& tender) {
        return tender.diagnostics.empty() ? std::string() : tender.diagnostics.front().toString();
    }

    // `window` signed in as `person` on their first tender, its messages kept in `messages`.
    bool signedInAs(MainWindow& window, test::Messages& messages, const std::string& person) {
        messages.attach(window);
        answerSignIn(window, address(), QString::fromStdString(person),
                     QString::fromStdString(passwordOf(person)));
        return connectAndWait(window);
    }

    static bool connectAndWait(MainWindow& window) {
        if (!window.connectToServer())
            return false;
        return QTest::qWaitFor([&] { return !window.isBusy() && window.workspace() != nullptr; },
                               20000);
    }

    static bool clickAndWait(MainWindow& window, QPushButton* button) {
        QSignalSpy shown(&window, &MainWindow::workspaceShown);
        button->click();
        return (shown.wait(20000) || shown.count() > 0) && shown.first().first().toBool();
    }

    static bool triggerAndWait(MainWindow& window, const char* action) {
        QSignalSpy shown(&window, &MainWindow::workspaceShown);
        child<QAction>(window, action)->trigger();
        return (shown.wait(20000) || shown.count() > 0) && shown.first().first().toBool();
    }

    // Reads the tender again (F5): what the others did since shows.
    static bool readAgain(MainWindow& window) { return triggerAndWait(window, "reevaluateAction"); }

    static bool advance(MainWindow& window, const QString& reason) {
        window.prompts().text = [reason](QWidget*, const QString&, const QString&) {
            return std::optional<QString>(reason);
        };
        window.prompts().date = [](QWidget*, const QString&, const QString&,
                                   const QString& offered) {
            return std::optional<QString>(offered);
        };
        return triggerAndWait(window, "advanceAction");
    }

    static bool declareNoConflict(MainWindow& window) {
        window.showScreen(MainWindow::Screen::Panel);
        child<QRadioButton>(window, "noConflictRadioButton")->setChecked(true);
        return clickAndWait(window, child<QPushButton>(window, "declarePushButton"));
    }

    // Every judgement school meals needs, scored on the Scoring screen one by one.
    static bool scoreEveryBid(MainWindow& window, const QString& reason) {
        window.showScreen(MainWindow::Screen::Scoring);
        auto* grid = child<QTableView>(window, "scoringTableView");
        for (const char* bid : {"B1", "B2", "B3", "B5", "B6"})
            for (const char* criterion : {"q-menu", "q-mobilisation", "q-sourcing", "sv-plan"}) {
                grid->setCurrentIndex(test::scoringCell(*grid, QString::fromLatin1(bid),
                                                        QString::fromLatin1(criterion)));
                child<QLineEdit>(window, "scoreValueLineEdit")
                    ->setText(std::string(criterion) == "sv-plan" ? QStringLiteral("60")
                                                                  : QStringLiteral("3"));
                child<QPlainTextEdit>(window, "scoreReasonTextEdit")->setPlainText(reason);
                if (!clickAndWait(window, child<QPushButton>(window, "submitScorePushButton"))) {
                    qWarning("%s %s was not recorded", bid, criterion);
                    return false;
                }
            }
        return true;
    }

private slots:
    void initTestCase() {
        QVERIFY(settings_.isValid());
        test::isolateSettings(settings_);
    }

    // Each test gets a server with five accounts of their own: ann, eve, raj, mo and aud.
    void init() {
        scratch_ = std::make_unique<ScratchFolder>();
        server_ = std::make_unique<ServerUnderTest>(scratch_->str() + "/data", scratch_->path());
        tokens_.clear();
        QCOMPARE(server_->init("root", kRootPassword), 0);
        QVERIFY2(server_->start(), server_->errors().c_str());
        tokens_["root"] = signIn("root", kRootPassword);
        for (const char* person : {"ann", "eve", "raj", "mo", "aud"})
            QVERIFY(addAccount(person));
    }

    // School meals uploaded by ann over HTTP and taken to the evaluation stage, with eve and
    // raj as evaluators (price-blind until the results are locked), all declared.
    bool upToEvaluation() {
        const HttpReply created =
            as("ann", "POST", "/api/v1/tenders",
               "{\"name\":\"meals\",\"files\":" + schoolMealsFiles(false) + "}");
        return created.status == 201 &&
               onMeals(200, "ann", "POST", "/panel", R"({"account":"eve","role":"evaluator"})") &&
               onMeals(200, "ann", "POST", "/panel", R"({"account":"raj","role":"evaluator"})") &&
               onMeals(200, "ann", "POST", "/stage", R"({"to":"open","reason":"published"})") &&
               onMeals(200, "ann", "POST", "/bids", "{\"files\":" + schoolMealsFiles(true) + "}") &&
               onMeals(200, "ann", "PUT", "/declaration", R"({"conflicts":[]})") &&
               onMeals(200, "eve", "PUT", "/declaration", R"({"conflicts":[]})") &&
               onMeals(200, "raj", "PUT", "/declaration", R"({"conflicts":[]})") &&
               onMeals(200, "ann", "POST", "/stage",
                       R"({"to":"evaluation","reason":"bids opened"})");
    }

    void cleanup() {
        server_.reset();
        scratch_.reset();
    }

    void theWindowIsSignedInAsTheAccountAndNobodyElse() {
        QVERIFY(upToEvaluation());
        MainWindow window;
        test::Messages messages;
        messages.attach(window);
        QStringList offered;
        answerSignIn(window, address(), QStringLiteral("eve"),
                     QString::fromStdString(passwordOf("eve")), &offered);
        QVERIFY(connectAndWait(window));
        QVERIFY2(messages.texts.isEmpty(), qPrintable(messages.texts.join(QLatin1Char('\n'))));
        QCOMPARE(offered,
                 (QStringList{QStringLiteral("meals: Primary school meals catering, September "
                                             "2026 to August 2029 (evaluation; you are "
                                             "evaluator)"),
                              QStringLiteral("Upload a tender folder as a new tender, led by "
                                             "eve...")}));
        QVERIFY(window.connectedToServer());
        QCOMPARE(child<QLabel>(window, "actingAsLabel")->text(), QStringLiteral("Signed in as:"));
        auto* person = child<QComboBox>(window, "actingAsComboBox");
        QCOMPARE(person->currentText(), QStringLiteral("eve"));
        QVERIFY(!person->isEnabled());
        // A name typed changes nothing: the window still reads the tender as eve.
        window.setActor(QStringLiteral("ann"));
        test::waitIdle(window);
        QCOMPARE(window.workspace()->actor, std::string("eve"));
        QCOMPARE(person->currentText(), QStringLiteral("eve"));
        QVERIFY(window.workspace()->remote);
        QVERIFY(window.workspace()->state == LifecycleState::Evaluation);
        QCOMPARE(window.workspace()->status.bids, std::size_t{6});
    }

    void aPriceBlindEvaluatorScoresWithNoPriceReachingTheMachine() {
        QVERIFY(upToEvaluation());
        MainWindow window;
        test::Messages messages;
        QVERIFY(signedInAs(window, messages, "eve"));
        const auto snapshot = window.workspace();
        QVERIFY(snapshot && snapshot->ok());
        // What the server sent eve: six bids, none with a price, and no ranking at all.
        QCOMPARE(snapshot->bidViews.size(), std::size_t{6});
        for (const auto& bid : snapshot->bidViews) {
            QVERIFY2(!bid.price.has_value(), bid.bidId.c_str());
            QVERIFY(bid.priceHidden);
        }
        QVERIFY(window.tender() != nullptr);
        QVERIFY(!window.tender()->evaluation.result.has_value());
        // Not even asked for: a refused ranking would be listed among the problems.
        QVERIFY2(window.tender()->diagnostics.empty(), firstProblem(*window.tender()).c_str());
        QVERIFY(window.tender()->evaluation.folder->bids.empty());

        window.showScreen(MainWindow::Screen::Scoring);
        auto* grid = child<QTableView>(window, "scoringTableView");
        grid->setCurrentIndex(
            test::scoringCell(*grid, QStringLiteral("B1"), QStringLiteral("q-menu")));
        child<QLineEdit>(window, "scoreValueLineEdit")->setText(QStringLiteral("4"));
        child<QPlainTextEdit>(window, "scoreReasonTextEdit")
            ->setPlainText(QStringLiteral("a varied menu with allergen plans"));
        QSignalSpy shown(&window, &MainWindow::workspaceShown);
        child<QPushButton>(window, "submitScorePushButton")->click();
        QVERIFY(shown.wait(20000) || shown.count() > 0);
        QVERIFY2(messages.texts.isEmpty(), qPrintable(messages.texts.join(QLatin1Char('\n'))));
        QCOMPARE(shown.first().first().toBool(), true);
        const QModelIndex cell =
            test::scoringCell(*grid, QStringLiteral("B1"), QStringLiteral("q-menu"));
        QCOMPARE(cell.data().toString(), QStringLiteral("4"));

        // The server recorded it as eve's, the account signed in.
        const HttpReply scores =
            as("ann", "GET", "/api/v1/tenders/meals/scores?bid=B1&criterion=q-menu");
        QCOMPARE(scores.status, 200);
        QVERIFY2(scores.body.find("\"evaluator\":\"eve\"") != std::string::npos,
                 scores.body.c_str());
        QVERIFY2(scores.body.find("\"value\":4") != std::string::npos, scores.body.c_str());
        QCOMPARE(window.workspace()->status.scores, std::size_t{1});
    }

    void anEvaluatorScoresFromASheetMadeFromWhatTheServerSentHer() {
        QVERIFY(upToEvaluation());
        MainWindow window;
        test::Messages messages;
        QVERIFY(signedInAs(window, messages, "eve"));
        QTemporaryDir files;
        const QString sheet = files.filePath(QStringLiteral("eve.xlsx"));
        const QString filled = files.filePath(QStringLiteral("eve-filled.xlsx"));
        window.prompts().saveFile = [sheet](QWidget*, const QString&, const QString&,
                                            const QString&) {
            return sheet;
        };
        window.showScreen(MainWindow::Screen::Scoring);
        child<QPushButton>(window, "exportScoreSheetPushButton")->click();
        QVERIFY2(messages.texts.isEmpty(), qPrintable(messages.texts.join(u'\n')));
        QVERIFY(QFile::exists(sheet));
        const std::string helper = std::string(FAIRTENDER_SOURCE_DIR) + "/tests/cli/score_sheet.py";
        const std::string fill = "/usr/bin/python3 '" + helper + "' fill '" + sheet.toStdString() +
                                 "' '" + filled.toStdString() + "' E7=2 'F7=thin on allergens'";
        QCOMPARE(std::system(fill.c_str()), 0);
        window.prompts().openFile = [filled](QWidget*, const QString&, const QString&,
                                             const QString&) {
            return filled;
        };
        QSignalSpy shown(&window, &MainWindow::workspaceShown);
        child<QPushButton>(window, "importScoreSheetPushButton")->click();
        QVERIFY(shown.wait(20000) || shown.count() > 0);
        QVERIFY2(messages.texts.isEmpty(), qPrintable(messages.texts.join(u'\n')));
        QCOMPARE(window.workspace()->status.scores, std::size_t{1});
        const HttpReply scores =
            as("ann", "GET", "/api/v1/tenders/meals/scores?bid=B1&criterion=q-menu");
        QVERIFY2(scores.body.find("\"reason\":\"thin on allergens\"") != std::string::npos,
                 scores.body.c_str());
    }

    void noDocumentIsOfferedWhileTheResultsCannotBeComputed() {
        QVERIFY(upToEvaluation());
        MainWindow window;
        test::Messages messages;
        QVERIFY(signedInAs(window, messages, "ann"));
        auto* exports = window.findChild<ExportPage*>();
        QVERIFY(!exports->isEnabled(QStringLiteral("scorecard")));
        QCOMPARE(exports->toolTipOf(QStringLiteral("scorecard")),
                 QStringLiteral("The tender has problems or scores missing, so there are no "
                                "results to export: see Results."));
    }

    void theLeadSeesTheRankingTheServerSentOnceEveryBidIsScored() {
        QVERIFY(upToEvaluation());
        QVERIFY(onMeals(200, "eve", "POST", "/scores", everyScore("sound and evidenced")));
        QVERIFY(onMeals(200, "raj", "POST", "/scores", everyScore("meets the requirement")));
        MainWindow window;
        answerSignIn(window, address(), QStringLiteral("ann"),
                     QString::fromStdString(passwordOf("ann")));
        QVERIFY(connectAndWait(window));
        QVERIFY(window.tender() != nullptr);
        QVERIFY2(window.tender()->diagnostics.empty(), firstProblem(*window.tender()).c_str());
        QVERIFY(window.tender()->evaluation.result.has_value());
        QCOMPARE(window.tender()->evaluation.result->bids.size(), std::size_t{6});
        // The next stage and what stands in its way come from the server: nothing now.
        QVERIFY(window.workspace()->next == LifecycleState::Moderation);
        QVERIFY(window.workspace()->nextBlockers.empty());
        QCOMPARE(window.workspace()->progress.scored, (std::vector<std::size_t>{20, 20}));
        QVERIFY(child<QAction>(window, "advanceAction")->isEnabled());
        QVERIFY(window.findChild<ExportPage*>()->isEnabled(QStringLiteral("scorecard")));

        // Advance goes to the server as ann, and the window shows the stage it answers.
        window.prompts().text = [](QWidget*, const QString&, const QString&) {
            return std::optional<QString>(QStringLiteral("every bid scored"));
        };
        QSignalSpy shown(&window, &MainWindow::workspaceShown);
        child<QAction>(window, "advanceAction")->trigger();
        QVERIFY(shown.wait(20000) || shown.count() > 0);
        QVERIFY(window.workspace()->state == LifecycleState::Moderation);
        const HttpReply status = as("raj", "GET", "/api/v1/tenders/meals");
        QVERIFY2(status.body.find("\"stage\":\"moderation\"") != std::string::npos,
                 status.body.c_str());
    }

    // The whole tender from the desktop, five people on five accounts each in a window of
    // their own: ann uploads and leads, eve and raj score price-blind, mo moderates, aud
    // audits; each sees what the server sends their account and nothing more.
    void schoolMealsRunsFromUploadToAwardOnFiveAccounts() {
        QTemporaryDir files;
        const QString samples = test::copyOfSchoolMeals(files);
        const QString upload = files.filePath(QStringLiteral("upload"));
        QVERIFY(QDir().mkpath(upload));
        QVERIFY(QFile::copy(samples + QStringLiteral("/tender.xml"),
                            upload + QStringLiteral("/tender.xml")));
        QStringList bidFiles;
        for (const QString& name : QDir(samples + QStringLiteral("/bids")).entryList(QDir::Files))
            bidFiles << samples + QStringLiteral("/bids/") + name;
        QCOMPARE(bidFiles.size(), 6);

        std::map<std::string, std::unique_ptr<MainWindow>> windows;
        std::map<std::string, std::unique_ptr<test::Messages>> said;
        const auto windowOf = [&](const std::string& person) -> MainWindow& {
            auto& window = windows[person];
            if (!window) {
                window = std::make_unique<MainWindow>();
                said[person] = std::make_unique<test::Messages>();
                said[person]->attach(*window);
                answerSignIn(*window, address(), QString::fromStdString(person),
                             QString::fromStdString(passwordOf(person)));
            }
            return *window;
        };

        // ann uploads the tender (its model; the bids come once it is open) and leads it.
        MainWindow& ann = windowOf("ann");
        ann.prompts().choice = [](QWidget*, const QString&, const QString&,
                                  const QStringList& items) {
            return std::optional<int>(static_cast<int>(items.size()) - 1);
        };
        ann.prompts().folder = [upload](QWidget*, const QString&) {
            return upload;
        };
        ann.prompts().text = [](QWidget*, const QString&, const QString&) {
            return std::optional<QString>(QStringLiteral("meals"));
        };
        QVERIFY(connectAndWait(ann));
        QVERIFY2(said["ann"]->texts.isEmpty(), qPrintable(said["ann"]->texts.join(u'\n')));
        QVERIFY(ann.workspace()->state == LifecycleState::Draft);
        QVERIFY(ann.workspace()->panel.hasRole("ann", PanelRole::Lead));

        ann.showScreen(MainWindow::Screen::Panel);
        for (const auto& [person, role] : {std::pair{"eve", "evaluator"},
                                           {"raj", "evaluator"},
                                           {"mo", "moderator"},
                                           {"aud", "auditor"}}) {
            child<QLineEdit>(ann, "memberNameLineEdit")->setText(QString::fromLatin1(person));
            child<QComboBox>(ann, "memberRoleComboBox")->setCurrentText(QString::fromLatin1(role));
            QVERIFY2(clickAndWait(ann, child<QPushButton>(ann, "addMemberPushButton")), person);
        }
        QCOMPARE(ann.workspace()->panel.members.size(), std::size_t{5});
        QVERIFY(advance(ann, QStringLiteral("tender published")));
        QVERIFY(ann.workspace()->state == LifecycleState::Open);
        ann.setBidFilesChooser([bidFiles](QWidget*) { return bidFiles; });
        QSignalSpy imported(&ann, &MainWindow::importFinished);
        child<QAction>(ann, "importBidsAction")->trigger();
        QVERIFY(imported.wait(30000) || imported.count() > 0);
        QCOMPARE(imported.first().first().toBool(), true);
        QCOMPARE(ann.workspace()->status.bids, std::size_t{6});
        QVERIFY(declareNoConflict(ann));

        // Each of the others signs in on their own and declares.
        for (const char* person : {"eve", "raj", "mo", "aud"}) {
            MainWindow& window = windowOf(person);
            QVERIFY2(connectAndWait(window), person);
            QCOMPARE(window.workspace()->actor, std::string(person));
            QVERIFY2(declareNoConflict(window), person);
        }
        QVERIFY(readAgain(ann));
        QVERIFY(advance(ann, QStringLiteral("bids opened")));
        QVERIFY(ann.workspace()->state == LifecycleState::Evaluation);

        // The evaluators score price-blind: no price and no ranking reaches their windows,
        // and only the lead may move the tender on.
        for (const char* person : {"eve", "raj"}) {
            MainWindow& window = windowOf(person);
            QVERIFY(readAgain(window));
            for (const auto& bid : window.workspace()->bidViews)
                QVERIFY2(!bid.price && bid.priceHidden, bid.bidId.c_str());
            QVERIFY(!window.tender()->evaluation.result);
            QVERIFY(window.workspace()->agenda.empty());
            QVERIFY(window.workspace()->audit.empty());
            QVERIFY(!child<QAction>(window, "advanceAction")->isEnabled());
            QVERIFY(
                scoreEveryBid(window, QStringLiteral("scored by %1").arg(QLatin1String(person))));
        }
        QVERIFY(readAgain(ann));
        QVERIFY(advance(ann, QStringLiteral("every bid scored")));

        // mo agrees each consensus on the Moderation screen.
        MainWindow& mo = windowOf("mo");
        QVERIFY(readAgain(mo));
        mo.showScreen(MainWindow::Screen::Moderation);
        auto* agenda = child<QTableView>(mo, "moderationTableView");
        QCOMPARE(mo.workspace()->agenda.size(), std::size_t{20});
        for (std::size_t done = 0; done < 20; ++done) {
            const auto& items = mo.workspace()->agenda;
            std::size_t row = 0;
            while (row < items.size() && items[row].consensus)
                ++row;
            QVERIFY(row < items.size());
            agenda->setCurrentIndex(agenda->model()->index(static_cast<int>(row), 0));
            child<QLineEdit>(mo, "consensusValueLineEdit")
                ->setText(QString::number(items[row].mean));
            child<QLineEdit>(mo, "consensusReasonLineEdit")->setText(QStringLiteral("agreed"));
            QVERIFY(clickAndWait(mo, child<QPushButton>(mo, "recordConsensusPushButton")));
        }

        // ann decides on B6's abnormally low price, locks the results and awards.
        QVERIFY(readAgain(ann));
        ann.showScreen(MainWindow::Screen::Moderation);
        auto* low = child<QComboBox>(ann, "abnormallyLowBidComboBox");
        QVERIFY(low->findData(QStringLiteral("B6")) >= 0);
        low->setCurrentIndex(low->findData(QStringLiteral("B6")));
        child<QLineEdit>(ann, "abnormallyLowReasonLineEdit")
            ->setText(QStringLiteral("costs explained"));
        QVERIFY(clickAndWait(ann, child<QPushButton>(ann, "acceptPricePushButton")));
        QVERIFY(advance(ann, QStringLiteral("moderation complete")));
        QVERIFY(ann.workspace()->state == LifecycleState::Locked);
        QVERIFY(advance(ann, QStringLiteral("award to the highest score")));
        QVERIFY(ann.workspace()->state == LifecycleState::Awarded);
        QVERIFY(ann.workspace()->award.has_value());

        // aud reads the award, the ranking and the whole log; the server's record verifies.
        MainWindow& aud = windowOf("aud");
        QVERIFY(readAgain(aud));
        QVERIFY(aud.workspace()->award &&
                aud.workspace()->award->bidId == ann.workspace()->award->bidId);
        QVERIFY(aud.tender()->evaluation.result.has_value());
        const auto& ranked = aud.tender()->evaluation.result->bids;
        const auto first = std::find_if(ranked.begin(), ranked.end(),
                                        [](const auto& bid) { return bid.rank == 1; });
        QVERIFY(first != ranked.end());
        QCOMPARE(aud.workspace()->award->bidId, first->bidId);
        QVERIFY(aud.workspace()->audit.size() >= 60);
        // Every change is recorded as the account that made it.
        std::set<std::string> actors;
        for (const auto& entry : aud.workspace()->audit)
            actors.insert(entry.actor);
        QCOMPARE(actors, (std::set<std::string>{"ann", "aud", "eve", "mo", "raj"}));
        const HttpReply verified = as("aud", "GET", "/api/v1/tenders/meals/verify");
        QCOMPARE(verified.status, 200);
        QVERIFY2(verified.body.find("\"ok\":true") != std::string::npos, verified.body.c_str());
        // The documents come from the server, as it made them from its verified record: to
        // the auditor, not to an evaluator.
        aud.showScreen(MainWindow::Screen::Export);
        const QString report = files.filePath(QStringLiteral("award-report.pdf"));
        const QString scorecard = files.filePath(QStringLiteral("scorecard.xlsx"));
        const QString letters = files.filePath(QStringLiteral("letters"));
        QVERIFY(QDir().mkpath(letters));
        aud.prompts().saveFile = [&](QWidget*, const QString& title, const QString&,
                                     const QString&) {
            return title.contains(QStringLiteral("scorecard")) ? scorecard : report;
        };
        aud.prompts().folder = [&](QWidget*, const QString&) {
            return letters;
        };
        auto* exportPage = aud.findChild<ExportPage*>();
        for (const char* kind : {"award-report", "scorecard", "summaries"}) {
            QSignalSpy exported(exportPage, &ExportPage::exported);
            QVERIFY2(exportPage->isEnabled(QString::fromLatin1(kind)),
                     qPrintable(exportPage->toolTipOf(QString::fromLatin1(kind))));
            exportPage->exportKind(QString::fromLatin1(kind));
            QVERIFY(exported.wait(30000) || exported.count() > 0);
            QVERIFY2(exported.first().at(1).toBool(),
                     qPrintable(exportPage->statusOf(QString::fromLatin1(kind))));
        }
        QFile pdf(report);
        QVERIFY(pdf.open(QIODevice::ReadOnly));
        QVERIFY(pdf.read(5) == "%PDF-");
        QFile workbook(scorecard);
        QVERIFY(workbook.open(QIODevice::ReadOnly));
        QVERIFY(workbook.read(2) == "PK");
        QCOMPARE(QDir(letters).entryList({QStringLiteral("*.pdf")}, QDir::Files).size(), 6);
        MainWindow& raj = windowOf("raj");
        QVERIFY(readAgain(raj));
        auto* rajExports = raj.findChild<ExportPage*>();
        QVERIFY(!rajExports->isEnabled(QStringLiteral("award-report")));
        QVERIFY2(rajExports->toolTipOf(QStringLiteral("award-report"))
                     .contains(QStringLiteral("raj is not the lead or an auditor")),
                 qPrintable(rajExports->toolTipOf(QStringLiteral("award-report"))));

        for (const auto& [person, messages] : said)
            QVERIFY2(messages->texts.isEmpty(),
                     qPrintable(QString::fromStdString(person) + QStringLiteral(": ") +
                                messages->texts.join(u'\n')));
    }

    void anAccountWithASecondFactorGivesItsCodeToSignIn() {
        QVERIFY(upToEvaluation());
        const HttpReply begun = as("eve", "POST", "/api/v1/accounts/me/second-factor",
                                   "{\"password\":" + q(passwordOf("eve")) + "}");
        QCOMPARE(begun.status, 201);
        const std::string secret = base32Decode(begun.text("secret")).value_or("");
        const auto codeNow = [&] {
            // A code lives for its 30 seconds: none is used with under 3 of them left.
            while (std::time(nullptr) % kTotpStepSeconds > kTotpStepSeconds - 3)
                QTest::qWait(200);
            return hotpCode(secret, static_cast<std::uint64_t>(totpStep(std::time(nullptr))));
        };
        QCOMPARE(
            as("eve", "PUT", "/api/v1/accounts/me/second-factor", "{\"code\":" + q(codeNow()) + "}")
                .status,
            204);
        // The confirmation used this step's code: the window signs in with the next one.
        const std::int64_t used = totpStep(std::time(nullptr));
        QTRY_VERIFY_WITH_TIMEOUT(totpStep(std::time(nullptr)) != used, 35000);
        MainWindow window;
        test::Messages messages;
        QStringList asked;
        window.prompts().text = [&](QWidget*, const QString& title, const QString&) {
            asked << title;
            return std::optional<QString>(QString::fromStdString(codeNow()));
        };
        QVERIFY2(signedInAs(window, messages, "eve"), qPrintable(messages.texts.join(u'\n')));
        QCOMPARE(asked, QStringList{QStringLiteral("Second factor")});
        QCOMPARE(window.workspace()->actor, std::string("eve"));
    }

    void theSignInDialogMasksThePasswordAndTakesItPasted() {
        QApplication::clipboard()->setText(QStringLiteral("a pasted long passphrase"));
        bool checked = false;
        QTimer::singleShot(0, [&] {
            auto* dialog = qobject_cast<QDialog*>(QApplication::activeModalWidget());
            QVERIFY(dialog && dialog->objectName() == QStringLiteral("signInDialog"));
            const auto fields = dialog->findChildren<QLineEdit*>();
            QCOMPARE(fields.size(), 3);
            QLineEdit* password = fields.at(2);
            QCOMPARE(password->echoMode(), QLineEdit::Password);
            password->paste();
            QCOMPARE(password->text(), QStringLiteral("a pasted long passphrase"));
            checked = true;
            dialog->accept();
        });
        const auto answer = Prompts::dialogs().signIn(
            nullptr, ServerSignIn{QStringLiteral("https://tenders.example.gov.uk"),
                                  QStringLiteral("eve"),
                                  {}});
        QVERIFY(checked);
        QVERIFY(answer.has_value());
        QCOMPARE(answer->user, QStringLiteral("eve"));
        QCOMPARE(answer->password, QStringLiteral("a pasted long passphrase"));
    }

    void aWrongPasswordOpensNothingAndSaysWhy() {
        MainWindow window;
        test::Messages messages;
        messages.attach(window);
        answerSignIn(window, address(), QStringLiteral("eve"), QStringLiteral("not her password"));
        QVERIFY(!window.connectToServer());
        QVERIFY(!window.connectedToServer());
        QVERIFY(window.workspace() == nullptr);
        QCOMPARE(messages.texts.size(), 1);
        QVERIFY2(messages.texts.first().startsWith(
                     QStringLiteral("Not signed in to http://127.0.0.1:%1: ").arg(server_->port())),
                 qPrintable(messages.texts.first()));
    }

    void signingOutClosesTheTenderAndTheWindowActsHereAgain() {
        QVERIFY(upToEvaluation());
        MainWindow window;
        answerSignIn(window, address(), QStringLiteral("eve"),
                     QString::fromStdString(passwordOf("eve")));
        QVERIFY(connectAndWait(window));
        child<QAction>(window, "signOutAction")->trigger();
        QVERIFY(!window.connectedToServer());
        QVERIFY(window.workspace() == nullptr);
        QCOMPARE(child<QLabel>(window, "actingAsLabel")->text(), QStringLiteral("&Acting as:"));
    }
};

QTEST_MAIN(ServerConnectedTest)
#include "ServerConnectedTest.moc"
