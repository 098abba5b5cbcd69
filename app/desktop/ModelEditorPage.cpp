#include "desktop/ModelEditorPage.h"

#include "core/Decimal.h"
#include "core/Money.h"
#include "desktop/ModelEditorDefaults.h"
#include "desktop/ModelEditorModel.h"
#include "desktop/QtText.h"
#include "desktop/ReadOnlyLook.h"
#include "desktop/TenderDocument.h"
#include "model/Tender.h"

#include <QAction>
#include <QComboBox>
#include <QEvent>
#include <QFormLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QMenu>
#include <QPlainTextEdit>
#include <QScrollArea>
#include <QSplitter>
#include <QToolBar>
#include <QToolButton>
#include <QTreeView>
#include <QUndoStack>
#include <QVBoxLayout>

#include <optional>

namespace fairtender::desktop {

namespace {

QString decimalText(const std::optional<double>& value) {
    return value ? qtext(formatDecimal(*value)) : QString();
}

QString moneyText(const std::optional<Money>& value) {
    return value ? qtext(value->toPlainString()) : QString();
}

// "" -> unset; a plain decimal -> the value; anything else -> an error message.
QString readOptionalDecimal(const QString& entered, std::optional<double>& into,
                            const QString& what) {
    const QString trimmed = entered.trimmed();
    if (trimmed.isEmpty()) {
        into.reset();
        return {};
    }
    const auto value = parseDecimal(utf8(trimmed));
    if (!value || *value < 0)
        return QStringLiteral("%1 must be a number such as 2.5, or empty").arg(what);
    into = value;
    return {};
}

QString readDecimal(const QString& entered, double& into, const QString& what) {
    const auto value = parseDecimal(utf8(entered.trimmed()));
    if (!value || *value < 0)
        return QStringLiteral("%1 must be a number such as 2.5").arg(what);
    into = *value;
    return {};
}

QString readOptionalMoney(const QString& entered, std::optional<Money>& into, const QString& what) {
    const QString trimmed = entered.trimmed();
    if (trimmed.isEmpty()) {
        into.reset();
        return {};
    }
    const auto value = Money::parse(utf8(trimmed));
    if (!value)
        return QStringLiteral("%1 must be an amount in pounds such as 1234.50, or empty").arg(what);
    into = value;
    return {};
}

bool isCriterionOf(const ModelNode& node, CriterionType type) {
    return node.kind == NodeKind::Criterion && node.criterion.type == type;
}

// Commits a multi-line editor when it loses focus, as a line edit does on editingFinished.
class CommitOnFocusOut : public QObject {
public:
    CommitOnFocusOut(QObject* parent, std::function<void()> commit)
        : QObject(parent), commit_(std::move(commit)) {}
    bool eventFilter(QObject* watched, QEvent* event) override {
        if (event->type() == QEvent::FocusOut)
            commit_();
        return QObject::eventFilter(watched, event);
    }

private:
    std::function<void()> commit_;
};

using Parameter = ModelEditorPage::Parameter;

std::vector<Parameter> nodeParameters() {
    std::vector<Parameter> p;
    const auto any = [](const ModelNode&) {
        return true;
    };
    const auto weighted = [](const ModelNode& n) {
        return n.kind != NodeKind::Gate;
    };
    const auto of = [](CriterionType type) {
        return [type](const ModelNode& n) {
            return isCriterionOf(n, type);
        };
    };
    p.push_back({QStringLiteral("id"), QStringLiteral("Id"), false, any,
                 [](const ModelNode& n) { return qtext(n.id); },
                 [](ModelNode& n, const QString& v) {
                     if (v.trimmed().isEmpty())
                         return QStringLiteral("the id must not be empty");
                     n.id = utf8(v.trimmed());
                     return QString();
                 }});
    p.push_back({QStringLiteral("title"), QStringLiteral("Title"), false, any,
                 [](const ModelNode& n) { return qtext(n.title); },
                 [](ModelNode& n, const QString& v) {
                     n.title = utf8(v.trimmed());
                     return QString();
                 }});
    p.push_back({QStringLiteral("weight"), QStringLiteral("Weight (% of parent)"), false, weighted,
                 [](const ModelNode& n) { return qtext(formatDecimal(n.weight)); },
                 [](ModelNode& n, const QString& v) {
                     return readDecimal(v, n.weight, QStringLiteral("the weight"));
                 }});
    p.push_back({QStringLiteral("min-percent"), QStringLiteral("Threshold (min % of points)"),
                 false, [](const ModelNode& n) { return n.kind == NodeKind::Group; },
                 [](const ModelNode& n) { return decimalText(n.minPercent); },
                 [](ModelNode& n, const QString& v) {
                     return readOptionalDecimal(v, n.minPercent, QStringLiteral("min-percent"));
                 }});
    p.push_back({QStringLiteral("missing"), QStringLiteral("Missing answer (fail or error)"), false,
                 [](const ModelNode& n) { return n.kind == NodeKind::Gate; },
                 [](const ModelNode& n) {
                     return n.missingGateAnswerFails ? QStringLiteral("fail")
                                                     : QStringLiteral("error");
                 },
                 [](ModelNode& n, const QString& v) {
                     const QString word = v.trimmed();
                     if (word != QLatin1String("fail") && word != QLatin1String("error"))
                         return QStringLiteral("missing must be fail or error");
                     n.missingGateAnswerFails = word == QLatin1String("fail");
                     return QString();
                 }});
    // price
    p.push_back({QStringLiteral("ceiling"), QStringLiteral("Ceiling (linear-range)"), false,
                 [](const ModelNode& n) {
                     return isCriterionOf(n, CriterionType::Price) &&
                            n.criterion.priceMethod == PriceMethod::LinearRange;
                 },
                 [](const ModelNode& n) { return moneyText(n.criterion.ceiling); },
                 [](ModelNode& n, const QString& v) {
                     return readOptionalMoney(v, n.criterion.ceiling, QStringLiteral("ceiling"));
                 }});
    p.push_back({QStringLiteral("discount-rate"), QStringLiteral("Discount rate (% a year)"), false,
                 of(CriterionType::Price),
                 [](const ModelNode& n) { return decimalText(n.criterion.discountRate); },
                 [](ModelNode& n, const QString& v) {
                     return readOptionalDecimal(v, n.criterion.discountRate,
                                                QStringLiteral("discount-rate"));
                 }});
    for (const bool mean : {true, false}) {
        p.push_back(
            {mean ? QStringLiteral("below-mean-percent") : QStringLiteral("below-estimate-percent"),
             mean ? QStringLiteral("Abnormally low: % below mean")
                  : QStringLiteral("Abnormally low: % below estimate"),
             false, of(CriterionType::Price),
             [mean](const ModelNode& n) {
                 const auto& rule = n.criterion.abnormallyLow;
                 return rule ? decimalText(mean ? rule->belowMeanPercent
                                                : rule->belowEstimatePercent)
                             : QString();
             },
             [mean](ModelNode& n, const QString& v) {
                 AbnormallyLowRule rule = n.criterion.abnormallyLow.value_or(AbnormallyLowRule{});
                 auto& field = mean ? rule.belowMeanPercent : rule.belowEstimatePercent;
                 const QString error = readOptionalDecimal(v, field, QStringLiteral("the percent"));
                 if (!error.isEmpty())
                     return error;
                 if (rule.belowMeanPercent || rule.belowEstimatePercent)
                     n.criterion.abnormallyLow = rule;
                 else
                     n.criterion.abnormallyLow.reset();
                 return QString();
             }});
    }
    // judgement
    p.push_back({QStringLiteral("scale-max"), QStringLiteral("Scale maximum"), false,
                 of(CriterionType::Judgement),
                 [](const ModelNode& n) { return qtext(formatDecimal(n.criterion.scaleMax)); },
                 [](ModelNode& n, const QString& v) {
                     return readDecimal(v, n.criterion.scaleMax, QStringLiteral("scale-max"));
                 }});
    p.push_back({QStringLiteral("scale-step"), QStringLiteral("Scale step"), false,
                 of(CriterionType::Judgement),
                 [](const ModelNode& n) { return decimalText(n.criterion.scaleStep); },
                 [](ModelNode& n, const QString& v) {
                     return readOptionalDecimal(v, n.criterion.scaleStep,
                                                QStringLiteral("scale-step"));
                 }});
    p.push_back({QStringLiteral("min-score"), QStringLiteral("Minimum score"), false,
                 of(CriterionType::Judgement),
                 [](const ModelNode& n) { return decimalText(n.criterion.minScore); },
                 [](ModelNode& n, const QString& v) {
                     return readOptionalDecimal(v, n.criterion.minScore,
                                                QStringLiteral("min-score"));
                 }});
    p.push_back({QStringLiteral("spread"), QStringLiteral("Evaluator spread flag (%)"), false,
                 of(CriterionType::Judgement),
                 [](const ModelNode& n) { return decimalText(n.criterion.spreadPercent); },
                 [](ModelNode& n, const QString& v) {
                     return readOptionalDecimal(v, n.criterion.spreadPercent,
                                                QStringLiteral("spread"));
                 }});
    p.push_back({QStringLiteral("descriptors"), QStringLiteral("Descriptors (score: text)"), true,
                 of(CriterionType::Judgement),
                 [](const ModelNode& n) {
                     QStringList lines;
                     for (const auto& d : n.criterion.descriptors)
                         lines << qtext(formatDecimal(d.score)) + QStringLiteral(": ") +
                                      qtext(d.text);
                     return lines.join(QLatin1Char('\n'));
                 },
                 [](ModelNode& n, const QString& v) {
                     std::vector<Descriptor> descriptors;
                     for (const QString& line : v.split(QLatin1Char('\n'), Qt::SkipEmptyParts)) {
                         const auto colon = line.indexOf(QLatin1Char(':'));
                         const auto score = colon < 0
                                                ? std::nullopt
                                                : parseDecimal(utf8(line.left(colon).trimmed()));
                         if (!score)
                             return QStringLiteral("each descriptor line is \"score: text\", "
                                                   "not \"%1\"")
                                 .arg(line);
                         descriptors.push_back({*score, utf8(line.mid(colon + 1).trimmed()), {}});
                     }
                     n.criterion.descriptors = std::move(descriptors);
                     return QString();
                 }});
    // social value
    p.push_back({QStringLiteral("target"), QStringLiteral("Target (pounds)"), false,
                 [](const ModelNode& n) {
                     return isCriterionOf(n, CriterionType::SocialValue) &&
                            n.criterion.socialValueMethod == SocialValueMethod::Target;
                 },
                 [](const ModelNode& n) { return moneyText(n.criterion.socialValueTarget); },
                 [](ModelNode& n, const QString& v) {
                     return readOptionalMoney(v, n.criterion.socialValueTarget,
                                              QStringLiteral("the target"));
                 }});
    p.push_back({QStringLiteral("measures"), QStringLiteral("Measures (id | title | unit | proxy)"),
                 true, of(CriterionType::SocialValue),
                 [](const ModelNode& n) {
                     QStringList lines;
                     for (const auto& m : n.criterion.measures)
                         lines << QStringList{qtext(m.id), qtext(m.title), qtext(m.unit),
                                              qtext(m.proxy.toPlainString())}
                                      .join(QStringLiteral(" | "));
                     return lines.join(QLatin1Char('\n'));
                 },
                 [](ModelNode& n, const QString& v) {
                     std::vector<Measure> measures;
                     for (const QString& line : v.split(QLatin1Char('\n'), Qt::SkipEmptyParts)) {
                         const QStringList parts = line.split(QLatin1Char('|'));
                         const auto proxy = parts.size() == 4
                                                ? Money::parse(utf8(parts[3].trimmed()))
                                                : std::nullopt;
                         if (!proxy)
                             return QStringLiteral("each measure line is \"id | title | unit | "
                                                   "proxy\", not \"%1\"")
                                 .arg(line);
                         measures.push_back({utf8(parts[0].trimmed()),
                                             utf8(parts[1].trimmed()),
                                             utf8(parts[2].trimmed()),
                                             *proxy,
                                             {}});
                     }
                     n.criterion.measures = std::move(measures);
                     return QString();
                 }});
    // locality
    p.push_back({QStringLiteral("local-spend-target"), QStringLiteral("Local spend target (%)"),
                 false,
                 [](const ModelNode& n) {
                     return isCriterionOf(n, CriterionType::Locality) &&
                            n.criterion.localityMethod == LocalityMethod::LocalSpend;
                 },
                 [](const ModelNode& n) { return decimalText(n.criterion.localSpendTarget); },
                 [](ModelNode& n, const QString& v) {
                     return readOptionalDecimal(v, n.criterion.localSpendTarget,
                                                QStringLiteral("the target"));
                 }});
    const auto bySupplier = [](const ModelNode& n) {
        return isCriterionOf(n, CriterionType::Locality) &&
               n.criterion.localityMethod == LocalityMethod::SupplierLocation;
    };
    p.push_back(
        {QStringLiteral("bands"), QStringLiteral("Bands (area score)"), true, bySupplier,
         [](const ModelNode& n) {
             QStringList lines;
             for (const auto& b : n.criterion.bands)
                 lines << qtext(b.areaId) + QLatin1Char(' ') + qtext(formatDecimal(b.score));
             return lines.join(QLatin1Char('\n'));
         },
         [](ModelNode& n, const QString& v) {
             std::vector<LocalityBand> bands;
             for (const QString& line : v.split(QLatin1Char('\n'), Qt::SkipEmptyParts)) {
                 const QStringList parts = line.simplified().split(QLatin1Char(' '));
                 const auto score = parts.size() == 2 ? parseDecimal(utf8(parts[1])) : std::nullopt;
                 if (!score)
                     return QStringLiteral("each band line is \"area score\", not \"%1\"")
                         .arg(line);
                 bands.push_back({utf8(parts[0]), *score, {}});
             }
             n.criterion.bands = std::move(bands);
             return QString();
         }});
    p.push_back({QStringLiteral("otherwise"), QStringLiteral("Otherwise score"), false,
                 [bySupplier](const ModelNode& n) {
                     return bySupplier(n) || isCriterionOf(n, CriterionType::Ownership);
                 },
                 [](const ModelNode& n) { return qtext(formatDecimal(n.criterion.otherwise)); },
                 [](ModelNode& n, const QString& v) {
                     return readDecimal(v, n.criterion.otherwise, QStringLiteral("the score"));
                 }});
    // living wage
    const auto tiered = [](const ModelNode& n) {
        return isCriterionOf(n, CriterionType::LivingWage) &&
               n.criterion.livingWageMethod == LivingWageMethod::Tiered;
    };
    const std::pair<LivingWageTier, double LivingWageTierScores::*> tiers[] = {
        {LivingWageTier::Accredited, &LivingWageTierScores::accredited},
        {LivingWageTier::Committed, &LivingWageTierScores::committed},
        {LivingWageTier::MeetsRate, &LivingWageTierScores::meetsRate},
        {LivingWageTier::Below, &LivingWageTierScores::below},
    };
    for (const auto& [tier, field] : tiers) {
        const QString word = qtext(toString(tier));
        p.push_back(
            {QStringLiteral("tier-") + word, QStringLiteral("Tier score: ") + word, false, tiered,
             [field](const ModelNode& n) { return qtext(formatDecimal(n.criterion.tiers.*field)); },
             [field](ModelNode& n, const QString& v) {
                 return readDecimal(v, n.criterion.tiers.*field, QStringLiteral("the score"));
             }});
    }
    // ownership
    p.push_back(
        {QStringLiteral("ownership-scores"), QStringLiteral("Ownership scores (model score)"), true,
         of(CriterionType::Ownership),
         [](const ModelNode& n) {
             QStringList lines;
             for (const auto& s : n.criterion.ownershipScores)
                 lines << qtext(toString(s.model)) + QLatin1Char(' ') +
                              qtext(formatDecimal(s.score));
             return lines.join(QLatin1Char('\n'));
         },
         [](ModelNode& n, const QString& v) {
             std::vector<OwnershipScore> scores;
             for (const QString& line : v.split(QLatin1Char('\n'), Qt::SkipEmptyParts)) {
                 const QStringList parts = line.simplified().split(QLatin1Char(' '));
                 const auto model =
                     parts.size() == 2 ? parseOwnershipModel(utf8(parts[0])) : std::nullopt;
                 const auto score = parts.size() == 2 ? parseDecimal(utf8(parts[1])) : std::nullopt;
                 if (!model || !score)
                     return QStringLiteral("each line is \"ownership-model score\" with "
                                           "a model from %1; not \"%2\"")
                         .arg(qtext(ownershipModelList()), line);
                 scores.push_back({*model, *score, {}});
             }
             n.criterion.ownershipScores = std::move(scores);
             return QString();
         }});
    p.push_back({QStringLiteral("reserved"), QStringLiteral("Reserved for (models)"), false,
                 of(CriterionType::Ownership),
                 [](const ModelNode& n) {
                     QStringList words;
                     for (const auto model : n.criterion.reserved)
                         words << qtext(toString(model));
                     return words.join(QLatin1Char(' '));
                 },
                 [](ModelNode& n, const QString& v) {
                     std::vector<OwnershipModel> reserved;
                     for (const QString& word :
                          v.simplified().split(QLatin1Char(' '), Qt::SkipEmptyParts)) {
                         const auto model = parseOwnershipModel(utf8(word));
                         if (!model)
                             return QStringLiteral("'%1' is not an ownership model: use one of %2")
                                 .arg(word, qtext(ownershipModelList()));
                         reserved.push_back(*model);
                     }
                     n.criterion.reserved = std::move(reserved);
                     return QString();
                 }});
    p.push_back({QStringLiteral("justification"),
                 QStringLiteral("Relevance and proportionality note"), true,
                 of(CriterionType::Ownership),
                 [](const ModelNode& n) { return qtext(n.criterion.justification); },
                 [](ModelNode& n, const QString& v) {
                     n.criterion.justification = utf8(v.trimmed());
                     return QString();
                 }});
    return p;
}

QString editorText(QWidget* editor) {
    if (auto* line = qobject_cast<QLineEdit*>(editor))
        return line->text();
    if (auto* plain = qobject_cast<QPlainTextEdit*>(editor))
        return plain->toPlainText();
    return {};
}

void setEditorText(QWidget* editor, const QString& value) {
    if (auto* line = qobject_cast<QLineEdit*>(editor)) {
        if (line->text() != value)
            line->setText(value);
    } else if (auto* plain = qobject_cast<QPlainTextEdit*>(editor)) {
        if (plain->toPlainText() != value)
            plain->setPlainText(value);
    }
}

} // namespace

ModelEditorPage::ModelEditorPage(TenderDocument* document, QWidget* parent)
    : QWidget(parent), document_(document) {
    tree_ = new ModelEditorModel(document_, this);

    frozenBanner_ = new QLabel(this);
    frozenBanner_->setObjectName(QStringLiteral("frozenBanner"));
    frozenBanner_->setWordWrap(true);
    frozenBanner_->setStyleSheet(
        QStringLiteral("QLabel { background: #fff4ce; padding: 6px; border: 1px solid #d8b600; }"));
    frozenBanner_->hide();

    auto* toolbar = new QToolBar(this);
    auto* addGroupAction =
        toolbar->addAction(QStringLiteral("Add group"), this, [this] { addGroup(); });
    auto* addMenu = new QMenu(this);
    for (const auto type : allCriterionTypes())
        addMenu->addAction(qtext(toString(type)), this, [this, type] { addCriterion(type); });
    auto* addCriterionAction = toolbar->addAction(QStringLiteral("Add criterion"));
    addCriterionAction->setMenu(addMenu);
    if (auto* button = qobject_cast<QToolButton*>(toolbar->widgetForAction(addCriterionAction)))
        button->setPopupMode(QToolButton::InstantPopup);
    auto* addGateAction =
        toolbar->addAction(QStringLiteral("Add gate"), this, [this] { addGate(); });
    auto* removeAction =
        toolbar->addAction(QStringLiteral("Remove"), this, [this] { removeSelected(); });
    removeAction->setShortcut(QKeySequence::Delete);
    removeAction->setShortcutContext(Qt::WidgetWithChildrenShortcut);
    auto* upAction =
        toolbar->addAction(QStringLiteral("Move up"), this, [this] { moveSelected(-1); });
    auto* downAction =
        toolbar->addAction(QStringLiteral("Move down"), this, [this] { moveSelected(1); });
    editActions_ = {addGroupAction, addCriterionAction, addGateAction,
                    removeAction,   upAction,           downAction};
    toolbar->addSeparator();

    // Undo and redo through the shared stack, but never while frozen.
    QUndoStack* stack = document_->undoStack();
    undo_ = toolbar->addAction(QStringLiteral("Undo"), this, [this] {
        if (!document_->isFrozen())
            document_->undoStack()->undo();
    });
    undo_->setShortcut(QKeySequence::Undo);
    redo_ = toolbar->addAction(QStringLiteral("Redo"), this, [this] {
        if (!document_->isFrozen())
            document_->undoStack()->redo();
    });
    redo_->setShortcuts(
        {QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_Z), QKeySequence(Qt::CTRL | Qt::Key_Y)});
    for (QAction* action : {undo_, redo_, removeAction}) {
        action->setShortcutContext(Qt::WidgetWithChildrenShortcut);
        addAction(action);
    }
    connect(stack, &QUndoStack::canUndoChanged, this, [this] { refreshEditability(); });
    connect(stack, &QUndoStack::canRedoChanged, this, [this] { refreshEditability(); });
    connect(stack, &QUndoStack::undoTextChanged, this, [this](const QString& what) {
        undo_->setToolTip(what.isEmpty() ? QStringLiteral("Undo") : QStringLiteral("Undo ") + what);
    });
    connect(stack, &QUndoStack::redoTextChanged, this, [this](const QString& what) {
        redo_->setToolTip(what.isEmpty() ? QStringLiteral("Redo") : QStringLiteral("Redo ") + what);
    });

