#pragma once

#include <QObject>
#include <QStringList>
#include <QtQml/qqmlregistration.h>

namespace s2a::inference {
class GenerationWorker;
}

namespace s2a::ui {

// Generate > Engine Settings…: where the diffusion engine runs (auto, CPU, CUDA) and with how many CPU
// threads. Kept in the user's settings; a change restarts the worker's diffusion engine, so the next job
// uses it (a running job finishes as it started).
class EngineSettings : public QObject {
    Q_OBJECT
    QML_ELEMENT
    QML_UNCREATABLE("Created by the application")
    Q_PROPERTY(QString device READ device WRITE setDevice NOTIFY changed)
    Q_PROPERTY(int threads READ threads WRITE setThreads NOTIFY changed)
    Q_PROPERTY(QStringList devices READ devices CONSTANT)
    Q_PROPERTY(int maxThreads READ maxThreads CONSTANT)

public:
    explicit EngineSettings(inference::GenerationWorker* worker, QObject* parent = nullptr);

    QString device() const;
    void setDevice(const QString& device);
    int threads() const;
    void setThreads(int threads);
    // "auto", "cpu", and "cuda" when this LibTorch sees a GPU.
    QStringList devices() const { return m_devices; }
    int maxThreads() const;

Q_SIGNALS:
    void changed();

private:
    void apply(const QString& device, int threads);

    inference::GenerationWorker* m_worker;
    QStringList m_devices;
};

}  // namespace s2a::ui
