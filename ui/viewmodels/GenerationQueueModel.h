#pragma once

#include "core/persistence/ProjectDocument.h"
#include "inference/GenerationWorker.h"

#include <QAbstractListModel>
#include <QVariantList>
#include <QVariantMap>
#include <QVector>
#include <QtQml/qqmlregistration.h>

#include <memory>

namespace s2a::ui {

// The editor's generation queue: every Regenerate the user asks for becomes a row here, runs on the
// GenerationWorker's thread from a snapshot of the song, and when it is done becomes a take of the open song
// (one undo step) on the UI thread. Rows stay after they end (done, failed, cancelled) until cleared, so the
// user sees what happened to each request.
class GenerationQueueModel : public QAbstractListModel {
    Q_OBJECT
    QML_ELEMENT
    QML_UNCREATABLE("Created by the application")
    Q_PROPERTY(int count READ count NOTIFY countChanged)
    Q_PROPERTY(int activeCount READ activeCount NOTIFY activeCountChanged)
    Q_PROPERTY(bool busy READ busy NOTIFY activeCountChanged)
    Q_PROPERTY(QVariantList engines READ engines CONSTANT)

public:
    enum Role {
        JobIdRole = Qt::UserRole + 1,
        TitleRole,      // "Regenerate chorus 2"
        SectionIdRole,  // a repaint's: the section holding the middle of its range
        StateRole,      // "queued", "running", "done", "failed", "cancelled"
        ProgressRole,   // 0..1
        EtaTextRole,    // "about 12 s left"; empty when unknown or not running
        MessageRole,    // the stage while running, then the outcome ("New take ready", the error)
    };
    Q_ENUM(Role)

    explicit GenerationQueueModel(core::ProjectDocument* document, QObject* parent = nullptr);
    ~GenerationQueueModel() override;

    int rowCount(const QModelIndex& parent = {}) const override;
    QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const override;
    QHash<int, QByteArray> roleNames() const override;

    int count() const { return int(m_rows.size()); }
    int activeCount() const;
    bool busy() const { return activeCount() > 0; }
    // One map per engine: id, name, available, reason (why not, when not).
    QVariantList engines() const;

    // Queues a regeneration of the section. options: caption (string; set on the section in the same undo step
    // as the take), seed (number or decimal string; 0 or absent = random), steps, guidance, contextSeconds,
    // engine ("arranger", the default), priority (higher runs first). Returns a sentence saying why not, or
    // an empty string when queued.
    // Options also take "takes" (1 to kMaxTakesPerRequest): that many jobs with consecutive seeds, one take each,
    // "weights" (diffusion: a weights file, path or file: URL, instead of the one in Settings), and "stems" (track ids
    // or instruments to add: only those anew, the other stems kept; inference/StemReplacement.h).
    Q_INVOKABLE QString regenerate(const QString& sectionId, const QVariantMap& options = {});
    // Queues a repaint of [start, end) (project samples; any range inside the song, across sections): every
    // section it touches gets a take that differs from its current audio only inside the range, all in one undo
    // step. The same options as regenerate(), except that the caption is the range's and no section's changes.
    Q_INVOKABLE QString repaint(qint64 start, qint64 end, const QVariantMap& options = {});
    static constexpr int kMaxTakesPerRequest = 4;
    Q_INVOKABLE void cancel(int row);
    Q_INVOKABLE void cancelAll();
    Q_INVOKABLE void clearFinished();
    // For tests: processes events until no job is queued or running, or `timeoutMs` passed. True when idle.
    Q_INVOKABLE bool waitForIdle(int timeoutMs);

    inference::GenerationWorker* worker() { return m_worker.get(); }

Q_SIGNALS:
    void countChanged();
    void activeCountChanged();
    // A sentence for the status line and screen readers: "Chorus 2: new take ready", or what went wrong.
    void announced(const QString& message);
    void takeAdded(const QString& sectionId, const QString& takeId);

private:
    struct Row {
        int jobId = 0;
        QString title;
        QString sectionId;
        QString sectionName;  // "chorus 2"
        QString state;
        double progress = 0.0;
        double etaSeconds = -1.0;
        QString message;
        int songEpoch = 0;    // which song (see m_songEpoch) the job was made from
    };

    // Reads regenerate()'s options into `job` (engine, seed, steps, ..., the song's snapshot) and `takes`;
    // returns why not, or an empty string.
    QString jobFromOptions(const QVariantMap& options, inference::GenerationJob& job, int& takes) const;
    void enqueueTakes(const inference::GenerationJob& job, int takes, const QString& title, const QString& sectionId,
                      const QString& name);
    int rowOf(int jobId) const;
    void changed(int row);
    void finish(int row, const QString& state, const QString& message);
    void announce(const Row& row, const QString& what);
    QString currentBundle() const;
    QString sectionName(const core::ProjectData& data, int index) const;
    QString etaText(const Row& row) const;

    void onStarted(int jobId);
    void onProgress(int jobId, double fraction, const QString& stage, double etaSeconds);
    void onFinished(int jobId, const inference::RenderedTakes& takes);
    void onFailed(int jobId, const QString& message);
    void onCancelled(int jobId);
    void onSongReplaced();

    core::ProjectDocument* m_document;
    QVector<Row> m_rows;
    // Counts the songs the document has held: open, new, import and recovery all replace the project's data,
    // and a take made from one song must never land in another.
    int m_songEpoch = 0;
    std::unique_ptr<inference::GenerationWorker> m_worker;  // last member: its thread stops before the rest goes
};

}  // namespace s2a::ui
