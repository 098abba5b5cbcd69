#include "server/ServerCommand.h"

#include "cli/Commands.h"
#include "cli/TemplateLibrary.h"
#include "core/InputKind.h"
#include "identity/AccountStore.h"
#include "identity/Passwords.h"
#include "lifecycle/Standstill.h"
#include "reports/PdfReports.h"
#include "server/Api.h"
#include "server/HttpFrontEnd.h"

#include <algorithm>
#include <cctype>
#include <filesystem>
#include <istream>
#include <map>
#include <optional>
#include <ostream>
#include <unistd.h>

namespace fairtender::server {

namespace fs = std::filesystem;

namespace {

struct ServerArguments {
    std::string command = "serve";
    std::map<std::string, std::string> options;
    std::vector<std::string> flags;

    bool has(const std::string& flag) const {
        return std::find(flags.begin(), flags.end(), flag) != flags.end();
    }
    std::optional<std::string> option(const std::string& name) const {
        const auto found = options.find(name);
        if (found == options.end())
            return std::nullopt;
        return found->second;
    }
};

const std::vector<std::string> kValueOptions = {
    "--data",  "--database", "--listen",      "--tls-cert",      "--tls-key",
    "--admin", "--threads",  "--signing-key", "--trusted-proxy", "--public-url"};
const std::vector<std::string> kFlags = {"--insecure-http", "--password-stdin", "--help",
                                         "--require-second-factor"};

// The parsed arguments, or the usage problem in `why`.
std::optional<ServerArguments> parse(const std::vector<std::string>& args, std::string& why) {
    ServerArguments parsed;
    std::size_t i = 0;
    if (!args.empty() && !args[0].starts_with("--")) {
        parsed.command = args[0];
        if (parsed.command != "init" && parsed.command != "serve") {
            why = "unknown command \"" + parsed.command + "\": the commands are init and serve";
            return std::nullopt;
        }
        i = 1;
    }
    for (; i < args.size(); ++i) {
        std::string name = args[i];
        std::optional<std::string> value;
        if (const auto eq = name.find('='); name.starts_with("--") && eq != std::string::npos) {
            value = name.substr(eq + 1);
            name = name.substr(0, eq);
        }
        if (std::find(kFlags.begin(), kFlags.end(), name) != kFlags.end() && !value) {
            parsed.flags.push_back(name);
            continue;
        }
        if (std::find(kValueOptions.begin(), kValueOptions.end(), name) == kValueOptions.end()) {
            why = "unknown option \"" + name + "\"";
            return std::nullopt;
        }
        if (!value) {
            if (i + 1 >= args.size()) {
                why = name + " needs a value";
                return std::nullopt;
            }
            value = args[++i];
        }
        parsed.options[name] = *value;
    }
    return parsed;
}

bool isLoopback(const std::string& host) {
    return host == "localhost" || host == "::1" || host.starts_with("127.");
}

// HOST:PORT, [IPv6]:PORT or PORT.
std::optional<ListenOptions> parseListen(const std::string& text, std::string& why) {
    ListenOptions listen;
    std::string host = listen.host;
    std::string port = text;
    if (text.starts_with('[')) {
        const auto close = text.find("]:");
        if (close == std::string::npos) {
            why = "--listen " + text + ": write an IPv6 address as [ADDRESS]:PORT";
            return std::nullopt;
        }
        host = text.substr(1, close - 1);
        port = text.substr(close + 2);
    } else if (const auto colon = text.rfind(':'); colon != std::string::npos) {
        host = text.substr(0, colon);
        port = text.substr(colon + 1);
    }
    char* end = nullptr;
    const long number = std::strtol(port.c_str(), &end, 10);
    if (port.empty() || *end != '\0' || number < 0 || number > 65535) {
        why = "--listen " + text + ": give HOST:PORT with a port from 0 to 65535";
        return std::nullopt;
    }
    listen.host = host;
    listen.port = static_cast<std::uint16_t>(number);
    return listen;
}

// Where the accounts are kept: DIR/accounts.sqlite, or the database.
std::optional<std::string> accountsWhere(const ServerArguments& args, std::string& why) {
    const auto data = args.option("--data");
    const auto database = args.option("--database");
    if (data.has_value() == database.has_value()) {
        why = "give either --data DIR (SQLite files in DIR) or --database postgresql://... "
              "(several instances on one database)";
        return std::nullopt;
    }
    if (database) {
        if (!isPostgresLocation(*database)) {
            why = "--database takes a postgresql:// URI";
            return std::nullopt;
        }
        return *database;
    }
    std::error_code error;
    fs::create_directories(fs::path(*data) / "tenders", error);
    if (error) {
        why = "cannot make the data folder " + *data + ": " + error.message();
        return std::nullopt;
    }
    return (fs::path(*data) / "accounts.sqlite").string();
}

// The key that signs the audit entries: --signing-key FILE, by default DIR/signing-key with
// --data; made when the file does not exist yet. Several instances on one database share
// one key file.
std::optional<AuditSigningKey> signingKey(const ServerArguments& args, std::string& why) {
    auto file = args.option("--signing-key");
    if (!file && args.option("--data"))
        file = (fs::path(*args.option("--data")) / "signing-key").string();
    if (!file) {
        why = "with --database, give --signing-key FILE: the key that signs every audit entry, "
              "the same file for every instance";
        return std::nullopt;
    }
    return AuditSigningKey::loadOrCreate(*file, why);
}

int init(const ServerArguments& args, std::istream& passwordInput, std::ostream& out,
         std::ostream& err) {
    std::string why;
    const auto where = accountsWhere(args, why);
    const auto admin = args.option("--admin");
    if (!where || !admin) {
        err << "fairtender-server init: " << (where ? "missing --admin NAME" : why) << "\n";
        return 2;
    }
    auto opened = AccountStore::open(*where);
    if (!opened.ok()) {
        err << "fairtender-server init: " << opened.diagnostics.front().toString() << "\n";
        return 1;
    }
    std::string password;
    const bool typed = args.has("--password-stdin");
    if (typed)
        std::getline(passwordInput, password);
    else
        password = oneTimePassword(*admin);
    const Diagnostics problems =
        opened.store->createAccount("", *admin, password, true, !typed, secondsNow());
    if (!problems.empty()) {
        err << "fairtender-server init: " << problems.front().message << "\n";
        return 1;
    }
    const auto key = signingKey(args, why);
    if (!key) {
        err << "fairtender-server init: " << why << "\n";
        return 1;
    }
    out << "Created the site administrator " << *admin << ".\n";
    if (!typed)
        out << "One-time password: " << password << "\n"
            << "It allows nothing but choosing a new password at the first sign-in "
               "(PUT /api/v1/accounts/me/password).\n";
    out << "Audit entries are signed with the Ed25519 key " << key->publicKeyHex() << "\n";
    return 0;
}

// "http://HOST:PORT" (an IPv6 host in brackets); empty while the port is 0, to be picked.
std::string listenUrl(const std::string& host, std::uint16_t port, bool tls) {
    if (port == 0)
        return {};
    const bool v6 = host.find(':') != std::string::npos;
    return std::string(tls ? "https://" : "http://") + (v6 ? "[" + host + "]" : host) + ":" +
           std::to_string(port);
}

// The address people reach the server by: --public-url, else where it listens (empty while
// the port is 0, and then the port picked); nullopt with `why` for an address that is not one.
std::optional<std::string> publicUrlOf(const ServerArguments& args, const ListenOptions& listen,
                                       bool tls, std::string& why) {
    if (const auto given = args.option("--public-url")) {
        std::string url = *given;
        while (url.ends_with("/"))
            url.pop_back();
        const std::size_t hostStart = url.starts_with("https://")  ? 8
                                      : url.starts_with("http://") ? 7
                                                                   : std::string::npos;
        // Scheme, host and port only: the tender's path is added to it.
        const auto hostCharacter = [](unsigned char c) {
            return std::isalnum(c) || c == '.' || c == '-' || c == ':' || c == '[' || c == ']';
        };
        if (hostStart == std::string::npos || url.size() == hostStart ||
            !std::all_of(url.begin() + static_cast<std::ptrdiff_t>(hostStart), url.end(),
                         hostCharacter)) {
            why = "--public-url " + *given +
                  ": give the address people reach the server by, scheme, host and port "
                  "only, such as https://tenders.example.gov.uk";
            return std::nullopt;
        }
        return url;
    }
    return listenUrl(listen.host, listen.port, tls);
}

int serve(const ServerArguments& args, std::ostream& out, std::ostream& err,
          const std::function<void()>& waitForStop) {
    std::string why;
    const auto where = accountsWhere(args, why);
    if (!where) {
        err << "fairtender-server: " << why << "\n";
        return 2;
    }
    const auto listen = parseListen(args.option("--listen").value_or("127.0.0.1:8080"), why);
    if (!listen) {
        err << "fairtender-server: " << why << "\n";
        return 2;
    }
    ListenOptions options = *listen;
    options.tlsCertificate = args.option("--tls-cert").value_or("");
    options.tlsKey = args.option("--tls-key").value_or("");
    if (options.tlsCertificate.empty() != options.tlsKey.empty()) {
        err << "fairtender-server: TLS needs both --tls-cert FILE and --tls-key FILE\n";
        return 2;
    }
    if (const auto threads = args.option("--threads")) {
        options.threads = std::atoi(threads->c_str());
        if (options.threads < 1 || options.threads > 256) {
            err << "fairtender-server: --threads takes 1 to 256\n";
            return 2;
        }
    }
    options.trustedProxy = args.option("--trusted-proxy").value_or("");
    const bool tls = !options.tlsCertificate.empty();
    const auto publicUrl = publicUrlOf(args, options, tls, why);
    if (!publicUrl) {
        err << "fairtender-server: " << why << "\n";
        return 2;
    }
    if (!tls && !isLoopback(options.host) && !args.has("--insecure-http")) {
        err << "fairtender-server: refusing to serve plain HTTP on " << options.host
            << ": passwords and tokens would cross the network unencrypted. Give --tls-cert "
               "and --tls-key, put it behind a TLS proxy on loopback (docs/server.md), or "
               "say --insecure-http\n";
        return 2;
    }
    SessionPolicy policy;
    policy.requireSecondFactor = args.has("--require-second-factor");
    auto opened = AccountStore::open(*where, policy);
    if (!opened.ok()) {
        err << "fairtender-server: " << opened.diagnostics.front().toString() << "\n";
        return 1;
    }
    if (opened.store->empty()) {
        err << "fairtender-server: there is no account yet: run fairtender-server init "
            << (args.option("--data") ? "--data " + *args.option("--data")
                                      : std::string("--database URI"))
            << " --admin NAME first\n";
        return 1;
    }
    const auto key = signingKey(args, why);
    if (!key) {
        err << "fairtender-server: " << why << "\n";
        return 1;
    }
    Diagnostics warnings;
    const auto rates = cli::loadReferenceRates(warnings);
    const auto holidays = loadBankHolidays(
        cli::templatesDirectory() / "reference" / "bank-holidays-england-and-wales.xml", warnings);
    for (const auto& warning : warnings)
        err << "fairtender-server: " << warning.toString() << "\n";

    ServerContext context;
    context.accounts = &*opened.store;
    if (const auto database = args.option("--database")) {
        context.databaseUri = *database;
        context.uploads =
            fs::temp_directory_path() / ("fairtender-server-" + std::to_string(::getpid()));
    } else {
        context.dataFolder = *args.option("--data");
        context.uploads = context.dataFolder / "uploads";
    }
    std::error_code error;
    fs::remove_all(context.uploads, error); // what a killed server left half-written
    fs::create_directories(context.uploads, error);
    context.rates = rates ? &*rates : nullptr;
    context.holidays = holidays ? &*holidays : nullptr;
    context.signer = std::make_shared<const AuditSigningKey>(*key);
    context.publicUrl = *publicUrl;
    const reports::OffscreenGui gui; // the award report and summaries are drawn with Qt
    Api api(context);
    try {
        HttpFrontEnd front(api, options, [&](std::uint16_t port) {
            if (publicUrl->empty())
                api.setPublicUrl(listenUrl(options.host, port, tls));
        });
        out << "fairtender-server: serving " << listenUrl(options.host, front.port(), tls)
            << "/api/v1" << std::endl;
        waitForStop();
        front.stop();
    } catch (const std::exception& e) {
        err << "fairtender-server: " << e.what() << "\n";
        return 1;
    }
    fs::remove_all(context.uploads, error);
    out << "fairtender-server: stopped" << std::endl;
    return 0;
}

} // namespace

std::string serverHelpText() {
    return R"(fairtender-server: the panel signs in and works on its tenders together.

Usage:
  fairtender-server init --data DIR --admin NAME [--password-stdin]
  fairtender-server [serve] --data DIR [--listen HOST:PORT] [options]
  fairtender-server [serve] --database postgresql://... [--listen HOST:PORT] [options]

  init              creates the first site administrator and prints a one-time password
                    (or reads the password from standard input with --password-stdin)
  serve             answers the API under /api/v1 until stopped (SIGTERM or Ctrl-C)

Where everything is kept:
  --data DIR        accounts in DIR/accounts.sqlite, each tender in DIR/tenders/NAME.ftw
  --database URI    everything in one PostgreSQL database, so several instances behind a
                    proxy serve one team (postgresql://user@host/db)

Serving:
  --listen HOST:PORT   where to listen (default 127.0.0.1:8080; port 0 picks a free one)
  --tls-cert FILE      HTTPS with this certificate (PEM) ...
  --tls-key FILE       ... and its private key (PEM)
  --insecure-http      allow plain HTTP on an address other than loopback
  --trusted-proxy ADDR a reverse proxy at ADDR (e.g. 127.0.0.1) gives each client's address
                       in X-Real-IP; failed sign-ins are then throttled per client
  --threads N          requests handled at once (default 16)
  --require-second-factor
                       every account signs in with a code from an authenticator app as
                       well as its password; one without a second factor may do nothing
                       but enrol one (POST /api/v1/accounts/me/second-factor)
  --public-url URL     the address people reach the server by, when a proxy stands in
                       front (https://tenders.example.gov.uk); the award report names it
                       as where to verify the tender (default: the --listen address)
  --signing-key FILE   the Ed25519 key that signs every audit entry (default DIR/signing-key;
                       made when missing; give the same file to every instance of a database)

Examples:
  fairtender-server init --data /srv/fairtender --admin root
  fairtender-server --data /srv/fairtender
  curl -s http://127.0.0.1:8080/api/v1/health

The API is described at /api/v1/openapi.json; docs/server.md tells the rest.
)";
}

int runServerCommand(const std::vector<std::string>& args, std::istream& passwordInput,
                     std::ostream& out, std::ostream& err,
                     const std::function<void()>& waitForStop) {
    std::string why;
    const auto parsed = parse(args, why);
    if (!parsed) {
        err << "fairtender-server: " << why << "\nRun fairtender-server --help for the usage.\n";
        return 2;
    }
    if (parsed->has("--help") || args.empty()) {
        out << serverHelpText();
        return args.empty() ? 2 : 0;
    }
    if (parsed->command == "init")
        return init(*parsed, passwordInput, out, err);
    return serve(*parsed, out, err, waitForStop);
}

} // namespace fairtender::server
