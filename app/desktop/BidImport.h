// BidImport: adding bid files to a tender folder all or nothing. The files are first checked
// together with the folder as it would be after the import, in a scratch copy; only when that
// copy has no errors are they copied into the folder's bids/. Plain functions with no
// widgets, so the check runs off the GUI thread; they never throw.
#pragma once

#include "core/Diagnostic.h"

#include <QString>
#include <QStringList>

#include <functional>

namespace fairtender::desktop {

struct BidImportCheck {
    Diagnostics problems;   // errors refuse the import; warnings do not
    bool cancelled = false; // the progress callback asked to stop: nothing was decided

    // True when the files may be imported.
    bool ok() const { return !cancelled && !hasErrors(problems); }
};

// Told how many of `total` steps are done (one per file, then the evaluation); returns
// false to cancel. Called on the thread that runs the check.
using BidImportProgress = std::function<bool(int done, int total)>;

// The number of progress steps checkBidImport reports for `files`.
int bidImportSteps(const QStringList& files);

// Checks `files` as bids/<name> of `folder`: a name already in bids/ (or chosen twice), a
// name not ending in .xml or an unreadable file is an error; the rest are evaluated with the
// whole folder, and every diagnostic names files relative to the folder ("bids/B7.xml").
BidImportCheck checkBidImport(const QString& folder, const QStringList& files,
                              const BidImportProgress& progress = {}) noexcept;

// Copies `files` into `folder`/bids/ without overwriting anything; on a failure removes what
// it copied and returns the error, so the folder is left as it was.
Diagnostics copyBidFiles(const QString& folder, const QStringList& files) noexcept;

} // namespace fairtender::desktop
