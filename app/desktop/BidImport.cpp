#include "desktop/BidImport.h"

#include "desktop/LoadedTender.h"

#include <QFileInfo>
#include <QSet>
#include <QTemporaryDir>

#include <exception>
#include <filesystem>
#include <system_error>
#include <vector>

namespace fairtender::desktop {

namespace fs = std::filesystem;

namespace {

fs::path pathOf(const QString& path) {
    return fs::path(path.toStdString());
}

std::string bidsName(const QString& name) {
    return "bids/" + name.toStdString();
}

// Why `file` cannot become bids/<its name> of `folder`, or an empty string when it can.
std::string refusal(const fs::path& folder, const QString& file, QSet<QString>& chosen) {
    const QFileInfo info(file);
    const QString name = info.fileName();
    if (!name.endsWith(QStringLiteral(".xml"), Qt::CaseInsensitive))
        return "only .xml files can be imported as bids; " + file.toStdString() + " is not one";
    if (!info.isFile() || !info.isReadable())
        return "cannot read " + file.toStdString();
    std::error_code error;
    if (fs::exists(folder / "bids" / name.toStdString(), error))
        return "the folder already has a bid file of this name; nothing is overwritten: rename "
               "the new file or remove the old one";
    if (chosen.contains(name.toLower()))
        return "two chosen files have this name; import one of them";
    chosen.insert(name.toLower());
    return {};
}

BidImportCheck check(const QString& folder, const QStringList& files,
                     const BidImportProgress& progress) {
    BidImportCheck result;
    const int total = bidImportSteps(files);
    const fs::path target = pathOf(folder);
    std::error_code error;
    if (!fs::is_directory(target, error)) {
        result.problems.push_back(errorAt({folder.toStdString(), 0, 0}, "no such folder"));
        return result;
    }
    QTemporaryDir scratch;
    if (!scratch.isValid()) {
        result.problems.push_back(errorAt({folder.toStdString(), 0, 0},
                                          "cannot make a scratch folder to check the files in: " +
                                              scratch.errorString().toStdString()));
        return result;
    }
    const fs::path copy = pathOf(scratch.filePath(QStringLiteral("folder")));
    fs::copy(target, copy, fs::copy_options::recursive, error);
    if (!error)
        fs::create_directories(copy / "bids", error);
    if (error) {
        result.problems.push_back(
            errorAt({folder.toStdString(), 0, 0},
                    "cannot copy the folder to check the files with it: " + error.message()));
        return result;
    }

    QSet<QString> chosen;
    for (int done = 0; done < files.size(); ++done) {
        if (progress && !progress(done, total)) {
            result.cancelled = true;
            return result;
        }
        const QString& file = files[done];
        const QString name = QFileInfo(file).fileName();
        if (const std::string why = refusal(target, file, chosen); !why.empty()) {
            result.problems.push_back(errorAt({bidsName(name), 0, 0}, why));
            continue;
        }
        fs::copy_file(pathOf(file), copy / "bids" / name.toStdString(), error);
        if (error)
            result.problems.push_back(
                errorAt({bidsName(name), 0, 0},
                        "cannot read " + file.toStdString() + ": " + error.message()));
    }
    if (progress && !progress(files.size(), total)) {
        result.cancelled = true;
        return result;
    }
    const auto loaded = loadTender(copy);
    if (!loaded) {
        result.problems.push_back(
            errorAt({folder.toStdString(), 0, 0}, "not enough memory to check the files"));
        return result;
    }
    const std::string copyName = copy.lexically_normal().string();
    for (Diagnostic diagnostic : loaded->diagnostics) {
        // Problems with the folder itself would otherwise name the scratch copy.
        if (diagnostic.where.file.rfind(copyName, 0) == 0)
            diagnostic.where.file =
                folder.toStdString() + diagnostic.where.file.substr(copyName.size());
        result.problems.push_back(std::move(diagnostic));
    }
    if (progress && !progress(total, total))
        result.cancelled = true;
    return result;
}

} // namespace

int bidImportSteps(const QStringList& files) {
    return static_cast<int>(files.size()) + 1;
}

BidImportCheck checkBidImport(const QString& folder, const QStringList& files,
                              const BidImportProgress& progress) noexcept {
    try {
        return check(folder, files, progress);
    } catch (const std::exception& failure) {
        BidImportCheck result;
        result.problems.push_back(
            errorAt({folder.toStdString(), 0, 0},
                    std::string("could not check the files: ") + failure.what()));
        return result;
    } catch (...) {
        BidImportCheck result;
        result.cancelled = true; // nothing can be said, and nothing is imported
        return result;
    }
}

Diagnostics copyBidFiles(const QString& folder, const QStringList& files) noexcept {
    Diagnostics problems;
    try {
        const fs::path bids = pathOf(folder) / "bids";
        std::error_code error;
        fs::create_directories(bids, error);
        std::vector<fs::path> copied;
        for (const QString& file : files) {
            const QString name = QFileInfo(file).fileName();
            const fs::path to = bids / name.toStdString();
            // skip_existing is not enough: an existing file must be reported, not kept quietly.
            if (fs::exists(to, error)) {
                problems.push_back(errorAt({bidsName(name), 0, 0},
                                           "the folder already has a bid file of this name; "
                                           "nothing is overwritten"));
                break;
            }
            if (!fs::copy_file(pathOf(file), to, fs::copy_options::none, error) || error) {
                problems.push_back(
                    errorAt({bidsName(name), 0, 0},
                            "cannot copy " + file.toStdString() + ": " + error.message()));
                break;
            }
            copied.push_back(to);
        }
        if (hasErrors(problems))
            for (const fs::path& path : copied)
                fs::remove(path, error);
    } catch (const std::exception& failure) {
        problems.push_back(errorAt({folder.toStdString(), 0, 0},
                                   std::string("could not copy the files: ") + failure.what()));
    } catch (...) {
        problems.push_back(errorAt({folder.toStdString(), 0, 0}, "could not copy the files"));
    }
    return problems;
}

} // namespace fairtender::desktop