    view_ = new QTreeView(this);
    view_->setObjectName(QStringLiteral("modelEditorTree"));
    view_->setAccessibleName(QStringLiteral("Evaluation model"));
    view_->setModel(tree_);
    view_->setAlternatingRowColors(true);
    view_->setEditTriggers(QAbstractItemView::DoubleClicked | QAbstractItemView::EditKeyPressed |
                           QAbstractItemView::SelectedClicked);
    view_->setSelectionMode(QAbstractItemView::SingleSelection);
    view_->setDragDropMode(QAbstractItemView::InternalMove);
    view_->setDropIndicatorShown(true);
    view_->expandAll();
    connect(tree_, &QAbstractItemModel::modelReset, view_, &QTreeView::expandAll);
    // Every column but the title as wide as its contents, so the weights stay in view.
    view_->header()->setStretchLastSection(false);
    for (int column = 0; column < ModelEditorModel::ColumnCount; ++column)
        view_->header()->setSectionResizeMode(column, column == ModelEditorModel::Title
                                                          ? QHeaderView::Stretch
                                                          : QHeaderView::ResizeToContents);
    connect(tree_, &QAbstractItemModel::rowsInserted, view_,
            [this](const QModelIndex& parent, int first) {
                view_->expand(parent);
                view_->expand(tree_->index(first, 0, parent));
            });
    connect(view_->selectionModel(), &QItemSelectionModel::currentChanged, this,
            [this] { refreshDetails(); });

