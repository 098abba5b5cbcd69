// The desktop connected to a real fairtender-server on loopback: File > Connect to server
// signs in as an account, the tender is read from what the server sends that account, the
// person is the account and cannot be changed, and a price-blind evaluator scores from the
// Scoring screen with no price ever reaching the machine.
#include "DesktopWorkspaceSupport.h"
#include "FileText.h"
#include "ScratchFolder.h"
#include "ServerUnderTest.h"
#include "desktop/Prompts.h"
#include "io/json/ResultJson.h"

#include <QAction>
#include <QComboBox>
#include <QLabel>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QSignalSpy>
#include <QTableView>
#include <QtTest>

#include <map>
#include <memory>
#include <string>

using namespace fairtender;
using namespace fairtender::desktop;
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

    template <typename T> static T* child(MainWindow& window, const char* name) {
        auto* found = window.findChild<T*>(QString::fromLatin1(name));
        if (!found)
            qWarning("no child named %s", name);
        return found;
    }

    static QModelIndex cellOf(const QTableView& grid, const QString& bid,
                              const QString& criterion) {
        const QAbstractItemModel* model = grid.model();
        int row = -1;
        int column = -1;
        for (int r = 0; r < model->rowCount(); ++r)
            if (model->headerData(r, Qt::Vertical).toString() == bid)
                row = r;
        for (int c = 0; c < model->columnCount(); ++c)
            if (model->headerData(c, Qt::Horizontal, Qt::ToolTipRole)
                    .toString()
                    .startsWith(criterion + QLatin1Char(':')))
                column = c;
        return model->index(row, column);
    }

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
            as("root", "POST", "/api/v1/accounts", "{\"name\":" + q(person) + "}");
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

    static bool connectAndWait(MainWindow& window) {
        if (!window.connectToServer())
            return false;
        return QTest::qWaitFor([&] { return !window.isBusy() && window.workspace() != nullptr; },
                               20000);
    }

private slots:
    void initTestCase() {
        QVERIFY(settings_.isValid());
        test::isolateSettings(settings_);
    }

    // Each test gets a server with school meals at the evaluation stage: ann the lead, eve
    // and raj evaluators (price-blind until the results are locked), all declared.
    void init() {
        scratch_ = std::make_unique<ScratchFolder>();
        server_ = std::make_unique<ServerUnderTest>(scratch_->str() + "/data", scratch_->path());
        tokens_.clear();
        QCOMPARE(server_->init("root", kRootPassword), 0);
        QVERIFY2(server_->start(), server_->errors().c_str());
        tokens_["root"] = signIn("root", kRootPassword);
        for (const char* person : {"ann", "eve", "raj"})
            QVERIFY(addAccount(person));
        const HttpReply created =
            as("ann", "POST", "/api/v1/tenders",
               "{\"name\":\"meals\",\"files\":" + schoolMealsFiles(false) + "}");
        QCOMPARE(created.status, 201);
        QVERIFY(onMeals(200, "ann", "POST", "/panel", R"({"account":"eve","role":"evaluator"})"));
        QVERIFY(onMeals(200, "ann", "POST", "/panel", R"({"account":"raj","role":"evaluator"})"));
        QVERIFY(onMeals(200, "ann", "POST", "/stage", R"({"to":"open","reason":"published"})"));
        QVERIFY(onMeals(200, "ann", "POST", "/bids", "{\"files\":" + schoolMealsFiles(true) + "}"));
        for (const char* person : {"ann", "eve", "raj"})
            QVERIFY(onMeals(200, person, "PUT", "/declaration", R"({"conflicts":[]})"));
        QVERIFY(
            onMeals(200, "ann", "POST", "/stage", R"({"to":"evaluation","reason":"bids opened"})"));
    }

    void cleanup() {
        server_.reset();
        scratch_.reset();
    }

    void theWindowIsSignedInAsTheAccountAndNobodyElse() {
        MainWindow window;
        test::Messages messages;
        messages.attach(window);
        QStringList offered;
        answerSignIn(window, address(), QStringLiteral("eve"),
                     QString::fromStdString(passwordOf("eve")), &offered);
        QVERIFY(connectAndWait(window));
        QVERIFY2(messages.texts.isEmpty(), qPrintable(messages.texts.join(QLatin1Char('\n'))));
        QCOMPARE(offered, QStringList{QStringLiteral(
                              "meals: Primary school meals catering, September 2026 to August 2029 "
                              "(evaluation; you are evaluator)")});
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
        MainWindow window;
        test::Messages messages;
        messages.attach(window);
        answerSignIn(window, address(), QStringLiteral("eve"),
                     QString::fromStdString(passwordOf("eve")));
        QVERIFY(connectAndWait(window));
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
        QVERIFY2(window.tender()->diagnostics.empty(),
                 window.tender()->diagnostics.empty()
                     ? ""
                     : window.tender()->diagnostics.front().toString().c_str());
        QVERIFY(window.tender()->evaluation.folder->bids.empty());

        window.showScreen(MainWindow::Screen::Scoring);
        auto* grid = child<QTableView>(window, "scoringTableView");
        grid->setCurrentIndex(cellOf(*grid, QStringLiteral("B1"), QStringLiteral("q-menu")));
        child<QLineEdit>(window, "scoreValueLineEdit")->setText(QStringLiteral("4"));
        child<QPlainTextEdit>(window, "scoreReasonTextEdit")
            ->setPlainText(QStringLiteral("a varied menu with allergen plans"));
        QSignalSpy shown(&window, &MainWindow::workspaceShown);
        child<QPushButton>(window, "submitScorePushButton")->click();
        QVERIFY(shown.wait(20000) || shown.count() > 0);
        QVERIFY2(messages.texts.isEmpty(), qPrintable(messages.texts.join(QLatin1Char('\n'))));
        QCOMPARE(shown.first().first().toBool(), true);
        const QModelIndex cell = cellOf(*grid, QStringLiteral("B1"), QStringLiteral("q-menu"));
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

    void theLeadSeesTheRankingTheServerSentOnceEveryBidIsScored() {
        QVERIFY(onMeals(200, "eve", "POST", "/scores", everyScore("sound and evidenced")));
        QVERIFY(onMeals(200, "raj", "POST", "/scores", everyScore("meets the requirement")));
        MainWindow window;
        answerSignIn(window, address(), QStringLiteral("ann"),
                     QString::fromStdString(passwordOf("ann")));
        QVERIFY(connectAndWait(window));
        QVERIFY(window.tender() != nullptr);
        QVERIFY2(window.tender()->diagnostics.empty(),
                 window.tender()->diagnostics.empty()
                     ? ""
                     : window.tender()->diagnostics.front().toString().c_str());
        QVERIFY(window.tender()->evaluation.result.has_value());
        QCOMPARE(window.tender()->evaluation.result->bids.size(), std::size_t{6});
        // The next stage and what stands in its way come from the server: nothing now.
        QVERIFY(window.workspace()->next == LifecycleState::Moderation);
        QVERIFY(window.workspace()->nextBlockers.empty());
        QCOMPARE(window.workspace()->progress.scored, (std::vector<std::size_t>{20, 20}));
        QVERIFY(child<QAction>(window, "advanceAction")->isEnabled());

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
