// ProblemsPage: shown instead of the results when a folder cannot be evaluated: every
// diagnostic as file:line:column: message, and what to do next.
#pragma once

#include <QWidget>

#include <memory>

class QLabel;

namespace fairtender::desktop {

struct LoadedTender;

class DiagnosticListModel;

class ProblemsPage : public QWidget {
    Q_OBJECT

public:
    explicit ProblemsPage(QWidget* parent = nullptr);

    // Lists every diagnostic of `tender`; null clears the page.
    void setTender(const std::shared_ptr<const LoadedTender>& tender);

    DiagnosticListModel* problemsModel() const { return problems_; }

private:
    QLabel* heading_ = nullptr;
    DiagnosticListModel* problems_ = nullptr;
};

} // namespace fairtender::desktop
