#include "desktop/ScoringPage.h"

#include "core/Decimal.h"
#include "desktop/QtText.h"
#include "desktop/WorkspaceAccess.h"
#include "desktop/WorkspaceModels.h"
#include "lifecycle/PanelRules.h"

#include <QCheckBox>
#include <QComboBox>
#include <QFormLayout>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QItemSelectionModel>
#include <QLabel>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QShortcut>
#include <QSplitter>
#include <QTableView>
#include <QTextBrowser>
#include <QVBoxLayout>

namespace fairtender::desktop {

namespace {

QString html(const std::string& value) {
    return QString::fromStdString(value).toHtmlEscaped();
}

} // namespace

ScoringPage::ScoringPage(QWidget* parent) : QWidget(parent) {
    notice_ = new QLabel(this);
    notice_->setObjectName(QStringLiteral("scoringNoticeLabel"));
    notice_->setWordWrap(true);
    anonymous_ = new QCheckBox(QStringLiteral("Show bids &anonymously (Bid A, Bid B...)"), this);
    anonymous_->setObjectName(QStringLiteral("anonymousCheckBox"));

    model_ = new ScoringModel(this);
    grid_ = new QTableView(this);
    grid_->setObjectName(QStringLiteral("scoringTableView"));
    grid_->setAccessibleName(QStringLiteral("Scores: bids by judgement criteria"));
    grid_->setModel(model_);
    grid_->setSelectionMode(QAbstractItemView::SingleSelection);
    grid_->horizontalHeader()->setSectionResizeMode(QHeaderView::Stretch);

    scale_ = new QTextBrowser(this);
    scale_->setObjectName(QStringLiteral("scaleTextBrowser"));
    scale_->setAccessibleName(QStringLiteral("Scale and descriptors"));
    others_ = new QTextBrowser(this);
    others_->setObjectName(QStringLiteral("otherScoresTextBrowser"));
    others_->setAccessibleName(QStringLiteral("Scores given"));

    auto* entry = new QGroupBox(QStringLiteral("Your score"), this);
    cellState_ = new QLabel(entry);
    cellState_->setObjectName(QStringLiteral("cellStateLabel"));
    cellState_->setWordWrap(true);
    value_ = new QLineEdit(entry);
    value_->setObjectName(QStringLiteral("scoreValueLineEdit"));
    value_->setAccessibleName(QStringLiteral("Score"));
    reason_ = new QPlainTextEdit(entry);
    reason_->setObjectName(QStringLiteral("scoreReasonTextEdit"));
    reason_->setAccessibleName(QStringLiteral("Reason for the score"));
    reason_->setPlaceholderText(QStringLiteral("Why this score, against the descriptors"));
    reason_->setTabChangesFocus(true);
    submit_ = new QPushButton(QStringLiteral("&Submit score (Ctrl+Enter)"), entry);
    submit_->setObjectName(QStringLiteral("submitScorePushButton"));
    auto* entryForm = new QFormLayout(entry);
    entryForm->addRow(cellState_);
    entryForm->addRow(QStringLiteral("Sc&ore:"), value_);
    entryForm->addRow(QStringLiteral("&Reason:"), reason_);
    entryForm->addRow(submit_);

    auto* reopenBox = new QGroupBox(QStringLiteral("Reopen a submitted score (lead)"), this);
    reopenBox_ = reopenBox;
    reopenEvaluator_ = new QComboBox(reopenBox);
    reopenEvaluator_->setObjectName(QStringLiteral("reopenEvaluatorComboBox"));
    reopenEvaluator_->setAccessibleName(QStringLiteral("Evaluator whose score to reopen"));
    reopenReason_ = new QLineEdit(reopenBox);
    reopenReason_->setObjectName(QStringLiteral("reopenReasonLineEdit"));
    reopenReason_->setAccessibleName(QStringLiteral("Reason for reopening"));
    reopen_ = new QPushButton(QStringLiteral("Re&open"), reopenBox);
    reopen_->setObjectName(QStringLiteral("reopenPushButton"));
    auto* reopenForm = new QFormLayout(reopenBox);
    reopenForm->addRow(QStringLiteral("&Evaluator:"), reopenEvaluator_);
    reopenForm->addRow(QStringLiteral("Reason:"), reopenReason_);
    reopenForm->addRow(reopen_);

    auto* side = new QWidget(this);
    auto* sideLayout = new QVBoxLayout(side);
    sideLayout->setContentsMargins(0, 0, 0, 0);
    sideLayout->addWidget(new QLabel(QStringLiteral("<b>Scale</b>"), side));
    sideLayout->addWidget(scale_, 2);
    sideLayout->addWidget(new QLabel(QStringLiteral("<b>Scores given</b>"), side));
    sideLayout->addWidget(others_, 1);
    sideLayout->addWidget(entry);
    sideLayout->addWidget(reopenBox);

    auto* splitter = new QSplitter(this);
    splitter->addWidget(grid_);
    splitter->addWidget(side);
    splitter->setStretchFactor(0, 3);
    splitter->setStretchFactor(1, 2);

    exportSheet_ = new QPushButton(QStringLiteral("&Export my score sheet..."), this);
    exportSheet_->setObjectName(QStringLiteral("exportScoreSheetPushButton"));
    exportSheet_->setToolTip(QStringLiteral(
        "An Excel workbook of every bid and criterion you score, as you may see them, with the "
        "scale as a drop-down: fill it in and import it here"));
    importSheet_ = new QPushButton(QStringLiteral("&Import score sheet..."), this);
    importSheet_->setObjectName(QStringLiteral("importScoreSheetPushButton"));
    importSheet_->setToolTip(QStringLiteral(
        "Records every score of your filled-in sheet, all or none; each problem is named by "
        "its cell"));
    auto* sheetRow = new QHBoxLayout();
    sheetRow->addWidget(anonymous_);
    sheetRow->addStretch(1);
    sheetRow->addWidget(exportSheet_);
    sheetRow->addWidget(importSheet_);
    auto* layout = new QVBoxLayout(this);
    layout->addWidget(notice_);
    layout->addLayout(sheetRow);
    layout->addWidget(splitter, 1);

    connect(grid_->selectionModel(), &QItemSelectionModel::currentChanged, this, [this] {
        value_->clear();
        reason_->clear();
        showCell();
    });
    connect(model_, &QAbstractItemModel::modelReset, this, [this] { showCell(); });
    connect(anonymous_, &QCheckBox::toggled, this, [this](bool on) { emit anonymousChanged(on); });
    connect(exportSheet_, &QPushButton::clicked, this, [this] { emit exportSheetRequested(); });
    connect(importSheet_, &QPushButton::clicked, this, [this] { emit importSheetRequested(); });
    const auto submit = [this] {
        const QModelIndex current = grid_->currentIndex();
        if (!current.isValid() || !submit_->isEnabled())
            return;
        emit scoreRequested(bidIdAt(current.row()), criterionIdAt(current.column()),
                            value_->text().trimmed(), reason_->toPlainText().trimmed());
    };
    connect(submit_, &QPushButton::clicked, this, submit);
    auto* shortcut = new QShortcut(QKeySequence(Qt::CTRL | Qt::Key_Return), this);
    shortcut->setContext(Qt::WidgetWithChildrenShortcut);
    connect(shortcut, &QShortcut::activated, this, submit);
    connect(reopen_, &QPushButton::clicked, this, [this] {
        const QModelIndex current = grid_->currentIndex();
        if (!current.isValid())
            return;
        emit reopenRequested(bidIdAt(current.row()), criterionIdAt(current.column()),
                             reopenEvaluator_->currentText(), reopenReason_->text().trimmed());
    });
    setSnapshot(nullptr);
}

QString ScoringPage::bidIdAt(int row) const {
    if (!snapshot_ || row < 0 || static_cast<std::size_t>(row) >= snapshot_->bidIds.size())
        return {};
    return qtext(snapshot_->bidIds[static_cast<std::size_t>(row)]);
}

QString ScoringPage::criterionIdAt(int column) const {
    if (!snapshot_ || column < 0 || static_cast<std::size_t>(column) >= snapshot_->criteria.size())
        return {};
    return qtext(snapshot_->criteria[static_cast<std::size_t>(column)].id);
}

void ScoringPage::setSnapshot(std::shared_ptr<const WorkspaceSnapshot> snapshot) {
    // The same cell stays chosen and what was typed stays, so a refused score can be
    // corrected rather than typed again.
    const QModelIndex before = grid_->currentIndex();
    const QString typedValue = value_->text();
    const QString typedReason = reason_->toPlainText();
    snapshot_ = snapshot && snapshot->ok() ? std::move(snapshot) : nullptr;
    model_->setSnapshot(snapshot_);
    const QSignalBlocker blocker(anonymous_);
    anonymous_->setChecked(snapshot_ && snapshot_->anonymous);
    const bool scores = snapshot_ &&
                        snapshot_->panel.hasRole(snapshot_->actor, PanelRole::Evaluator) &&
                        (snapshot_->state == LifecycleState::Evaluation ||
                         snapshot_->state == LifecycleState::Moderation);
    exportSheet_->setEnabled(scores);
    importSheet_->setEnabled(scores);
    if (before.isValid() && before.row() < model_->rowCount() &&
        before.column() < model_->columnCount()) {
        grid_->setCurrentIndex(model_->index(before.row(), before.column()));
        const JudgementCell* cell = snapshot_->cell(static_cast<std::size_t>(before.row()),
                                                    static_cast<std::size_t>(before.column()));
        if (cell && !cell->own) {
            value_->setText(typedValue);
            reason_->setPlainText(typedReason);
        }
    }

    QString notice;
    bool canScore = false;
    if (!snapshot_) {
        notice = QStringLiteral("Open a workspace (*.ftw) to score its bids.");
    } else {
        const auto& panel = snapshot_->panel;
        const std::string& actor = snapshot_->actor;
        const bool evaluator = panel.hasRole(actor, PanelRole::Evaluator);
        const bool lead = panel.hasRole(actor, PanelRole::Lead);
        // The engine's rule decides; the notice says it in this screen's words.
        const auto refused = actionRefusals(WorkspaceAction::Score, panel, snapshot_->state, actor);
        using Kind = ActionRefusal::Kind;
        if (snapshot_->criteria.empty())
            notice = QStringLiteral("The model has no judgement criteria: nothing is scored "
                                    "by the panel.");
        else if (!panel.isMember(actor))
            notice = QStringLiteral("Choose a panel member under \"Acting as\" to score.");
        else if (refused.empty())
            canScore = true;
        else if (refused.front().kind == Kind::Role && !lead)
            notice = QStringLiteral("Scoring is for the evaluators; %1 holds no evaluator role "
                                    "here.")
                         .arg(qtext(actor));
        else if (refused.front().kind == Kind::Declaration)
            notice = QStringLiteral("Declare interests first (Panel screen, Ctrl+5): scores "
                                    "are taken only after a declaration.");
        else if (refused.front().kind == Kind::Stage ||
                 (refused.size() > 1 && refused[1].kind == Kind::Stage))
            notice = QStringLiteral("Scores are given during evaluation; the tender is %1.")
                         .arg(qtext(std::string(toString(snapshot_->state))));
        if (notice.isEmpty())
            notice = evaluator
                         ? QStringLiteral("Scoring as %1. A submitted score is locked "
                                          "(padlock mark); others' scores show once yours is in.")
                               .arg(qtext(actor))
                         : QStringLiteral("The lead sees every submitted score and may "
                                          "reopen one with a reason.");
    }
    notice_->setText(notice);
    value_->setEnabled(canScore);
    reason_->setEnabled(canScore);
    submit_->setEnabled(canScore);
    const bool lead = snapshot_ && snapshot_->panel.hasRole(snapshot_->actor, PanelRole::Lead);
    reopenBox_->setVisible(lead);
    reopenEvaluator_->clear();
    if (lead)
        for (const auto& name : snapshot_->panel.withRole(PanelRole::Evaluator))
            reopenEvaluator_->addItem(qtext(name));
    showCell();
}

void ScoringPage::showCell() {
    const QModelIndex current = grid_->currentIndex();
    const JudgementCell* cell = snapshot_ && current.isValid()
                                    ? snapshot_->cell(static_cast<std::size_t>(current.row()),
                                                      static_cast<std::size_t>(current.column()))
                                    : nullptr;
    if (!cell) {
        scale_->setHtml(QStringLiteral("<p>Select a cell to see the criterion's scale.</p>"));
        others_->clear();
        cellState_->setText(QStringLiteral("Select a bid and criterion in the grid."));
        submit_->setEnabled(false);
        return;
    }
    const JudgementCriterion& criterion =
        snapshot_->criteria[static_cast<std::size_t>(current.column())];
    QString scale = QStringLiteral("<p><b>%1</b>: from 0 to %2")
                        .arg(html(criterion.title), html(exactDecimalText(criterion.scaleMax)));
    if (criterion.step)
        scale += QStringLiteral(" in steps of %1").arg(html(exactDecimalText(*criterion.step)));
    scale += QStringLiteral("</p><ul>");
    for (const auto& descriptor : criterion.descriptors)
        scale += QStringLiteral("<li><b>%1</b> %2</li>")
                     .arg(html(exactDecimalText(descriptor.score)), html(descriptor.text));
    scale_->setHtml(scale + QStringLiteral("</ul>"));

    QString seen;
    if (!cell->hiddenBecause.empty())
        seen = QStringLiteral("<p>%1</p>").arg(html(cell->hiddenBecause));
    for (const auto& score : cell->seen)
        seen += QStringLiteral("<p><b>%1</b> %2: %3</p>")
                    .arg(html(score.evaluator), html(exactDecimalText(score.value)),
                         html(score.reason));
    others_->setHtml(seen.isEmpty() ? QStringLiteral("<p>No scores yet.</p>") : seen);

    const bool evaluator = snapshot_->panel.hasRole(snapshot_->actor, PanelRole::Evaluator);
    QString state;
    bool open = evaluator && notice_->text().startsWith(QStringLiteral("Scoring as"));
    if (!cell->needed) {
        state = QStringLiteral("Not scored: the bid failed a pass/fail gate.");
        open = false;
    } else if (!cell->conflict.empty()) {
        state = QStringLiteral("You declared a conflict of interest with this bid (%1): you "
                               "cannot score it.")
                    .arg(qtext(cell->conflict));
        open = false;
    } else if (cell->own) {
        state = QStringLiteral("Submitted and locked: %1. Ask the lead to reopen it to "
                               "change it.")
                    .arg(qtext(exactDecimalText(cell->own->value)));
        open = false;
    } else if (evaluator) {
        state = QStringLiteral("Not scored yet.");
    }
    cellState_->setText(state);
    value_->setReadOnly(!open);
    reason_->setReadOnly(!open);
    submit_->setEnabled(open);
    if (cell->own) {
        value_->setText(qtext(exactDecimalText(cell->own->value)));
        reason_->setPlainText(qtext(cell->own->reason));
    }
}

} // namespace fairtender::desktop
