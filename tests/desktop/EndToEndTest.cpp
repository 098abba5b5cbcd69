// The desktop app end to end through the real MainWindow: a new tender from a template
// edited, undone and saved; a draft workspace whose model the lead edits with a reason,
// opened, and given bid files (a broken one refused with its location, then a good one);
// a locked workspace's award report and summaries exported as PDF and read back.
#include "DesktopWorkspaceSupport.h"
#include "desktop/ExportPage.h"
#include "desktop/ModelEditorModel.h"
#include "desktop/ModelEditorPage.h"
#include "desktop/NewTender.h"
#include "desktop/TenderDetailsPage.h"
#include "desktop/TenderDocument.h"

#include <QAction>
#include <QDialog>
#include <QImage>
#include <QLineEdit>
#include <QListView>
#include <QListWidget>
#include <QProcess>
#include <QPushButton>
#include <QStackedWidget>
#include <QTreeView>
#include <QtTest>

using namespace fairtender;
using namespace fairtender::desktop;

namespace {

QByteArray readAll(const QString& path) {
    QFile file(path);
    return file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray();
}

void writeAll(const QString& path, const QByteArray& bytes) {
    QFile file(path);
    QVERIFY(file.open(QIODevice::WriteOnly));
    file.write(bytes);
}

QString currentScreen(MainWindow& window) {
    return window.findChild<QStackedWidget*>()->currentWidget()->objectName();
}

QModelIndex indexOfNode(ModelEditorPage& page, const std::string& id, int column) {
    if (!page.select(id))
        return {};
    return page.treeView()->currentIndex().siblingAtColumn(column);
}

QString pdfText(const QString& file) {
    QProcess process;
    process.start(QStringLiteral("pdftotext"),
                  {QStringLiteral("-layout"), file, QStringLiteral("-")});
    if (!process.waitForFinished(30000))
        return {};
    return QString::fromUtf8(process.readAllStandardOutput());
}

QStringList rowsOf(const QAbstractItemModel& model) {
    QStringList rows;
    for (int row = 0; row < model.rowCount(); ++row)
        rows << model.index(row, 0).data().toString();
    return rows;
}

// Advances the open workspace through the window's action, the reason answered.
bool advanceThroughWindow(MainWindow& window) {
    auto* advance = window.findChild<QAction*>(QStringLiteral("advanceAction"));
    if (!advance->isEnabled())
        return false;
    QSignalSpy shown(&window, &MainWindow::workspaceShown);
    advance->trigger();
    return shown.wait(20000) && shown.front().front().toBool();
}

} // namespace

class EndToEndTest : public QObject {
    Q_OBJECT

private:
    QTemporaryDir settings_;

private slots:
    void initTestCase() { test::isolateSettings(settings_); }