    weightStatus_ = new QLabel(this);
    weightStatus_->setObjectName(QStringLiteral("topLevelWeights"));
    weightStatus_->setStyleSheet(QStringLiteral("QLabel { color: #b00020; }"));
    saveStatus_ = new QLabel(this);
    saveStatus_->setObjectName(QStringLiteral("saveStatus"));
    saveStatus_->setWordWrap(true);

    buildDetailPanel();

    problems_ = new QListWidget(this);
    problems_->setObjectName(QStringLiteral("modelProblems"));
    problems_->setAccessibleName(QStringLiteral("Validation errors and lint warnings"));
    problems_->setWordWrap(true);

    auto* detailScroll = new QScrollArea(this);
    auto* details = new QWidget(detailScroll);
    auto* detailsLayout = new QVBoxLayout(details);
    detailsLayout->addWidget(new QLabel(QStringLiteral("<b>Selected node</b>"), details));
    detailsLayout->addLayout(detailForm_);
    detailsLayout->addWidget(detailError_);
    detailsLayout->addWidget(new QLabel(QStringLiteral("<b>Model</b>"), details));
    detailsLayout->addLayout(modelForm_);
    detailsLayout->addStretch(1);
    detailScroll->setWidget(details);
    detailScroll->setWidgetResizable(true);

