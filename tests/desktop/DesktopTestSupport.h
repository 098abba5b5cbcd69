// Shared set-up for the desktop GUI tests: settings kept in a throwaway folder so tests
// never read or change the user's, and paths to (and copies of) the shipped samples.
#pragma once

#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QSettings>
#include <QString>
#include <QTemporaryDir>

namespace fairtender::desktop::test {

inline QString samplePath(const char* name) {
    return QDir(QStringLiteral(FAIRTENDER_SOURCE_DIR "/samples")).filePath(QString::fromUtf8(name));
}

// A writable copy of the school meals sample inside `into` (tender.xml, evaluations.xml,
// bids/), for tests that change a folder; returns its path.
inline QString copyOfSchoolMeals(const QTemporaryDir& into) {
    const QString target = into.filePath(QStringLiteral("school-meals"));
    const QDir source(samplePath("school-meals"));
    QDir().mkpath(target + QStringLiteral("/bids"));
    for (const QString& name : {QStringLiteral("tender.xml"), QStringLiteral("evaluations.xml")})
        QFile::copy(source.filePath(name), target + QLatin1Char('/') + name);
    const QDir bids(source.filePath(QStringLiteral("bids")));
    for (const QString& name : bids.entryList(QDir::Files))
        QFile::copy(bids.filePath(name), target + QStringLiteral("/bids/") + name);
    return target;
}

// Points QSettings at `settingsDir` for the rest of the test run.
inline void isolateSettings(const QTemporaryDir& settingsDir) {
    QCoreApplication::setOrganizationName(QStringLiteral("FairtenderTests"));
    QCoreApplication::setApplicationName(QStringLiteral("fairtender-desktop-tests"));
    QSettings::setDefaultFormat(QSettings::IniFormat);
    QSettings::setPath(QSettings::IniFormat, QSettings::UserScope, settingsDir.path());
}

} // namespace fairtender::desktop::test
