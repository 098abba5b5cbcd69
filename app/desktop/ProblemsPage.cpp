#include "desktop/ProblemsPage.h"

#include "desktop/DiagnosticListModel.h"
#include "desktop/LoadedTender.h"

#include <QLabel>
#include <QListView>
#include <QVBoxLayout>

namespace fairtender::desktop {

ProblemsPage::ProblemsPage(QWidget* parent) : QWidget(parent) {
    heading_ = new QLabel(this);
    heading_->setObjectName(QStringLiteral("problemsHeadingLabel"));
    heading_->setWordWrap(true);
    heading_->setTextFormat(Qt::RichText);
    problems_ = new DiagnosticListModel(this);
    auto* view = new QListView(this);
    view->setObjectName(QStringLiteral("problemsListView"));
    view->setAccessibleName(QStringLiteral("Problems"));
    view->setModel(problems_);
    view->setWordWrap(true);
    view->setAlternatingRowColors(true);
    auto* layout = new QVBoxLayout(this);
    layout->addWidget(heading_);
    layout->addWidget(view, 1);
}

void ProblemsPage::setTender(const std::shared_ptr<const LoadedTender>& tender) {
    if (!tender) {
        heading_->clear();
        problems_->setDiagnostics({});
        return;
    }
    std::size_t errors = 0;
    for (const auto& diagnostic : tender->diagnostics)
        errors += diagnostic.severity == Severity::Error ? 1 : 0;
    heading_->setText(
        QStringLiteral("<b>%1 could not be evaluated.</b><br>%2 %3 found; nothing was scored. "
                       "Files are named relative to the folder. Fix them and press F5 to "
                       "evaluate again.")
            .arg(QString::fromStdString(tender->folder.string()).toHtmlEscaped())
            .arg(errors)
            .arg(errors == 1 ? QStringLiteral("error") : QStringLiteral("errors")));
    problems_->setDiagnostics(tender->diagnostics);
}

} // namespace fairtender::desktop