    auto* side = new QSplitter(Qt::Vertical, this);
    side->addWidget(detailScroll);
    auto* problemsBox = new QWidget(side);
    auto* problemsLayout = new QVBoxLayout(problemsBox);
    problemsLayout->setContentsMargins(0, 0, 0, 0);
    problemsLayout->addWidget(new QLabel(QStringLiteral("Errors and warnings"), problemsBox));
    problemsLayout->addWidget(problems_, 1);
    side->addWidget(problemsBox);

    auto* left = new QWidget(this);
    auto* leftLayout = new QVBoxLayout(left);
    leftLayout->setContentsMargins(0, 0, 0, 0);
    leftLayout->addWidget(view_, 1);
    leftLayout->addWidget(weightStatus_);
    leftLayout->addWidget(saveStatus_);

    auto* split = new QSplitter(Qt::Horizontal, this);
    split->addWidget(left);
    split->addWidget(side);
    split->setStretchFactor(0, 3);
    split->setStretchFactor(1, 2);

    auto* layout = new QVBoxLayout(this);
    layout->addWidget(frozenBanner_);
    layout->addWidget(toolbar);
    layout->addWidget(split, 1);

    connect(document_, &TenderDocument::tenderChanged, this, [this](const std::string& xml) {
        refreshProblems();
        refreshDetails();
        emit tenderChanged(xml);
    });
    connect(document_, &TenderDocument::frozenChanged, this, [this] { refreshEditability(); });
    refreshProblems();
    refreshDetails();
    refreshEditability();
}

