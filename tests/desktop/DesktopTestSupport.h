// Shared set-up for the desktop GUI tests: settings kept in a throwaway folder so tests
// never read or change the user's, and paths to the shipped samples.
#pragma once

#include <QCoreApplication>
#include <QDir>
#include <QSettings>
#include <QString>
#include <QTemporaryDir>

namespace fairtender::desktop::test {

inline QString samplePath(const char* name) {
    return QDir(QStringLiteral(FAIRTENDER_SOURCE_DIR "/samples")).filePath(QString::fromUtf8(name));
}

// Points QSettings at `settingsDir` for the rest of the test run.
inline void isolateSettings(const QTemporaryDir& settingsDir) {
    QCoreApplication::setOrganizationName(QStringLiteral("FairtenderTests"));
    QCoreApplication::setApplicationName(QStringLiteral("fairtender-desktop-tests"));
    QSettings::setDefaultFormat(QSettings::IniFormat);
    QSettings::setPath(QSettings::IniFormat, QSettings::UserScope, settingsDir.path());
}

} // namespace fairtender::desktop::test
