#include "desktop/DesktopApp.h"

#include "desktop/MainWindow.h"

#include <QApplication>
#include <QCommandLineParser>
#include <QPixmap>
#include <QTimer>

#include <cstdio>
#include <exception>
#include <optional>

namespace fairtender::desktop {

namespace {

std::optional<MainWindow::Screen> screenNamed(const QString& name) {
    if (name == QStringLiteral("start"))
        return MainWindow::Screen::Start;
    if (name == QStringLiteral("results"))
        return MainWindow::Screen::Results;
    if (name == QStringLiteral("robustness"))
        return MainWindow::Screen::Robustness;
    if (name == QStringLiteral("model"))
        return MainWindow::Screen::Model;
    if (name == QStringLiteral("tender"))
        return MainWindow::Screen::Tender;
    if (name == QStringLiteral("bids"))
        return MainWindow::Screen::Bids;
    if (name == QStringLiteral("panel"))
        return MainWindow::Screen::Panel;
    if (name == QStringLiteral("scoring"))
        return MainWindow::Screen::Scoring;
    if (name == QStringLiteral("moderation"))
        return MainWindow::Screen::Moderation;
    if (name == QStringLiteral("audit"))
        return MainWindow::Screen::Audit;
    if (name == QStringLiteral("export"))
        return MainWindow::Screen::Export;
    return std::nullopt;
}

int run(QApplication& app) {
    QCommandLineParser parser;
    parser.setApplicationDescription(
        QStringLiteral("Score tender bids and see how every number was worked out."));
    parser.addHelpOption();
    parser.addVersionOption();
    parser.addPositionalArgument(
        QStringLiteral("folder"),
        QStringLiteral("A tender folder to open and evaluate, or a workspace (*.ftw)."),
        QStringLiteral("[FOLDER|WORKSPACE.ftw]"));
    const QCommandLineOption screenshot(
        QStringLiteral("screenshot"),
        QStringLiteral("Open FOLDER, save a PNG picture of the window to FILE and quit."),
        QStringLiteral("FILE"));
    const QCommandLineOption screen(
        QStringLiteral("screen"),
        QStringLiteral("The screen to show: start, results, robustness, tender, model, bids, "
                       "panel, scoring, moderation, audit or export."),
        QStringLiteral("NAME"), QStringLiteral("results"));
    const QCommandLineOption actingAs(
        QStringLiteral("as"), QStringLiteral("Who acts in the workspace (a panel member's name)."),
        QStringLiteral("NAME"));
    const QCommandLineOption size(QStringLiteral("size"),
                                  QStringLiteral("Window size for --screenshot, WIDTHxHEIGHT."),
                                  QStringLiteral("SIZE"), QStringLiteral("1280x800"));
    parser.addOption(screenshot);
    parser.addOption(screen);
    parser.addOption(size);
    parser.addOption(actingAs);
    parser.process(app);

    const auto chosenScreen = screenNamed(parser.value(screen));
    const QStringList positional = parser.positionalArguments();
    if (!chosenScreen || positional.size() > 1 ||
        (parser.isSet(screenshot) && positional.isEmpty())) {
        std::fputs(
            "fairtender-desktop: usage: fairtender-desktop [FOLDER|WORKSPACE.ftw] [--as NAME] "
            "[--screenshot FILE [--screen start|results|robustness|tender|model|bids|panel|"
            "scoring|moderation|audit|export] [--size WIDTHxHEIGHT]]\n",
            stderr);
        return 2;
    }

    MainWindow window;
    const QString actor = parser.value(actingAs);
    // The person acting is set once the workspace is read (it names the panel).
    bool actorSet = actor.isEmpty();
    const auto setActorOnce = [&] {
        if (actorSet)
            return false;
        actorSet = true;
        window.setActor(actor);
        return window.isBusy();
    };
    if (!parser.isSet(screenshot)) {
        QObject::connect(&window, &MainWindow::workspaceShown, &window, [&] { setActorOnce(); });
        window.show();
        if (!positional.isEmpty())
            window.open(positional.front());
        return QApplication::exec();
    }

    const QStringList dimensions = parser.value(size).split(QLatin1Char('x'));
    const int width = dimensions.size() == 2 ? dimensions[0].toInt() : 0;
    const int height = dimensions.size() == 2 ? dimensions[1].toInt() : 0;
    if (width < 200 || height < 200) {
        std::fputs("fairtender-desktop: --size wants WIDTHxHEIGHT, at least 200x200\n", stderr);
        return 2;
    }
    window.resize(width, height);
    window.show();
    int exitCode = 1;
    const QString file = parser.value(screenshot);
    bool taken = false;
    const auto take = [&] {
        if (taken)
            return;
        taken = true;
        window.showScreen(*chosenScreen);
        // Let layouts and the chart settle, and background reads (the verification, the
        // recent list's titles) finish, before taking the picture.
        auto* settle = new QTimer(&window);
        settle->setInterval(300);
        QObject::connect(settle, &QTimer::timeout, &window, [&, settle] {
            if (window.isSettling())
                return;
            settle->stop();
            exitCode = window.grab().save(file, "PNG") ? 0 : 1;
            if (exitCode != 0)
                std::fprintf(stderr, "fairtender-desktop: cannot write %s\n",
                             file.toLocal8Bit().constData());
            QApplication::quit();
        });
        settle->start();
    };
    QObject::connect(&window, &MainWindow::tenderShown, &window, take);
    QObject::connect(&window, &MainWindow::workspaceShown, &window, [&] {
        if (!setActorOnce() && !window.isBusy())
            take();
    });
    window.open(positional.front());
    QApplication::exec();
    return exitCode;
}

} // namespace

int runDesktop(int argc, char** argv) {
    QApplication app(argc, argv);
    QApplication::setOrganizationName(QStringLiteral("Fairtender"));
    QApplication::setApplicationName(QStringLiteral("fairtender-desktop"));
    QApplication::setApplicationVersion(QStringLiteral(FAIRTENDER_VERSION));
    try {
        return run(app);
    } catch (const std::exception& failure) {
        std::fprintf(stderr, "fairtender-desktop: %s\n", failure.what());
        return 1;
    }
}

} // namespace fairtender::desktop