ModelEditorPage::~ModelEditorPage() = default;

void ModelEditorPage::buildDetailPanel() {
    detailForm_ = new QFormLayout;
    detailError_ = new QLabel(this);
    detailError_->setObjectName(QStringLiteral("detailError"));
    detailError_->setWordWrap(true);
    detailError_->setStyleSheet(QStringLiteral("QLabel { color: #b00020; }"));

    typeBox_ = new QComboBox(this);
    typeBox_->setObjectName(QStringLiteral("criterionType"));
    for (const auto type : allCriterionTypes())
        typeBox_->addItem(qtext(toString(type)), static_cast<int>(type));
    detailForm_->addRow(QStringLiteral("Type"), typeBox_);
    connect(typeBox_, &QComboBox::activated, this, [this](int row) {
        chooseType(static_cast<CriterionType>(typeBox_->itemData(row).toInt()));
    });
    methodBox_ = new QComboBox(this);
    methodBox_->setObjectName(QStringLiteral("criterionMethod"));
    detailForm_->addRow(QStringLiteral("Method"), methodBox_);
    connect(methodBox_, &QComboBox::activated, this,
            [this](int row) { chooseMethod(methodBox_->itemText(row)); });

    parameters_ = nodeParameters();
    for (std::size_t i = 0; i < parameters_.size(); ++i) {
        const Parameter& parameter = parameters_[i];
        QWidget* editor = nullptr;
        const auto commit = [this, i] {
            if (!refreshing_)
                applyParameter(parameters_[i], editorText(editors_[i]));
        };
        if (parameter.multiLine) {
            auto* plain = new QPlainTextEdit(this);
            plain->setTabChangesFocus(true);
            plain->setMaximumHeight(120);
            plain->installEventFilter(new CommitOnFocusOut(plain, commit));
            editor = plain;
        } else {
            auto* line = new QLineEdit(this);
            connect(line, &QLineEdit::editingFinished, this, commit);
            // The weight applies as it is typed, so the sum check follows the keystrokes;
            // the keystrokes merge into one undo step.
            if (parameter.key == QLatin1String("weight"))
                connect(line, &QLineEdit::textEdited, this, [this, i](const QString& typed) {
                    if (parseDecimal(utf8(typed.trimmed())))
                        applyParameter(parameters_[i], typed);
                });
            editor = line;
        }
        editor->setObjectName(QStringLiteral("parameter-") + parameter.key);
        editor->setAccessibleName(parameter.label);
        detailForm_->addRow(parameter.label, editor);
        editors_.push_back(editor);
    }

    // The model's own settings, edited as tender details so they share the undo stack.
    modelForm_ = new QFormLayout;
    struct ModelSetting {
        QString key;
        QString label;
        std::function<QString(const Tender&)> get;
        std::function<QString(Tender&, const QString&)> set;
    };
    const std::vector<ModelSetting> settings = {
        {QStringLiteral("rounding"), QStringLiteral("Rounding (decimal places, 0-6)"),
         [](const Tender& t) { return QString::number(t.model.rounding); },
         [](Tender& t, const QString& v) {
             bool ok = false;
             const int places = v.trimmed().toInt(&ok);
             if (!ok || places < 0 || places > 6)
                 return QStringLiteral("rounding must be a whole number from 0 to 6");
             t.model.rounding = places;
             return QString();
         }},
        {QStringLiteral("tie-break"), QStringLiteral("Tie-break (ids, lowest-price)"),
         [](const Tender& t) {
             QStringList words;
             for (const auto& word : t.model.tieBreak)
                 words << qtext(word);
             return words.join(QLatin1Char(' '));
         },
         [](Tender& t, const QString& v) {
             t.model.tieBreak.clear();
             for (const QString& word : v.simplified().split(QLatin1Char(' '), Qt::SkipEmptyParts))
                 t.model.tieBreak.push_back(utf8(word));
             return QString();
         }},
        {QStringLiteral("aggregation"),
         QStringLiteral("Aggregation (weighted-sum, price-per-quality-point)"),
         [](const Tender& t) { return qtext(toString(t.model.aggregation)); },
         [](Tender& t, const QString& v) {
             for (const auto a : {Aggregation::WeightedSum, Aggregation::PricePerQualityPoint})
                 if (v.trimmed() == qtext(toString(a))) {
                     t.model.aggregation = a;
                     return QString();
                 }
             return QStringLiteral("aggregation must be weighted-sum or price-per-quality-point");
         }},
        {QStringLiteral("model-spread"), QStringLiteral("Default evaluator spread flag (%)"),
         [](const Tender& t) { return qtext(formatDecimal(t.model.defaultSpreadPercent)); },
         [](Tender& t, const QString& v) {
             return readDecimal(v, t.model.defaultSpreadPercent, QStringLiteral("spread"));
         }},
    };
    for (const auto& setting : settings) {
        auto* line = new QLineEdit(this);
        line->setObjectName(QStringLiteral("parameter-") + setting.key);
        line->setAccessibleName(setting.label);
        modelForm_->addRow(setting.label, line);
        modelEditors_.push_back(line);
        connect(line, &QLineEdit::editingFinished, this, [this, setting, line] {
            if (refreshing_)
                return;
            Tender details = document_->tender();
            const QString error = setting.set(details, line->text());
            detailError_->setText(error);
            if (!error.isEmpty() || setting.get(details) == setting.get(document_->tender()))
                return;
            document_->setDetails(details, [setting](const Tender& before, const Tender& after) {
                return QStringLiteral("Change %1 from %2 to %3")
                    .arg(setting.key, setting.get(before), setting.get(after));
            });
        });
        line->setProperty("settingKey", setting.key);
        connect(document_, &TenderDocument::tenderChanged, line, [this, setting, line] {
            if (!line->hasFocus()) {
                const bool was = refreshing_;
                refreshing_ = true;
                line->setText(setting.get(document_->tender()));
                refreshing_ = was;
            }
        });
        line->setText(setting.get(document_->tender()));
    }
}

