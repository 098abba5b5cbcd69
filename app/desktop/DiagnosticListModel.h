// DiagnosticListModel: problems found in a tender folder, or lint warnings, as a list of
// "file:line:column: message" rows, errors marked as such.
#pragma once

#include "core/Diagnostic.h"

#include <QAbstractListModel>

namespace fairtender::desktop {

class DiagnosticListModel : public QAbstractListModel {
    Q_OBJECT

public:
    explicit DiagnosticListModel(QObject* parent = nullptr);

    // Shows these diagnostics in order.
    void setDiagnostics(Diagnostics diagnostics);
    const Diagnostics& diagnostics() const { return diagnostics_; }

    int rowCount(const QModelIndex& parent = {}) const override;
    QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const override;

private:
    Diagnostics diagnostics_;
};

} // namespace fairtender::desktop
