#include "desktop/DiagnosticListModel.h"

#include <QApplication>
#include <QStyle>

namespace fairtender::desktop {

DiagnosticListModel::DiagnosticListModel(QObject* parent) : QAbstractListModel(parent) {}

void DiagnosticListModel::setDiagnostics(Diagnostics diagnostics) {
    beginResetModel();
    diagnostics_ = std::move(diagnostics);
    endResetModel();
}

int DiagnosticListModel::rowCount(const QModelIndex& parent) const {
    return parent.isValid() ? 0 : static_cast<int>(diagnostics_.size());
}

QVariant DiagnosticListModel::data(const QModelIndex& index, int role) const {
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const Diagnostic& diagnostic = diagnostics_[static_cast<std::size_t>(index.row())];
    switch (role) {
    case Qt::DisplayRole:
    case Qt::ToolTipRole:
        return QString::fromStdString(diagnostic.toString());
    case Qt::DecorationRole:
        if (QApplication::style() == nullptr)
            return {};
        return QApplication::style()->standardIcon(diagnostic.severity == Severity::Error
                                                       ? QStyle::SP_MessageBoxCritical
                                                       : QStyle::SP_MessageBoxWarning);
    default:
        return {};
    }
}

} // namespace fairtender::desktop
