#pragma once

#include "core/persistence/ProjectDocument.h"
#include "ui/viewmodels/BackgroundJob.h"

#include <QFutureWatcher>
#include <QObject>
#include <QStringList>
#include <QTimer>
#include <QVariantList>
#include <QVariantMap>
#include <QtQml/qqmlregistration.h>

#include <memory>

namespace s2a::inference {
class Generator;
}

namespace s2a::ui {

// The New Song dialog's job: checks what the user asked for, generates the song on a worker thread into a
// fresh untitled bundle (progress, cancel), then makes it the open, unsaved song. The open song is touched only
// when the new one is complete, so a cancel or a failure leaves it exactly as it was. Asking about unsaved
// changes of the open song is the window's business, before it calls create().
class NewSongModel : public QObject {
    Q_OBJECT
    QML_ELEMENT
    QML_UNCREATABLE("Created by the application")
    Q_PROPERTY(QStringList templates READ templates CONSTANT)
    Q_PROPERTY(QVariantList engines READ engines CONSTANT)
    Q_PROPERTY(bool busy READ busy NOTIFY busyChanged)
    Q_PROPERTY(double progress READ progress NOTIFY progressChanged)
    Q_PROPERTY(QString stage READ stage NOTIFY progressChanged)

public:
    explicit NewSongModel(core::ProjectDocument* document, QObject* parent = nullptr);
    ~NewSongModel() override;

    QStringList templates() const;
    // One map per engine: id, name, available, reason (why not, when unavailable).
    QVariantList engines() const;
    bool busy() const { return m_busy; }
    double progress() const;
    QString stage() const;

    // The live "I understood" line: style, tempo, key, band, feel; what the caption leaves open is said to be
    // open. tempo 0 and key "" mean "from the caption". Empty for an empty caption.
    Q_INVOKABLE QString understood(const QString& caption, double tempo = 0.0, const QString& key = QString()) const;
    // What the caption fixes, as values for the dialog's fields: tempo (0 when open), tempoMin, tempoMax, key
    // ("" when open). Empty for an empty or unreadable caption.
    Q_INVOKABLE QVariantMap reading(const QString& caption, const QString& key = QString()) const;
    // spec keys: caption, template, structure (overrides template when not empty), length ("2:30"; "" = the
    // form's own length), tempo (0 = auto), key ("" = auto), engine, seed (0 or "" = random), title. Returns a
    // sentence saying what is wrong, or empty when the song is being made (finished() follows).
    Q_INVOKABLE QString create(const QVariantMap& spec);
    // Stops the job; the open song stays as it was and nothing is left on disk. finished() follows.
    Q_INVOKABLE void cancel();
    // For tests: processes events until no job runs (finished() has been emitted). False on timeout.
    Q_INVOKABLE bool waitForIdle(int timeoutMs);
    // Engines made so far. The last one is kept warm for the next song (the diffusion engine keeps its weights
    // loaded) until the engine chosen or its settings change.
    int enginesMade() const { return m_enginesMade; }

Q_SIGNALS:
    void busyChanged();
    void progressChanged();
    // Empty message: the new song is open. Otherwise why not (cancelled, or the engine's failure).
    void finished(const QString& message);

private:
    void onJobFinished();
    void setBusy(bool busy);

    core::ProjectDocument* m_document;
    std::shared_ptr<BackgroundJob> m_job;
    QFutureWatcher<QString> m_watcher;
    QTimer m_poll;
    bool m_busy = false;
    QString m_bundle;          // the untitled bundle the running job writes into
    core::ProjectData m_made;  // written by the worker before it finishes, read on the UI thread after
    // Used by one job at a time (create() refuses while busy), so the pool thread owns it while it runs.
    std::shared_ptr<inference::Generator> m_engine;
    QString m_engineIdentity;  // inference::engineIdentity() when m_engine was made
    int m_enginesMade = 0;
};

}  // namespace s2a::ui
