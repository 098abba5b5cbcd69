// TenderDetailsPage: the tender's own details: id, title, buyer, currency, estimated value
// (typed as "£1,234,567.89" or "1234567.89"), the living-wage rate (looked up by date and
// region in the reference data, showing the hourly rate the engine resolves, or given
// directly) and the local and regional areas with their postcode prefixes, each checked as
// it is typed. Edits are undoable through the TenderDocument's (shared) undo stack.
#pragma once

#include <QString>
#include <QStringList>
#include <QWidget>

class QComboBox;
class QLabel;
class QLineEdit;
class QListWidget;
class QPushButton;

namespace fairtender {
struct Tender;
}

namespace fairtender::desktop {

class TenderDocument;

class TenderDetailsPage : public QWidget {
    Q_OBJECT

public:
    // Edits `document`, normally the one a ModelEditorPage edits too, so both share the
    // tender, undo stack and frozen state. The page does not own the document.
    explicit TenderDetailsPage(TenderDocument* document, QWidget* parent = nullptr);

    TenderDocument* document() const { return document_; }

    // Read-only with the reason shown at the top; every editor disabled.
    void setFrozen(bool frozen, const QString& reason);
    QString frozenText() const;

    // Sets field `key` ("id", "title", "buyer", "estimated-value") as if typed and committed.
    // Returns the error shown for a refused value ("" when applied or unchanged).
    QString enterField(const QString& key, const QString& value);

    // The living-wage rate: looked up for `date` (YYYY-MM-DD) in `region` ("uk" or
    // "london"), given as hourly and statutory minimum (effective date optional), or none.
    // Each returns the error shown ("" when applied).
    QString setRateByDate(const QString& region, const QString& date);
    QString setRateGiven(const QString& region, const QString& hourly,
                         const QString& statutoryMinimum, const QString& effective);
    QString clearRate();
    // "£13.45 an hour (Real Living Wage 2025/26, announced 2025-10-22); statutory minimum
    // £12.21", or why there is none.
    QString resolvedRateText() const;

    // Areas: the list shows them in order; the editors below it edit the selected one.
    bool addArea();
    bool removeSelectedArea();
    bool selectArea(int row);
    int areaCount() const;
    // Types `value` into the selected area's "area-id", "area-name" or "postcodes" field
    // (prefixes separated by commas); `commit` also presses Enter, which applies it unless a
    // prefix is invalid. Returns the error shown ("" when applied or only typed).
    QString enterAreaField(const QString& key, const QString& value, bool commit = true);
    // One line per prefix typed in the postcodes field that is not valid, with the reason
    // (marked as typed, before any commit); empty when all are valid.
    QStringList prefixProblems() const;

    QLineEdit* fieldEditor(const QString& key) const;

private:
    void refresh();
    void refreshRateText();
    void refreshEditability();
    QString applyDetails(const Tender& details, const QString& what);
    void markPrefixes(const QString& typed);

    TenderDocument* document_;
    QLabel* frozenBanner_ = nullptr;
    QLabel* error_ = nullptr;
    QLineEdit* id_ = nullptr;
    QLineEdit* title_ = nullptr;
    QLineEdit* buyer_ = nullptr;
    QLineEdit* currency_ = nullptr;
    QLineEdit* value_ = nullptr;
    QComboBox* rateMode_ = nullptr;
    QComboBox* region_ = nullptr;
    QLineEdit* rateDate_ = nullptr;
    QLineEdit* hourly_ = nullptr;
    QLineEdit* minimum_ = nullptr;
    QLineEdit* effective_ = nullptr;
    QLabel* rateText_ = nullptr;
    QListWidget* areas_ = nullptr;
    QLineEdit* areaId_ = nullptr;
    QLineEdit* areaName_ = nullptr;
    QLineEdit* postcodes_ = nullptr;
    QLabel* prefixMarks_ = nullptr;
    QPushButton* addArea_ = nullptr;
    QPushButton* removeArea_ = nullptr;
    QStringList prefixProblems_;
    bool refreshing_ = false;
};

} // namespace fairtender::desktop