    void newTenderFromATemplateIsEditedUndoneAndSaved() {
        QTemporaryDir scratch;
        const QString folder = scratch.filePath(QStringLiteral("cleaning"));
        MainWindow window;
        test::Messages messages;
        messages.attach(window);
        window.setNewTenderRunner([&](QWidget* owner) {
            NewTenderDialog dialog(FAIRTENDER_SOURCE_DIR "/templates", owner);
            auto* list = dialog.templateList();
            for (int row = 0; row < list->count(); ++row)
                if (list->item(row)->text().contains(QStringLiteral("60")))
                    list->setCurrentRow(row);
            dialog.idEdit()->setText(QStringLiteral("CLN-2026-001"));
            dialog.titleEdit()->setText(QStringLiteral("Office cleaning"));
            dialog.folderEdit()->setText(folder);
            dialog.accept();
            return QString::fromStdString(dialog.createdFolder().string());
        });
        QSignalSpy shown(&window, &MainWindow::tenderShown);
        window.findChild<QAction*>(QStringLiteral("newTenderAction"))->trigger();
        QVERIFY(shown.wait(20000));
        QCOMPARE(currentScreen(window), QStringLiteral("modelPage"));

        ModelEditorPage& page = *window.modelEditor();
        QVERIFY(page.frozenText().isEmpty());
        QVERIFY(page.select("q-continuity"));
        QCOMPARE(page.enterParameter(QStringLiteral("weight"), QStringLiteral("15")), QString());
        const QModelIndex quality = indexOfNode(page, "quality", ModelEditorModel::Id);
        QCOMPARE(quality.data(ModelEditorModel::WeightProblemRole).toString(),
                 QStringLiteral("weights sum to 95, must be 100"));
        auto* save = window.findChild<QAction*>(QStringLiteral("saveAction"));
        QVERIFY(window.hasUnsavedEdits());

        // Edit > Undo and Redo by their keys, with the tree focused as after a click in it.
        window.show(); // shortcuts reach only a visible window
        QVERIFY(QTest::qWaitForWindowExposed(&window));
        page.treeView()->setFocus();
        const auto qualityMark = [&] {
            return indexOfNode(page, "quality", ModelEditorModel::Id)
                .data(ModelEditorModel::WeightProblemRole)
                .toString();
        };
        QTest::keyClick(&window, Qt::Key_Z, Qt::ControlModifier);
        QCOMPARE(qualityMark(), QString());
        QTest::keyClick(&window, Qt::Key_Y, Qt::ControlModifier);
        QCOMPARE(qualityMark(), QStringLiteral("weights sum to 95, must be 100"));
        QTest::keyClick(&window, Qt::Key_Z, Qt::ControlModifier);
        QCOMPARE(qualityMark(), QString());
        QVERIFY(!save->isEnabled()); // back to what was read: nothing to save

        window.showScreen(MainWindow::Screen::Tender);
        QCOMPARE(currentScreen(window), QStringLiteral("tenderPage"));
        QCOMPARE(window.tenderDetails()->enterField(QStringLiteral("title"),
                                                    QStringLiteral("Office cleaning, lot 2")),
                 QString());
        QVERIFY2(save->isEnabled(), qPrintable(save->toolTip()));
        window.findChild<QStackedWidget*>()->currentWidget()->setFocus();
        QTest::keyClick(&window, Qt::Key_S, Qt::ControlModifier);
        QVERIFY(shown.wait(20000));
        QVERIFY(messages.texts.isEmpty());
        QVERIFY(!window.hasUnsavedEdits());
        QVERIFY(readAll(folder + QStringLiteral("/tender.xml")).contains("Office cleaning, lot 2"));
        QCOMPARE(QString::fromStdString(window.tender()->evaluation.folder->tender.title),
                 QStringLiteral("Office cleaning, lot 2"));
    }

