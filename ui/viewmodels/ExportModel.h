#pragma once

#include "core/persistence/ProjectDocument.h"
#include "ui/viewmodels/BackgroundJob.h"

#include <QFutureWatcher>
#include <QObject>
#include <QTimer>
#include <QUrl>
#include <QtQml/qqmlregistration.h>

#include <atomic>
#include <memory>

namespace s2a::ui {

// The Export dialog's job: runs an export of the open song on a worker thread with progress and cancel, and
// reports the written files or the reason it failed. The UI thread never waits for it.
class ExportModel : public QObject {
    Q_OBJECT
    QML_ELEMENT
    QML_UNCREATABLE("Created by the application")
    Q_PROPERTY(bool running READ running NOTIFY runningChanged)
    Q_PROPERTY(double progress READ progress NOTIFY progressChanged)
    Q_PROPERTY(QString stage READ stage NOTIFY progressChanged)
    Q_PROPERTY(QString result READ result NOTIFY finished)

public:
    explicit ExportModel(core::ProjectDocument* document, QObject* parent = nullptr);
    ~ExportModel() override;

    bool running() const { return m_watcher.isRunning(); }
    double progress() const;
    QString stage() const;
    QString result() const { return m_result; }

    // what: "stems", "mix", "sections", or "range" (stems and mix of [rangeStart, rangeEnd), project samples: the
    // loop region); format: "wav16", "wav24", "wav32", "flac16", "flac24", "ogg", "mp3"; sampleRate 0 keeps the
    // song's; lufs 0 = no normalisation; midi: also each track's notes as .mid (not with "sections"). Returns an error to show at once, or empty when the export started
    // (finished() follows).
    Q_INVOKABLE QString start(const QUrl& folder, const QString& what, const QString& format, int sampleRate, double lufs,
                              bool overwrite, qint64 rangeStart = 0, qint64 rangeEnd = 0, bool midi = false);
    Q_INVOKABLE void cancel();

Q_SIGNALS:
    void runningChanged();
    void progressChanged();
    // `ok` false: `message` says why (nothing was left behind).
    void finished(bool ok, const QString& message);

private:
    core::ProjectDocument* m_document;
    std::shared_ptr<BackgroundJob> m_job;
    QFutureWatcher<QString> m_watcher;
    QTimer m_poll;
    QString m_result;
};

}  // namespace s2a::ui