std::vector<int> ModelEditorPage::selectedPath() const {
    return tree_->pathOf(view_->currentIndex());
}

void ModelEditorPage::refreshDetails() {
    refreshing_ = true;
    const NodePath path = selectedPath();
    const ModelNode* node = document_->node(path);
    const bool criterion = node && node->kind == NodeKind::Criterion;
    detailForm_->setRowVisible(typeBox_, criterion);
    const auto methods =
        criterion ? methodChoices(node->criterion.type) : std::vector<std::string>{};
    detailForm_->setRowVisible(methodBox_, !methods.empty());
    if (criterion) {
        typeBox_->setCurrentIndex(typeBox_->findData(static_cast<int>(node->criterion.type)));
        methodBox_->clear();
        for (const auto& word : methods)
            methodBox_->addItem(qtext(word));
        methodBox_->setCurrentText(qtext(methodOf(*node)));
    }
    for (std::size_t i = 0; i < parameters_.size(); ++i) {
        const bool shown = node && parameters_[i].applies(*node);
        detailForm_->setRowVisible(editors_[i], shown);
        // A field being typed in keeps its text; the others follow the document.
        if (shown && !(editors_[i]->hasFocus() && parameters_[i].key == QLatin1String("weight")))
            setEditorText(editors_[i], parameters_[i].get(*node));
    }
    refreshing_ = false;
}