    void unsavedEditsAreAskedAboutBeforeOpeningAnotherTender() {
        QTemporaryDir scratch;
        const QString folder = test::copyOfSchoolMeals(scratch);
        MainWindow window;
        QSignalSpy shown(&window, &MainWindow::tenderShown);
        window.openFolder(folder);
        QVERIFY(shown.wait(20000));
        QCOMPARE(window.tenderDetails()->enterField(QStringLiteral("title"), QStringLiteral("X")),
                 QString());
        QStringList asked;
        window.prompts().question = [&](QWidget*, const QString&, const QString& text,
                                        QMessageBox::StandardButtons) {
            asked << text;
            return QMessageBox::Cancel;
        };
        window.openFolder(test::samplePath("home-care"));
        QCOMPARE(asked.size(), 1);
        QVERIFY(!window.isBusy()); // cancelled: nothing was opened
        QCOMPARE(QString::fromStdString(window.document()->tender().title), QStringLiteral("X"));

        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));
        QVERIFY(!window.close()); // Cancel keeps the window and the edits
        QCOMPARE(asked.size(), 2);
        QVERIFY(window.isVisible());
        QVERIFY(window.hasUnsavedEdits());
    }

    void savingWhenAskedWritesTheEditsThenOpensTheOtherTender() {
        QTemporaryDir scratch;
        const QString folder = test::copyOfSchoolMeals(scratch);
        MainWindow window;
        QSignalSpy shown(&window, &MainWindow::tenderShown);
        window.openFolder(folder);
        QVERIFY(shown.wait(20000));
        QCOMPARE(window.tenderDetails()->enterField(QStringLiteral("buyer"),
                                                    QStringLiteral("Salford Schools Trust")),
                 QString());
        window.prompts().question = [](QWidget*, const QString&, const QString&,
                                       QMessageBox::StandardButtons buttons) {
            return buttons.testFlag(QMessageBox::Save) ? QMessageBox::Save : QMessageBox::Cancel;
        };
        window.openFolder(test::samplePath("home-care"));
        QTRY_VERIFY_WITH_TIMEOUT(!window.isBusy() && window.tender() &&
                                     window.tender()->folder.filename() == "home-care",
                                 20000);
        QVERIFY(readAll(folder + QStringLiteral("/tender.xml")).contains("Salford Schools Trust"));
        QVERIFY(!window.hasUnsavedEdits());
    }

    void workspaceRefusalOfTheNewTenderIsShownAndTheEditsKept() {
        QTemporaryDir scratch;
        const QString file = test::emptyWorkspace(scratch);
        MainWindow window;
        test::Messages messages;
        messages.attach(window);
        QVERIFY(test::openAs(window, file, QStringLiteral("alice")));
        // The stored bids name SCC-2026-014: a tender of another id does not fit them.
        QCOMPARE(window.tenderDetails()->enterField(QStringLiteral("id"),
                                                    QStringLiteral("SCC-2026-999")),
                 QString());
        window.prompts().text = [](QWidget*, const QString&,
                                   const QString&) -> std::optional<QString> {
            return QStringLiteral("new reference");
        };
        QSignalSpy shown(&window, &MainWindow::workspaceShown);
        QVERIFY(window.saveTender());
        QVERIFY(shown.wait(20000));
        QCOMPARE(shown.front().front().toBool(), false);
        QCOMPARE(messages.texts.size(), 1);
        QVERIFY2(messages.texts.front().startsWith(QStringLiteral(
                     "bids/B1-irwell-kitchen.xml:2:43: this file is for tender 'SCC-2026-014', "
                     "but tender.xml has id 'SCC-2026-999'")),
                 qPrintable(messages.texts.front()));
        QVERIFY(window.hasUnsavedEdits());
        QCOMPARE(QString::fromStdString(window.document()->tender().id),
                 QStringLiteral("SCC-2026-999"));
        QCOMPARE(window.workspace()->status.tenderId, std::string("SCC-2026-014"));
    }

    void draftWorkspaceIsEditedByTheLeadThenOpenedAndGivenBids() {
        QTemporaryDir scratch;
        const QString folder = test::copyOfSchoolMeals(scratch);
        QFile::remove(folder + QStringLiteral("/evaluations.xml"));
        const QString b6 = scratch.filePath(QStringLiteral("B6-amberline.xml"));
        QVERIFY(QFile::rename(folder + QStringLiteral("/bids/B6-amberline.xml"), b6));
        const QString file = scratch.filePath(QStringLiteral("meals.ftw"));
        QVERIFY(Workspace::createFromFolder(folder.toStdString(), file.toStdString(), "alice",
                                            test::rates())
                    .ok());
        {
            Workspace ws = test::engineWorkspace(file);
            QVERIFY(ws.addPanelMember("alice", "alice", PanelRole::Lead).ok());
        }
        MainWindow window;
        test::Messages messages;
        messages.attach(window);
        QVERIFY(test::openAs(window, file, QStringLiteral("alice")));

        // The lead edits the model in draft and saves it with a reason.
        window.showScreen(MainWindow::Screen::Model);
        QCOMPARE(currentScreen(window), QStringLiteral("modelPage"));
        ModelEditorPage& page = *window.modelEditor();
        QVERIFY2(page.frozenText().isEmpty(), qPrintable(page.frozenText()));
        QVERIFY(page.treeModel()->setData(indexOfNode(page, "rlw", ModelEditorModel::Title),
                                          QStringLiteral("Real Living Wage paid")));
        window.prompts().text = [](QWidget*, const QString&,
                                   const QString&) -> std::optional<QString> {
            return QStringLiteral("clearer criterion title");
        };
        QSignalSpy shown(&window, &MainWindow::workspaceShown);
        QVERIFY(window.saveTender());
        QVERIFY(shown.wait(20000));
        QVERIFY2(shown.front().front().toBool(),
                 qPrintable(messages.texts.join(QLatin1Char('\n'))));
        QVERIFY(!window.hasUnsavedEdits());
        bool audited = false;
        for (const auto& entry : window.workspace()->audit)
            audited = audited || (entry.action == "tender.replace" &&
                                  entry.reason == "clearer criterion title");
        QVERIFY(audited);

        // Opened: the model freezes, with when and by whom.
        QVERIFY(advanceThroughWindow(window));
        QVERIFY2(page.frozenText().startsWith(
                     QStringLiteral("The model is frozen: the tender opened on ")),
                 qPrintable(page.frozenText()));
        QVERIFY(page.frozenText().endsWith(QStringLiteral("(alice)")));
        QVERIFY(!window.findChild<QAction*>(QStringLiteral("undoAction"))->isEnabled());

        // A broken bid file: every problem listed with its place, nothing stored.
        QByteArray broken = readAll(b6);
        broken.replace("id=\"B6\"", "id=\"B7\"");
        broken.replace("<price>", "<price>about ");
        const QString b7 = scratch.filePath(QStringLiteral("B7-broken.xml"));
        writeAll(b7, broken);
        auto* import = window.findChild<QPushButton*>(QStringLiteral("importBidsButton"));
        QVERIFY2(import->isEnabled(), qPrintable(import->toolTip()));
        QSignalSpy imported(&window, &MainWindow::importFinished);
        window.importBidFiles({b7});
        QVERIFY(imported.wait(20000));
        QCOMPARE(imported.takeFirst().front().toBool(), false);
        auto* dialog = window.findChild<QDialog*>(QStringLiteral("importProblemsDialog"));
        QVERIFY(dialog != nullptr);
        const QStringList rows = rowsOf(
            *dialog->findChild<QListView*>(QStringLiteral("importProblemsListView"))->model());
        bool located = false;
        for (const QString& row : rows)
            located = located || row.startsWith(QStringLiteral("bids/B7-broken.xml:4:"));
        QVERIFY2(located, qPrintable(rows.join(QLatin1Char('\n'))));
        QCOMPARE(window.workspace()->status.bids, std::size_t{5});

        window.importBidFiles({b6});
        QVERIFY(imported.wait(20000));
        QCOMPARE(imported.takeFirst().front().toBool(), true);
        QCOMPARE(window.workspace()->status.bids, std::size_t{6});
    }

    void bidImportIsDisabledForSomeoneOtherThanTheLead() {
        QTemporaryDir scratch;
        const QString file = test::emptyWorkspace(scratch);
        {
            Workspace ws = test::engineWorkspace(file);
            test::addPanel(ws, true);
        }
        MainWindow window;
        QVERIFY(test::openAs(window, file, QStringLiteral("eve")));
        auto* import = window.findChild<QPushButton*>(QStringLiteral("importBidsButton"));
        QVERIFY(!import->isEnabled());
        QCOMPARE(import->toolTip(),
                 QStringLiteral("Only the lead imports bids; eve is not the lead"));
        QCOMPARE(window.modelEditor()->frozenText().left(39),
                 QStringLiteral("The model is frozen: the tender opened "));
    }

    void lockedWorkspaceExportsTheAwardReportAndSummaries() {
        QTemporaryDir scratch;
        const QString file = test::emptyWorkspace(scratch);
        QVERIFY(test::stepWorkspace(file, test::toModerationAgreed));
        MainWindow window;
        test::Messages messages;
        messages.attach(window);
        QVERIFY(test::openAs(window, file, QStringLiteral("alice")));
        auto* exportPage = window.findChild<ExportPage*>(QStringLiteral("exportPage"));
        QVERIFY(!exportPage->isEnabled(QStringLiteral("award-report")));
        QCOMPARE(exportPage->toolTipOf(QStringLiteral("award-report")),
                 QStringLiteral("This document is made once the results are locked; this tender "
                                "is at the moderation stage: finish it and move it to locked "
                                "(Workspace > Advance, Ctrl+Shift+A)."));
        {
            Workspace ws = test::engineWorkspace(file);
            QVERIFY(
                ws.decideAbnormallyLow("alice", "B6", true, "costs explained", test::rates()).ok());
            QVERIFY(
                ws.advance("alice", LifecycleState::Locked, "moderation complete", test::rates())
                    .ok());
        }
        window.reevaluate();
        test::waitIdle(window);
        QVERIFY(window.workspace()->state == LifecycleState::Locked);
        QVERIFY2(exportPage->isEnabled(QStringLiteral("award-report")),
                 qPrintable(exportPage->toolTipOf(QStringLiteral("award-report"))));

        const QString report = scratch.filePath(QStringLiteral("award-report.pdf"));
        window.prompts().saveFile = [&](QWidget*, const QString&, const QString&, const QString&) {
            return report;
        };
        QSignalSpy exported(exportPage, &ExportPage::exported);
        window.showScreen(MainWindow::Screen::Export);
        window.findChild<QPushButton*>(QStringLiteral("export_award-report_PushButton"))->click();
        QVERIFY(exported.wait(30000));
        QVERIFY2(exported.takeFirst().at(1).toBool(),
                 qPrintable(messages.texts.join(QLatin1Char('\n'))));
        const QString text = pdfText(report).simplified();
        QVERIFY2(text.contains(QStringLiteral("The most advantageous tender is B1 from Irwell "
                                              "Kitchen Workers' Co-operative Ltd with 75.24 "
                                              "points, at a price of 7,140,000.00.")),
                 qPrintable(text));

        const QString summaries = scratch.filePath(QStringLiteral("summaries"));
        QVERIFY(QDir().mkpath(summaries));
        window.prompts().folder = [&](QWidget*, const QString&) {
            return summaries;
        };
        window.findChild<QPushButton*>(QStringLiteral("export_summaries_PushButton"))->click();
        QVERIFY(exported.wait(30000));
        QVERIFY2(exported.takeFirst().at(1).toBool(),
                 qPrintable(messages.texts.join(QLatin1Char('\n'))));
        QCOMPARE(QDir(summaries).entryList(QDir::Files).size(), 6);
        const QString own =
            pdfText(QDir(summaries).filePath(QStringLiteral("B2-assessment-summary.pdf")))
                .simplified();
        QVERIFY2(own.contains(QStringLiteral("For Eccles Community Food CIC, bid B2")),
                 qPrintable(own));
        QVERIFY2(own.contains(QStringLiteral("71.39")), qPrintable(own));

        const QString ocds = scratch.filePath(QStringLiteral("release.json"));
        window.prompts().saveFile = [&](QWidget*, const QString&, const QString&, const QString&) {
            return ocds;
        };
        window.findChild<QPushButton*>(QStringLiteral("export_ocds_PushButton"))->click();
        QVERIFY(exported.wait(30000));
        QVERIFY(exported.takeFirst().at(1).toBool());
        QVERIFY(readAll(ocds).contains("ocds-fairtender-SCC-2026-014"));
    }

    void openingWithUnsavedModelEditsAsksFirst() {
        QTemporaryDir scratch;
        const QString file = test::emptyWorkspace(scratch);
        {
            Workspace ws = test::engineWorkspace(file);
            QVERIFY(ws.addPanelMember("alice", "alice", PanelRole::Lead).ok());
        }
        MainWindow window;
        QVERIFY(test::openAs(window, file, QStringLiteral("alice")));
        QCOMPARE(window.tenderDetails()->enterField(QStringLiteral("buyer"), QStringLiteral("Y")),
                 QString());
        QStringList asked;
        window.prompts().question = [&](QWidget*, const QString&, const QString& text,
                                        QMessageBox::StandardButtons) {
            asked << text;
            return QMessageBox::Cancel;
        };
        window.prompts().text = [](QWidget*, const QString&,
                                   const QString&) -> std::optional<QString> {
            return QStringLiteral("published");
        };
        window.findChild<QAction*>(QStringLiteral("advanceAction"))->trigger();
        QCOMPARE(asked.size(), 1);
        QVERIFY(asked.front().startsWith(QStringLiteral("Opening the tender freezes the model")));
        QVERIFY(!window.isBusy()); // cancelled: nothing was recorded
        QVERIFY(window.workspace()->state == LifecycleState::Draft);
        QVERIFY(window.hasUnsavedEdits());
    }

    void draftModelIsFrozenForSomeoneOtherThanTheLead() {
        QTemporaryDir scratch;
        const QString file = test::emptyWorkspace(scratch);
        {
            Workspace ws = test::engineWorkspace(file);
            QVERIFY(ws.addPanelMember("alice", "alice", PanelRole::Lead).ok());
            QVERIFY(ws.addPanelMember("alice", "eve", PanelRole::Evaluator).ok());
        }
        MainWindow window;
        QVERIFY(test::openAs(window, file, QStringLiteral("eve")));
        QCOMPARE(window.modelEditor()->frozenText(),
                 QStringLiteral("Only the lead edits the model; eve is not the lead."));
        QVERIFY(!window.findChild<QAction*>(QStringLiteral("saveAction"))->isEnabled());
        QVERIFY(!window.modelEditor()->addGroup());
    }

    void screenshotOptionShowsTheTenderScreen() {
        QTemporaryDir scratch;
        const QString picture = scratch.filePath(QStringLiteral("tender.png"));
        QProcess process;
        QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
        environment.insert(QStringLiteral("XDG_CONFIG_HOME"), scratch.path());
        process.setProcessEnvironment(environment);
        process.start(QStringLiteral(FAIRTENDER_DESKTOP_EXECUTABLE),
                      {test::samplePath("school-meals"), QStringLiteral("--screenshot"), picture,
                       QStringLiteral("--screen"), QStringLiteral("tender"),
                       QStringLiteral("--size"), QStringLiteral("900x600")});
        QVERIFY(process.waitForFinished(60000));
        QCOMPARE(process.exitCode(), 0);
        QCOMPARE(QImage(picture).size(), QSize(900, 600));
    }
};

QTEST_MAIN(EndToEndTest)
#include "EndToEndTest.moc"
