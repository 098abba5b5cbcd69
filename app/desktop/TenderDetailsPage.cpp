#include "desktop/TenderDetailsPage.h"

#include "core/Date.h"
#include "core/Money.h"
#include "core/Postcode.h"
#include "desktop/QtText.h"
#include "desktop/ReadOnlyLook.h"
#include "desktop/TenderDocument.h"
#include "io/xml/ReferenceData.h"
#include "model/Tender.h"

#include <QComboBox>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QPushButton>
#include <QVBoxLayout>

#include <algorithm>
#include <optional>
#include <set>

namespace fairtender::desktop {

namespace {

QString pounds(Money money) {
    return QStringLiteral("\u00a3") + qtext(money.toDisplayString());
}

QStringList splitPrefixes(const QString& typed) {
    QStringList prefixes;
    for (const QString& part : typed.split(QLatin1Char(','), Qt::SkipEmptyParts))
        if (!part.trimmed().isEmpty())
            prefixes << part.trimmed();
    return prefixes;
}

QString prefixesText(const Area& area) {
    QStringList prefixes;
    for (const auto& prefix : area.prefixes)
        prefixes << qtext(prefix.text());
    return prefixes.join(QStringLiteral(", "));
}

void setIfIdle(QLineEdit* edit, const QString& value) {
    if (!edit->hasFocus() && edit->text() != value)
        edit->setText(value);
}

enum RateMode { NoRate, ByDate, Given };

} // namespace

TenderDetailsPage::TenderDetailsPage(TenderDocument* document, QWidget* parent)
    : QWidget(parent), document_(document) {
    frozenBanner_ = new QLabel(this);
    frozenBanner_->setObjectName(QStringLiteral("frozenBanner"));
    frozenBanner_->setWordWrap(true);
    frozenBanner_->setStyleSheet(
        QStringLiteral("QLabel { background: #fff4ce; padding: 6px; border: 1px solid #d8b600; }"));
    frozenBanner_->hide();
    error_ = new QLabel(this);
    error_->setObjectName(QStringLiteral("detailsError"));
    error_->setWordWrap(true);
    error_->setStyleSheet(QStringLiteral("QLabel { color: #b00020; }"));

    const auto lineEdit = [this](const char* name) {
        auto* edit = new QLineEdit(this);
        edit->setObjectName(QString::fromLatin1(name));
        return edit;
    };
    id_ = lineEdit("tenderId");
    title_ = lineEdit("tenderTitle");
    buyer_ = lineEdit("tenderBuyer");
    currency_ = lineEdit("tenderCurrency");
    setShownReadOnly(currency_, true);
    currency_->setToolTip(QStringLiteral("Amounts are in pounds sterling"));
    value_ = lineEdit("estimatedValue");
    value_->setPlaceholderText(QStringLiteral("e.g. \u00a31,234,567.89 or 1234567.89"));
    for (auto [edit, key] : {std::pair{id_, "id"}, std::pair{title_, "title"},
                             std::pair{buyer_, "buyer"}, std::pair{value_, "estimated-value"}}) {
        const QString field = QString::fromLatin1(key);
        connect(edit, &QLineEdit::editingFinished, this, [this, edit, field] {
            if (!refreshing_)
                enterField(field, edit->text());
        });
    }

    rateMode_ = new QComboBox(this);
    rateMode_->setObjectName(QStringLiteral("rateMode"));
    rateMode_->addItems({QStringLiteral("None"), QStringLiteral("Looked up by date"),
                         QStringLiteral("Given rates")});
    region_ = new QComboBox(this);
    region_->setObjectName(QStringLiteral("rateRegion"));
    region_->addItems({QStringLiteral("uk"), QStringLiteral("london")});
    rateDate_ = lineEdit("rateDate");
    rateDate_->setPlaceholderText(QStringLiteral("YYYY-MM-DD"));
    hourly_ = lineEdit("rateHourly");
    minimum_ = lineEdit("rateStatutoryMinimum");
    effective_ = lineEdit("rateEffective");
    effective_->setPlaceholderText(QStringLiteral("YYYY-MM-DD (optional)"));
    rateText_ = new QLabel(this);
    rateText_->setObjectName(QStringLiteral("resolvedRate"));
    rateText_->setWordWrap(true);
    const auto commitRate = [this] {
        if (refreshing_)
            return;
        switch (rateMode_->currentIndex()) {
        case NoRate:
            clearRate();
            break;
        case ByDate:
            if (!rateDate_->text().trimmed().isEmpty())
                setRateByDate(region_->currentText(), rateDate_->text());
            break;
        case Given:
            if (!hourly_->text().trimmed().isEmpty() && !minimum_->text().trimmed().isEmpty())
                setRateGiven(region_->currentText(), hourly_->text(), minimum_->text(),
                             effective_->text());
            break;
        }
    };
    connect(rateMode_, &QComboBox::activated, this, commitRate);
    connect(region_, &QComboBox::activated, this, commitRate);
    for (QLineEdit* edit : {rateDate_, hourly_, minimum_, effective_})
        connect(edit, &QLineEdit::editingFinished, this, commitRate);

    areas_ = new QListWidget(this);
    areas_->setObjectName(QStringLiteral("areaList"));
    areas_->setMaximumHeight(120);
    connect(areas_, &QListWidget::currentRowChanged, this, [this] {
        if (!refreshing_)
            refresh();
    });
    addArea_ = new QPushButton(QStringLiteral("Add area"), this);
    removeArea_ = new QPushButton(QStringLiteral("Remove area"), this);
    connect(addArea_, &QPushButton::clicked, this, [this] { addArea(); });
    connect(removeArea_, &QPushButton::clicked, this, [this] { removeSelectedArea(); });
    areaId_ = lineEdit("areaId");
    areaName_ = lineEdit("areaName");
    postcodes_ = lineEdit("areaPostcodes");
    postcodes_->setPlaceholderText(QStringLiteral("PR1, PR2, BB"));
    prefixMarks_ = new QLabel(this);
    prefixMarks_->setObjectName(QStringLiteral("prefixProblems"));
    prefixMarks_->setWordWrap(true);
    prefixMarks_->setStyleSheet(QStringLiteral("QLabel { color: #b00020; }"));
    connect(postcodes_, &QLineEdit::textEdited, this, &TenderDetailsPage::markPrefixes);
    for (auto [edit, key] : {std::pair{areaId_, "area-id"}, std::pair{areaName_, "area-name"},
                             std::pair{postcodes_, "postcodes"}}) {
        const QString field = QString::fromLatin1(key);
        connect(edit, &QLineEdit::editingFinished, this, [this, edit, field] {
            if (!refreshing_)
                enterAreaField(field, edit->text(), true);
        });
    }

    auto* form = new QFormLayout;
    form->addRow(QStringLiteral("Tender id"), id_);
    form->addRow(QStringLiteral("Title"), title_);
    form->addRow(QStringLiteral("Buyer"), buyer_);
    form->addRow(QStringLiteral("Currency"), currency_);
    form->addRow(QStringLiteral("Estimated value"), value_);
    form->addRow(QStringLiteral("Living-wage rate"), rateMode_);
    form->addRow(QStringLiteral("Region"), region_);
    form->addRow(QStringLiteral("Rates in force on"), rateDate_);
    form->addRow(QStringLiteral("Hourly rate"), hourly_);
    form->addRow(QStringLiteral("Statutory minimum"), minimum_);
    form->addRow(QStringLiteral("Effective"), effective_);
    form->addRow(QString(), rateText_);
    auto* areaButtons = new QHBoxLayout;
    areaButtons->addWidget(addArea_);
    areaButtons->addWidget(removeArea_);
    areaButtons->addStretch(1);
    form->addRow(QStringLiteral("Areas"), areas_);
    form->addRow(QString(), areaButtons);
    form->addRow(QStringLiteral("Area id"), areaId_);
    form->addRow(QStringLiteral("Area name"), areaName_);
    form->addRow(QStringLiteral("Postcode prefixes"), postcodes_);
    form->addRow(QString(), prefixMarks_);

    auto* layout = new QVBoxLayout(this);
    layout->addWidget(frozenBanner_);
    layout->addLayout(form);
    layout->addWidget(error_);
    layout->addStretch(1);

    connect(document_, &TenderDocument::tenderChanged, this, [this] { refresh(); });
    connect(document_, &TenderDocument::frozenChanged, this, [this] { refreshEditability(); });
    refresh();
    refreshEditability();
}

void TenderDetailsPage::refresh() {
    const bool was = refreshing_;
    refreshing_ = true;
    const Tender& tender = document_->tender();
    setIfIdle(id_, qtext(tender.id));
    setIfIdle(title_, qtext(tender.title));
    setIfIdle(buyer_, qtext(tender.buyer));
    currency_->setText(qtext(tender.currency));
    setIfIdle(value_, tender.estimatedValue ? pounds(*tender.estimatedValue) : QString());

    const auto& rate = tender.livingWageRate;
    rateMode_->setCurrentIndex(!rate ? NoRate : rate->lookedUpFor ? ByDate : Given);
    if (rate) {
        region_->setCurrentText(qtext(rate->region));
        setIfIdle(rateDate_, rate->lookedUpFor ? qtext(rate->lookedUpFor->toString()) : QString());
        setIfIdle(hourly_, qtext(rate->hourly.toPlainString()));
        setIfIdle(minimum_, qtext(rate->statutoryMinimum.toPlainString()));
        setIfIdle(effective_, rate->effective ? qtext(rate->effective->toString()) : QString());
    }
    refreshRateText();

    const int row = areas_->currentRow();
    areas_->clear();
    for (const auto& area : tender.areas)
        areas_->addItem(QStringLiteral("%1 %2 (%3)")
                            .arg(qtext(area.id), area.name.empty() ? QString() : qtext(area.name),
                                 prefixesText(area)));
    const int count = static_cast<int>(tender.areas.size());
    areas_->setCurrentRow(count == 0 ? -1 : std::clamp(row, 0, count - 1));
    const Area* area = areas_->currentRow() >= 0
                           ? &tender.areas[static_cast<std::size_t>(areas_->currentRow())]
                           : nullptr;
    setIfIdle(areaId_, area ? qtext(area->id) : QString());
    setIfIdle(areaName_, area ? qtext(area->name) : QString());
    if (!postcodes_->hasFocus()) {
        postcodes_->setText(area ? prefixesText(*area) : QString());
        markPrefixes(postcodes_->text());
    }
    refreshing_ = was;
    refreshEditability();
}

void TenderDetailsPage::refreshRateText() {
    const auto& rate = document_->tender().livingWageRate;
    if (!rate) {
        rateText_->setText(QStringLiteral("No living-wage rate: a tiered living-wage criterion "
                                          "needs one"));
        return;
    }
    QString source = QStringLiteral("given");
    if (rate->lookedUpFor && document_->rates())
        if (const auto found = document_->rates()->ratesOn(*rate->lookedUpFor, rate->region))
            source =
                QStringLiteral("Real Living Wage %1, announced %2")
                    .arg(qtext(found->period), qtext(found->realLivingWageAnnounced.toString()));
    rateText_->setText(QStringLiteral("%1 an hour (%2); statutory minimum %3")
                           .arg(pounds(rate->hourly), source, pounds(rate->statutoryMinimum)));
}

QString TenderDetailsPage::resolvedRateText() const {
    return rateText_->text();
}

void TenderDetailsPage::refreshEditability() {
    const bool frozen = document_->isFrozen();
    frozenBanner_->setText(document_->frozenReason());
    frozenBanner_->setVisible(frozen);
    for (QLineEdit* edit : {id_, title_, buyer_, value_, rateDate_, hourly_, minimum_, effective_,
                            areaId_, areaName_, postcodes_})
        setShownReadOnly(edit, frozen);
    const int mode = rateMode_->currentIndex();
    for (QWidget* widget : {static_cast<QWidget*>(rateMode_), static_cast<QWidget*>(region_),
                            static_cast<QWidget*>(addArea_)})
        widget->setEnabled(!frozen);
    region_->setEnabled(!frozen && mode != NoRate);
    rateDate_->setEnabled(mode == ByDate);
    for (QLineEdit* edit : {hourly_, minimum_, effective_})
        edit->setEnabled(mode == Given);
    const bool hasArea = areas_->currentRow() >= 0;
    removeArea_->setEnabled(!frozen && hasArea);
    for (QLineEdit* edit : {areaId_, areaName_, postcodes_})
        edit->setEnabled(hasArea);
}

void TenderDetailsPage::setFrozen(bool frozen, const QString& reason) {
    document_->setFrozen(frozen, reason);
}

QString TenderDetailsPage::frozenText() const {
    return document_->isFrozen() ? frozenBanner_->text() : QString();
}

QLineEdit* TenderDetailsPage::fieldEditor(const QString& key) const {
    if (key == QLatin1String("id"))
        return id_;
    if (key == QLatin1String("title"))
        return title_;
    if (key == QLatin1String("buyer"))
        return buyer_;
    if (key == QLatin1String("estimated-value"))
        return value_;
    if (key == QLatin1String("area-id"))
        return areaId_;
    if (key == QLatin1String("area-name"))
        return areaName_;
    if (key == QLatin1String("postcodes"))
        return postcodes_;
    return nullptr;
}

QString TenderDetailsPage::applyDetails(const Tender& details, const QString& what) {
    if (document_->isFrozen()) {
        error_->setText(QStringLiteral("Not changed: %1").arg(document_->frozenReason()));
        return error_->text();
    }
    error_->clear();
    document_->setDetails(details, [what](const Tender&, const Tender&) { return what; });
    return {};
}

QString TenderDetailsPage::enterField(const QString& key, const QString& value) {
    QLineEdit* edit = fieldEditor(key);
    if (!edit)
        return QStringLiteral("no field %1").arg(key);
    edit->setText(value);
    const Tender& current = document_->tender();
    Tender details = current;
    const QString typed = value.trimmed();
    const auto refuse = [this](const QString& why) {
        error_->setText(why);
        return why;
    };
    if (key == QLatin1String("estimated-value")) {
        std::optional<Money> amount;
        if (!typed.isEmpty()) {
            amount = Money::parseTyped(utf8(typed));
            if (!amount || !amount->isPositive())
                return refuse(QStringLiteral("The estimated value must be an amount of pounds "
                                             "more than zero, such as \u00a31,234,567.89 or "
                                             "1234567.89; \"%1\" is not one.")
                                  .arg(typed));
        }
        if (amount == current.estimatedValue) {
            refresh();
            return {};
        }
        details.estimatedValue = amount;
        const auto show = [](const std::optional<Money>& m) {
            return m ? pounds(*m) : QStringLiteral("none");
        };
        return applyDetails(details, QStringLiteral("Change estimated value from %1 to %2")
                                         .arg(show(current.estimatedValue), show(amount)));
    }
    std::string* field = key == QLatin1String("id")      ? &details.id
                         : key == QLatin1String("title") ? &details.title
                                                         : &details.buyer;
    if (typed.isEmpty())
        return refuse(QStringLiteral("The %1 must not be empty.")
                          .arg(key == QLatin1String("id") ? QStringLiteral("tender id") : key));
    if (utf8(typed) == *field)
        return {};
    const QString before = qtext(*field);
    *field = utf8(typed);
    const QString name = key == QLatin1String("id") ? QStringLiteral("tender id") : key;
    return applyDetails(details,
                        QStringLiteral("Change %1 from \"%2\" to \"%3\"").arg(name, before, typed));
}

QString TenderDetailsPage::setRateByDate(const QString& region, const QString& date) {
    const auto refuse = [this](const QString& why) {
        error_->setText(why);
        return why;
    };
    const auto day = Date::parse(utf8(date.trimmed()));
    if (!day)
        return refuse(QStringLiteral("\"%1\" is not a date: write YYYY-MM-DD.").arg(date));
    if (!document_->rates())
        return refuse(QStringLiteral("No living wage reference data is available: give the "
                                     "hourly rate and statutory minimum instead."));
    const auto found = document_->rates()->ratesOn(*day, utf8(region));
    if (!found)
        return refuse(QStringLiteral("No living wage rates are known for %1 in region %2: the "
                                     "reference data starts later; give the rates instead.")
                          .arg(qtext(day->toString()), region));
    LivingWageRate rate;
    rate.region = utf8(region);
    rate.hourly = found->realLivingWage;
    rate.statutoryMinimum = found->statutoryMinimum;
    rate.effective = found->realLivingWageAnnounced;
    rate.lookedUpFor = *day;
    Tender details = document_->tender();
    details.livingWageRate = rate;
    return applyDetails(details, QStringLiteral("Use the living-wage rates in force on %1 (%2)")
                                     .arg(qtext(day->toString()), region));
}

QString TenderDetailsPage::setRateGiven(const QString& region, const QString& hourly,
                                        const QString& statutoryMinimum, const QString& effective) {
    const auto refuse = [this](const QString& why) {
        error_->setText(why);
        return why;
    };
    const auto hour = Money::parseTyped(utf8(hourly.trimmed()));
    const auto minimum = Money::parseTyped(utf8(statutoryMinimum.trimmed()));
    if (!hour || !hour->isPositive() || !minimum || !minimum->isPositive())
        return refuse(QStringLiteral("The hourly rate and statutory minimum must be amounts "
                                     "more than zero, such as 13.45."));
    std::optional<Date> from;
    if (!effective.trimmed().isEmpty()) {
        from = Date::parse(utf8(effective.trimmed()));
        if (!from)
            return refuse(QStringLiteral("\"%1\" is not a date: write YYYY-MM-DD.").arg(effective));
    }
    LivingWageRate rate;
    rate.region = utf8(region);
    rate.hourly = *hour;
    rate.statutoryMinimum = *minimum;
    rate.effective = from;
    Tender details = document_->tender();
    details.livingWageRate = rate;
    return applyDetails(details,
                        QStringLiteral("Give the living-wage rate %1 an hour").arg(pounds(*hour)));
}

QString TenderDetailsPage::clearRate() {
    if (!document_->tender().livingWageRate)
        return {};
    Tender details = document_->tender();
    details.livingWageRate.reset();
    return applyDetails(details, QStringLiteral("Remove the living-wage rate"));
}

bool TenderDetailsPage::addArea() {
    if (document_->isFrozen())
        return false;
    Tender details = document_->tender();
    std::set<std::string> ids;
    for (const auto& area : details.areas)
        ids.insert(area.id);
    Area area;
    for (int n = 1; area.id.empty() || ids.count(area.id); ++n)
        area.id = "area-" + std::to_string(n);
    details.areas.push_back(area);
    applyDetails(details, QStringLiteral("Add area %1").arg(qtext(area.id)));
    selectArea(static_cast<int>(details.areas.size()) - 1);
    return true;
}

bool TenderDetailsPage::removeSelectedArea() {
    const int row = areas_->currentRow();
    if (document_->isFrozen() || row < 0)
        return false;
    Tender details = document_->tender();
    const QString id = qtext(details.areas[static_cast<std::size_t>(row)].id);
    details.areas.erase(details.areas.begin() + row);
    applyDetails(details, QStringLiteral("Remove area %1").arg(id));
    return true;
}

bool TenderDetailsPage::selectArea(int row) {
    if (row < 0 || row >= areaCount())
        return false;
    areas_->setCurrentRow(row);
    refresh();
    return true;
}

int TenderDetailsPage::areaCount() const {
    return static_cast<int>(document_->tender().areas.size());
}

void TenderDetailsPage::markPrefixes(const QString& typed) {
    prefixProblems_.clear();
    for (const QString& prefix : splitPrefixes(typed))
        if (const std::string problem = postcodePrefixProblem(utf8(prefix)); !problem.empty())
            prefixProblems_ << qtext(problem);
    const bool bad = !prefixProblems_.isEmpty();
    postcodes_->setStyleSheet(bad ? QStringLiteral("QLineEdit { border: 2px solid #b00020; }")
                                  : QString());
    postcodes_->setToolTip(prefixProblems_.join(QLatin1Char('\n')));
    prefixMarks_->setText(prefixProblems_.join(QLatin1Char('\n')));
    prefixMarks_->setVisible(bad);
}

QStringList TenderDetailsPage::prefixProblems() const {
    return prefixProblems_;
}

QString TenderDetailsPage::enterAreaField(const QString& key, const QString& value, bool commit) {
    QLineEdit* edit = fieldEditor(key);
    const int row = areas_->currentRow();
    if (!edit || row < 0)
        return QStringLiteral("no area selected");
    edit->setText(value);
    if (key == QLatin1String("postcodes"))
        markPrefixes(value);
    if (!commit)
        return {};
    const auto refuse = [this](const QString& why) {
        error_->setText(why);
        return why;
    };
    Tender details = document_->tender();
    Area& area = details.areas[static_cast<std::size_t>(row)];
    const QString typed = value.trimmed();
    if (key == QLatin1String("area-id")) {
        if (typed.isEmpty())
            return refuse(QStringLiteral("The area id must not be empty."));
        if (utf8(typed) == area.id)
            return {};
        // The bands that name the area follow it.
        if (!document_->renameArea(row, utf8(typed)))
            return refuse(QStringLiteral("Not changed: %1").arg(document_->frozenReason()));
        error_->clear();
        return {};
    }
    if (key == QLatin1String("area-name")) {
        if (utf8(typed) == area.name)
            return {};
        area.name = utf8(typed);
        return applyDetails(details,
                            QStringLiteral("Rename area %1 to \"%2\"").arg(qtext(area.id), typed));
    }
    if (!prefixProblems_.isEmpty())
        return refuse(QStringLiteral("Not changed: ") + prefixProblems_.join(QStringLiteral("; ")));
    std::vector<PostcodePrefix> prefixes;
    for (const QString& prefix : splitPrefixes(typed))
        prefixes.push_back(*PostcodePrefix::parse(utf8(prefix)));
    QStringList before;
    for (const auto& prefix : area.prefixes)
        before << qtext(prefix.text());
    QStringList after;
    for (const auto& prefix : prefixes)
        after << qtext(prefix.text());
    if (before == after)
        return {};
    area.prefixes = std::move(prefixes);
    return applyDetails(details, QStringLiteral("Change postcodes of area %1 from %2 to %3")
                                     .arg(qtext(area.id), before.join(QStringLiteral(", ")),
                                          after.join(QStringLiteral(", "))));
}

} // namespace fairtender::desktop
