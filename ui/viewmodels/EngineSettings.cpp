#include "ui/viewmodels/EngineSettings.h"

#include "inference/EngineCatalogue.h"
#include "inference/GenerationWorker.h"
#include "inference/InferenceRuntime.h"

#include <QThread>

#include <algorithm>

namespace s2a::ui {

EngineSettings::EngineSettings(inference::GenerationWorker* worker, QObject* parent)
    : QObject(parent), m_worker(worker)
{
    m_devices = {QStringLiteral("auto"), QStringLiteral("cpu")};
    if (inference::cudaAvailable())
        m_devices << QStringLiteral("cuda");
}

QString EngineSettings::device() const { return inference::diffusionSettings().device; }
int EngineSettings::threads() const { return inference::diffusionSettings().threads; }
int EngineSettings::maxThreads() const { return std::max(1, QThread::idealThreadCount()); }

void EngineSettings::setDevice(const QString& device)
{
    if (m_devices.contains(device))
        apply(device, threads());
}

void EngineSettings::setThreads(int threads)
{
    apply(device(), std::clamp(threads, 0, maxThreads()));
}

void EngineSettings::apply(const QString& device, int threads)
{
    const inference::DiffusionSettings before = inference::storedDiffusionSettings();
    if (before.device == device && before.threads == threads)
        return;
    inference::DiffusionSettings after = before;  // keeps the stored model config and text encoder
    after.device = device;
    after.threads = threads;
    inference::setDiffusionSettings(after);
    if (m_worker)
        m_worker->restartEngine(QStringLiteral("diffusion"));
    Q_EMIT changed();
}

}  // namespace s2a::ui