void ModelEditorPage::refreshProblems() {
    problems_->clear();
    for (const auto& error : document_->validationErrors())
        problems_->addItem(QStringLiteral("Error: ") + qtext(error.message));
    for (const auto& warning : document_->lintWarnings())
        problems_->addItem(QStringLiteral("Warning: ") + qtext(warning.message));
    if (problems_->count() == 0)
        problems_->addItem(QStringLiteral("No errors or warnings"));
    const QString top = tree_->topLevelWeightProblem();
    weightStatus_->setText(top.isEmpty() ? QString() : QStringLiteral("Top-level ") + top);
    weightStatus_->setVisible(!top.isEmpty());
}

void ModelEditorPage::refreshEditability() {
    const bool frozen = document_->isFrozen();
    frozenBanner_->setText(document_->frozenReason());
    frozenBanner_->setVisible(frozen);
    for (QAction* action : editActions_)
        action->setEnabled(!frozen);
    undo_->setEnabled(!frozen && document_->undoStack()->canUndo());
    redo_->setEnabled(!frozen && document_->undoStack()->canRedo());
    typeBox_->setEnabled(!frozen);
    methodBox_->setEnabled(!frozen);
    for (QWidget* editor : editors_)
        setShownReadOnly(editor, frozen);
    for (QWidget* editor : modelEditors_)
        setShownReadOnly(editor, frozen);
}

void ModelEditorPage::setFrozen(bool frozen, const QString& reason) {
    document_->setFrozen(frozen, reason);
}

QString ModelEditorPage::frozenText() const {
    return document_->isFrozen() ? frozenBanner_->text() : QString();
}

QString ModelEditorPage::applyParameter(const Parameter& parameter, const QString& value) {
    const NodePath path = selectedPath();
    const ModelNode* current = document_->node(path);
    if (!current || document_->isFrozen())
        return QStringLiteral("nothing to change");
    ModelNode node = *current;
    const QString error = parameter.set(node, value);
    detailError_->setText(error);
    if (!error.isEmpty())
        return error;
    if (parameter.get(node) == parameter.get(*current))
        return {};
    const auto get = parameter.get;
    const QString key = parameter.key;
    document_->setNode(
        path, node,
        [get, key](const ModelNode& before, const ModelNode& after) {
            if (key == QLatin1String("id"))
                return QStringLiteral("Change id of %1 to %2").arg(get(before), get(after));
            if (key == QLatin1String("title"))
                return QStringLiteral("Rename %1 from \"%2\" to \"%3\"")
                    .arg(qtext(after.id), get(before), get(after));
            const QString from = get(before);
            const QString to = get(after);
            if (from.contains(QLatin1Char('\n')) || to.contains(QLatin1Char('\n')) ||
                from.size() + to.size() > 60)
                return QStringLiteral("Change %1 of %2").arg(key, qtext(after.id));
            return QStringLiteral("Change %1 of %2 from %3 to %4")
                .arg(key, qtext(after.id), from.isEmpty() ? QStringLiteral("none") : from,
                     to.isEmpty() ? QStringLiteral("none") : to);
        },
        key == QLatin1String("weight") ? QStringLiteral("weight") : QString());
    return {};
}

