#include "desktop/RobustnessPage.h"

#include "desktop/LoadedTender.h"
#include "desktop/QtText.h"
#include "reporting/ReportContent.h"

#include <QBarCategoryAxis>
#include <QBarSet>
#include <QChart>
#include <QChartView>
#include <QFutureWatcher>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QHorizontalBarSeries>
#include <QHorizontalStackedBarSeries>
#include <QLabel>
#include <QProgressBar>
#include <QPushButton>
#include <QShortcut>
#include <QSpinBox>
#include <QSplitter>
#include <QTableWidget>
#include <QTimer>
#include <QVBoxLayout>
#include <QValueAxis>
#include <QtConcurrent>

#include <algorithm>
#include <cmath>

namespace fairtender::desktop {

namespace {

// More bars than these are unreadable at any window size.
constexpr std::size_t kNodesShown = 12;
constexpr std::size_t kBidsShown = 15;

QChart* emptyChart(const QString& title) {
    auto* chart = new QChart();
    chart->setTitle(title);
    chart->setMargins(QMargins(4, 4, 4, 4));
    chart->legend()->setAlignment(Qt::AlignBottom);
    return chart;
}

} // namespace

RobustnessPage::RobustnessPage(QWidget* parent) : QWidget(parent) {
    verdict_ = new QLabel(this);
    verdict_->setObjectName(QStringLiteral("robustnessVerdictLabel"));
    verdict_->setAccessibleName(QStringLiteral("Verdict"));
    verdict_->setWordWrap(true);
    verdict_->setTextInteractionFlags(Qt::TextSelectableByMouse);
    verdict_->setContentsMargins(6, 6, 6, 6);

    samples_ = new QSpinBox(this);
    samples_->setObjectName(QStringLiteral("robustnessSamplesSpinBox"));
    samples_->setAccessibleName(QStringLiteral("Samples"));
    samples_->setRange(1000, 10000000);
    samples_->setSingleStep(10000);
    samples_->setValue(static_cast<int>(OddsSettings{}.samples));
    samples_->setGroupSeparatorShown(true);
    seed_ = new QSpinBox(this);
    seed_->setObjectName(QStringLiteral("robustnessSeedSpinBox"));
    seed_->setAccessibleName(QStringLiteral("Seed"));
    seed_->setRange(0, 2147483647);
    seed_->setValue(static_cast<int>(OddsSettings{}.seed));
    weigh_ = new QPushButton(QStringLiteral("&Weigh the award"), this);
    weigh_->setObjectName(QStringLiteral("robustnessWeighButton"));
    weigh_->setToolTip(QStringLiteral("Find the weight and mark flips and sample the first-place "
                                      "odds again (Ctrl+R)"));
    record_ = new QPushButton(QStringLiteral("Re&cord in the audit trail..."), this);
    record_->setObjectName(QStringLiteral("robustnessRecordButton"));
    record_->setEnabled(false);
    cancel_ = new QPushButton(QStringLiteral("Cancel"), this);
    cancel_->setObjectName(QStringLiteral("robustnessCancelButton"));
    cancel_->setEnabled(false);
    progress_ = new QProgressBar(this);
    progress_->setObjectName(QStringLiteral("robustnessProgressBar"));
    progress_->setAccessibleName(QStringLiteral("Weighing the award"));
    progress_->setRange(0, 100);
    progress_->setValue(0);
    progress_->hide();

    auto* controls = new QHBoxLayout();
    auto* samplesLabel = new QLabel(QStringLiteral("&Samples:"), this);
    samplesLabel->setBuddy(samples_);
    auto* seedLabel = new QLabel(QStringLiteral("S&eed:"), this);
    seedLabel->setBuddy(seed_);
    controls->addWidget(samplesLabel);
    controls->addWidget(samples_);
    controls->addWidget(seedLabel);
    controls->addWidget(seed_);
    controls->addWidget(weigh_);
    controls->addWidget(cancel_);
    controls->addWidget(record_);
    controls->addWidget(progress_, 1);
    controls->addStretch();

    tornado_ = new QChartView(this);
    tornado_->setObjectName(QStringLiteral("weightFlipsChartView"));
    tornado_->setAccessibleName(QStringLiteral("Weight flips"));
    tornado_->setRenderHint(QPainter::Antialiasing);
    tornado_->setMinimumHeight(220);
    odds_ = new QChartView(this);
    odds_->setObjectName(QStringLiteral("firstPlaceOddsChartView"));
    odds_->setAccessibleName(QStringLiteral("First-place odds"));
    odds_->setRenderHint(QPainter::Antialiasing);
    odds_->setMinimumHeight(220);

    markFlips_ = new QTableWidget(0, 5, this);
    markFlips_->setObjectName(QStringLiteral("markFlipsTableWidget"));
    markFlips_->setAccessibleName(QStringLiteral("Mark flips"));
    markFlips_->setHorizontalHeaderLabels({QStringLiteral("Bid"), QStringLiteral("Criterion"),
                                           QStringLiteral("From"), QStringLiteral("To"),
                                           QStringLiteral("Then first")});
    markFlips_->setEditTriggers(QAbstractItemView::NoEditTriggers);
    markFlips_->setSelectionBehavior(QAbstractItemView::SelectRows);
    markFlips_->setSelectionMode(QAbstractItemView::SingleSelection);
    markFlips_->verticalHeader()->hide();
    markFlips_->horizontalHeader()->setStretchLastSection(true);
    markFlips_->setToolTip(QStringLiteral("Each single judgement score that, moved one step, "
                                          "alone changes the winner. Double-click or press "
                                          "Enter to open the criterion."));

    auto* charts = new QSplitter(Qt::Horizontal, this);
    charts->addWidget(tornado_);
    charts->addWidget(odds_);
    // The flips' node names need the room more than the bid ids.
    charts->setStretchFactor(0, 3);
    charts->setStretchFactor(1, 2);
    charts->setSizes({600, 400});
    auto* split = new QSplitter(Qt::Vertical, this);
    split->addWidget(charts);
    auto* lower = new QWidget(this);
    auto* lowerLayout = new QVBoxLayout(lower);
    lowerLayout->setContentsMargins(0, 0, 0, 0);
    auto* markTitle = new QLabel(QStringLiteral("<b>Mark flips</b>: one score moved one step that "
                                                "alone changes the winner"),
                                 lower);
    lowerLayout->addWidget(markTitle);
    lowerLayout->addWidget(markFlips_, 1);
    split->addWidget(lower);
    split->setStretchFactor(0, 3);
    split->setStretchFactor(1, 2);

    auto* layout = new QVBoxLayout(this);
    layout->addWidget(verdict_);
    layout->addLayout(controls);
    layout->addWidget(split, 1);

    watcher_ = new QFutureWatcher<std::shared_ptr<const AwardSensitivity>>(this);
    connect(watcher_, &QFutureWatcherBase::finished, this, [this] { finish(); });
    progressTimer_ = new QTimer(this);
    progressTimer_->setInterval(100);
    connect(progressTimer_, &QTimer::timeout, this, [this] {
        if (percent_)
            progress_->setValue(percent_->load());
    });
    connect(weigh_, &QPushButton::clicked, this, [this] { weigh(); });
    connect(cancel_, &QPushButton::clicked, this, [this] { cancel(); });
    connect(record_, &QPushButton::clicked, this, [this] {
        // The run shown, whatever the boxes say now.
        if (shown_)
            emit recordRequested(
                {shown_->odds.samples, shown_->odds.seed, shown_->odds.stepProbability, 0},
                shown_->clearWinner);
    });
    auto* again = new QShortcut(QKeySequence(Qt::CTRL | Qt::Key_R), this);
    again->setContext(Qt::WidgetWithChildrenShortcut);
    connect(again, &QShortcut::activated, this, [this] { weigh(); });
    auto* stop = new QShortcut(QKeySequence(Qt::Key_Escape), this);
    stop->setContext(Qt::WidgetWithChildrenShortcut);
    connect(stop, &QShortcut::activated, this, [this] { cancel(); });
    const auto open = [this](int row) {
        const auto* s = sensitivity();
        if (s == nullptr || row < 0 || static_cast<std::size_t>(row) >= s->markFlips.size())
            return;
        const auto& flip = s->markFlips[static_cast<std::size_t>(row)];
        emit criterionRequested(qtext(flip.bidId), qtext(flip.criterionId));
    };
    connect(markFlips_, &QTableWidget::cellActivated, this, [open](int row, int) { open(row); });
    setTender(nullptr);
}

RobustnessPage::~RobustnessPage() {
    cancel();
    watcher_->waitForFinished();
}

void RobustnessPage::setTender(const std::shared_ptr<const LoadedTender>& tender) {
    cancel();
    tender_ = tender && tender->ok() ? tender : nullptr;
    shown_.reset();
    record_->setEnabled(false);
    clearCharts();
    weigh_->setEnabled(tender_ != nullptr);
    verdict_->setStyleSheet({});
    verdict_->setText(tender_ ? QStringLiteral("Weighing the award when this screen opens.")
                              : QStringLiteral("Open a tender to see how robust its award is."));
    stale_ = tender_ != nullptr;
    if (stale_ && isVisible())
        weigh();
}

void RobustnessPage::setRecordable(bool recordable, const QString& why) {
    recordable_ = recordable;
    record_->setEnabled(recordable_ && shown_ != nullptr && !isWeighing());
    record_->setToolTip(recordable ? QStringLiteral("Record this run (its samples, seed and "
                                                    "verdict) in the audit trail before the "
                                                    "award; verify runs it again")
                                   : why);
}

OddsSettings RobustnessPage::oddsSettings() const {
    OddsSettings odds;
    odds.samples = static_cast<std::size_t>(samples_->value());
    odds.seed = static_cast<std::uint64_t>(seed_->value());
    return odds;
}

void RobustnessPage::showUnavailable(const QString& why) {
    setTender(nullptr);
    verdict_->setText(why);
}

void RobustnessPage::showEvent(QShowEvent* event) {
    QWidget::showEvent(event);
    if (stale_ && !isWeighing())
        weigh();
}

// Until finish() has shown the outcome, not only while the worker runs.
bool RobustnessPage::isWeighing() const {
    return weighing_;
}

void RobustnessPage::weigh() {
    if (!tender_ || isWeighing())
        return;
    stale_ = false;
    weighing_ = true;
    weighingFor_ = tender_;
    cancelled_ = std::make_shared<std::atomic<bool>>(false);
    percent_ = std::make_shared<std::atomic<int>>(0);
    const OddsSettings odds = oddsSettings();
    record_->setEnabled(false);
    progress_->setValue(0);
    progress_->show();
    progressTimer_->start();
    weigh_->setEnabled(false);
    cancel_->setEnabled(true);
    verdict_->setStyleSheet({});
    verdict_->setText(QStringLiteral("Weighing the award: the weight and mark flips through the "
                                     "full evaluation, then %1 samples of the odds...")
                          .arg(odds.samples));
    const auto tender = tender_;
    const auto cancelled = cancelled_;
    const auto percent = percent_;
    watcher_->setFuture(QtConcurrent::run([tender, odds, cancelled,
                                           percent]() -> std::shared_ptr<const AwardSensitivity> {
        try {
            const TenderFolder& folder = *tender->evaluation.folder;
            return std::make_shared<const AwardSensitivity>(
                analyseAward(folder.tender, folder.bids, folder.evaluations,
                             *tender->evaluation.result, odds, [cancelled, percent](double done) {
                                 percent->store(static_cast<int>(done * 100.0));
                                 return !cancelled->load();
                             }));
        } catch (...) {
            return nullptr; // out of memory; finish() says so
        }
    }));
}

void RobustnessPage::cancel() {
    if (cancelled_)
        cancelled_->store(true);
}

void RobustnessPage::finish() {
    weighing_ = false;
    progressTimer_->stop();
    progress_->hide();
    cancel_->setEnabled(false);
    weigh_->setEnabled(tender_ != nullptr);
    const auto result = watcher_->result();
    // A run for a tender since replaced or cleared: its figures are not shown; the tender
    // shown now, if any, is weighed instead.
    if (stale_ || weighingFor_ != tender_) {
        weighingFor_.reset();
        if (stale_ && isVisible())
            weigh();
        return;
    }
    weighingFor_.reset();
    if (!result) {
        verdict_->setText(QStringLiteral("Not enough memory to weigh the award; close other "
                                         "programs and try again."));
        return;
    }
    if (result->cancelled) {
        verdict_->setText(QStringLiteral("Cancelled: press Weigh the award (Ctrl+R) to start "
                                         "again."));
        emit weighed();
        return;
    }
    shown_ = result;
    record_->setEnabled(recordable_);
    display(*result);
    emit weighed();
}

void RobustnessPage::clearCharts() {
    tornado_->setChart(emptyChart(QStringLiteral("Weight flips")));
    odds_->setChart(emptyChart(QStringLiteral("First-place odds")));
    markFlips_->setRowCount(0);
}

void RobustnessPage::display(const AwardSensitivity& s) {
    const int places = tender_ ? tender_->evaluation.result->rounding : 2;
    verdict_->setText(qtext(verdictText(s, places)) + QStringLiteral("."));
    verdict_->setStyleSheet(s.clearWinner
                                ? QString()
                                : QStringLiteral("QLabel { background: #c62828; color: white; "
                                                 "font-weight: bold; }"));

    // Tornado: each node's bar runs from the weight change down that flips the winner to
    // the change up that does, nearest on top.
    auto* tornado =
        emptyChart(QStringLiteral("Weight flips: the change at which another bid wins"));
    auto nodes = byNearestFlip(s);
    if (nodes.size() > kNodesShown)
        nodes.resize(kNodesShown);
    auto* down = new QBarSet(QStringLiteral("Down"));
    auto* up = new QBarSet(QStringLiteral("Up"));
    QStringList categories;
    double widest = 1;
    for (auto it = nodes.rbegin(); it != nodes.rend(); ++it) {
        const NodeWeightFlips& flips = **it;
        const double below = flips.down ? flips.down->weight - flips.weight : 0.0;
        const double above = flips.up ? flips.up->weight - flips.weight : 0.0;
        *down << below;
        *up << above;
        widest = std::max({widest, -below, above});
        // A node without a bar has no flip either way.
        categories << qtext(flips.nodeId);
    }
    auto* series = new QHorizontalStackedBarSeries();
    series->append(down);
    series->append(up);
    tornado->addSeries(series);
    auto* nodesAxis = new QBarCategoryAxis();
    nodesAxis->append(categories);
    nodesAxis->setTruncateLabels(false);
    tornado->addAxis(nodesAxis, Qt::AlignLeft);
    series->attachAxis(nodesAxis);
    auto* change = new QValueAxis();
    change->setRange(-std::ceil(widest), std::ceil(widest));
    change->applyNiceNumbers();
    change->setLabelFormat(QStringLiteral("%+.0f"));
    change->setTitleText(QStringLiteral("points of the parent's 100"));
    tornado->addAxis(change, Qt::AlignBottom);
    series->attachAxis(change);
    tornado_->setChart(tornado);

    // Odds: the bids' shares of first places, rank 1 on top.
    const auto& odds = s.odds;
    auto* oddsChart = emptyChart(
        QStringLiteral("First-place odds, %1 samples, seed %2").arg(odds.samples).arg(odds.seed));
    std::vector<const BidOdds*> bids;
    for (const auto& entry : odds.bids)
        if (bids.size() < kBidsShown)
            bids.push_back(&entry);
    auto* shares = new QBarSet(QStringLiteral("Share of first places (%)"));
    QStringList bidNames;
    for (auto it = bids.rbegin(); it != bids.rend(); ++it) {
        *shares << (*it)->share * 100.0;
        // The share beside the bid's name: a bar of a few percent has no room for it.
        bidNames << qtext((*it)->bidId) + QStringLiteral("  ") +
                        QString::number((*it)->share * 100.0, 'f', 1) + QLatin1Char('%');
    }
    auto* oddsSeries = new QHorizontalBarSeries();
    oddsSeries->append(shares);
    oddsChart->addSeries(oddsSeries);
    auto* bidsAxis = new QBarCategoryAxis();
    bidsAxis->append(bidNames);
    bidsAxis->setTruncateLabels(false);
    oddsChart->addAxis(bidsAxis, Qt::AlignLeft);
    oddsSeries->attachAxis(bidsAxis);
    auto* percentAxis = new QValueAxis();
    percentAxis->setRange(0, 100);
    percentAxis->setLabelFormat(QStringLiteral("%.0f%%"));
    oddsChart->addAxis(percentAxis, Qt::AlignBottom);
    oddsSeries->attachAxis(percentAxis);
    oddsChart->legend()->hide();
    odds_->setChart(oddsChart);

    // The list in the award report's words.
    const RobustnessText words =
        robustnessText(s, tender_->evaluation.folder->tender, *tender_->evaluation.result);
    markFlips_->setRowCount(static_cast<int>(words.markFlips.size()));
    int row = 0;
    for (const auto& flip : words.markFlips) {
        const QStringList cells{qtext(flip.bidId), qtext(flip.criterion), qtext(flip.from),
                                qtext(flip.to), qtext(flip.newWinner)};
        for (int column = 0; column < cells.size(); ++column)
            markFlips_->setItem(row, column, new QTableWidgetItem(cells[column]));
        ++row;
    }
    if (s.markFlips.empty()) {
        markFlips_->setRowCount(1);
        markFlips_->setItem(0, 0, new QTableWidgetItem(QStringLiteral("none")));
        markFlips_->setItem(
            0, 1,
            new QTableWidgetItem(QStringLiteral("no single step of one score changes "
                                                "the winner")));
    }
    markFlips_->resizeColumnsToContents();
}

} // namespace fairtender::desktop