QWidget* ModelEditorPage::parameterEditor(const QString& key) const {
    for (std::size_t i = 0; i < parameters_.size(); ++i)
        if (parameters_[i].key == key)
            return editors_[i];
    for (QWidget* editor : modelEditors_)
        if (editor->property("settingKey").toString() == key)
            return editor;
    return nullptr;
}

bool ModelEditorPage::parameterShown(const QString& key) const {
    QWidget* editor = parameterEditor(key);
    return editor && detailForm_->isRowVisible(editor);
}

QString ModelEditorPage::enterParameter(const QString& key, const QString& value) {
    for (const auto& parameter : parameters_)
        if (parameter.key == key) {
            if (!parameterShown(key))
                return QStringLiteral("%1 does not apply to the selected node").arg(key);
            setEditorText(parameterEditor(key), value);
            return applyParameter(parameter, value);
        }
    if (auto* line = qobject_cast<QLineEdit*>(parameterEditor(key))) {
        line->setText(value);
        emit line->editingFinished();
        return detailError_->text();
    }
    return QStringLiteral("no parameter %1").arg(key);
}

bool ModelEditorPage::chooseType(CriterionType type) {
    const NodePath path = selectedPath();
    const ModelNode* current = document_->node(path);
    if (!current || current->kind != NodeKind::Criterion || document_->isFrozen())
        return false;
    if (current->criterion.type == type)
        return true;
    ModelNode node = *current;
    changeCriterionType(document_->tender(), node, type);
    return document_->setNode(path, node, [](const ModelNode& before, const ModelNode& after) {
        return QStringLiteral("Change type of %1 from %2 to %3")
            .arg(qtext(after.id), qtext(toString(before.criterion.type)),
                 qtext(toString(after.criterion.type)));
    });
}

bool ModelEditorPage::chooseMethod(const QString& word) {
    const NodePath path = selectedPath();
    const ModelNode* current = document_->node(path);
    if (!current || current->kind != NodeKind::Criterion || document_->isFrozen())
        return false;
    ModelNode node = *current;
    if (!setMethod(node, utf8(word)))
        return false;
    if (methodOf(node) == methodOf(*current))
        return true;
    return document_->setNode(path, node, [](const ModelNode& before, const ModelNode& after) {
        return QStringLiteral("Change method of %1 from %2 to %3")
            .arg(qtext(after.id), qtext(methodOf(before)), qtext(methodOf(after)));
    });
}

bool ModelEditorPage::insertNew(const ModelNode& node) {
    const NodePath selected = selectedPath();
    const ModelNode* at = document_->node(selected);
    NodePath parent;
    int row = static_cast<int>(document_->tender().model.children.size());
    if (at && at->kind == NodeKind::Group) {
        parent = selected;
        row = static_cast<int>(at->children.size());
    } else if (at) {
        parent.assign(selected.begin(), selected.end() - 1);
        row = selected.back() + 1;
    }
    if (!document_->insertNode(parent, row, node))
        return false;
    NodePath added = parent;
    added.push_back(row);
    view_->setCurrentIndex(tree_->indexOf(added));
    return true;
}

bool ModelEditorPage::addGroup() {
    return insertNew(newGroup(document_->tender()));
}

bool ModelEditorPage::addCriterion(CriterionType type) {
    return insertNew(newCriterion(document_->tender(), type));
}

bool ModelEditorPage::addGate() {
    return insertNew(newGate(document_->tender()));
}

bool ModelEditorPage::removeSelected() {
    const NodePath path = selectedPath();
    if (path.empty())
        return false;
    return document_->removeNode(path);
}

bool ModelEditorPage::moveSelected(int delta) {
    NodePath path = selectedPath();
    if (path.empty())
        return false;
    const int to = path.back() + delta;
    if (!document_->moveNode(path, to))
        return false;
    path.back() = to;
    view_->setCurrentIndex(tree_->indexOf(path));
    return true;
}

bool ModelEditorPage::select(const std::string& id) {
    std::function<QModelIndex(const QModelIndex&)> find = [&](const QModelIndex& parent) {
        for (int row = 0; row < tree_->rowCount(parent); ++row) {
            const QModelIndex index = tree_->index(row, 0, parent);
            if (index.data().toString() == qtext(id))
                return index;
            if (const QModelIndex inner = find(index); inner.isValid())
                return inner;
        }
        return QModelIndex();
    };
    const QModelIndex found = find({});
    if (!found.isValid())
        return false;
    view_->setCurrentIndex(found);
    return true;
}

QStringList ModelEditorPage::problems() const {
    QStringList lines;
    for (const auto& error : document_->validationErrors())
        lines << QStringLiteral("Error: ") + qtext(error.message);
    for (const auto& warning : document_->lintWarnings())
        lines << QStringLiteral("Warning: ") + qtext(warning.message);
    return lines;
}

QString ModelEditorPage::topLevelWeightText() const {
    return weightStatus_->text();
}

std::string ModelEditorPage::currentTenderXml() const {
    return document_->currentTenderXml();
}

QString ModelEditorPage::saveToFolder(const std::filesystem::path& folder) {
    const QString outcome = document_->saveToFolder(folder);
    saveStatus_->setText(outcome.isEmpty()
                             ? QStringLiteral("Saved %1")
                                   .arg(QString::fromStdString((folder / "tender.xml").string()))
                             : outcome);
    return outcome;
}

} // namespace fairtender::desktop
