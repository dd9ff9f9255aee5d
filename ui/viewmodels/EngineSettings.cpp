#include "ui/viewmodels/EngineSettings.h"

#include "inference/EngineCatalogue.h"
#include "inference/GenerationWorker.h"
#include "inference/InferenceRuntime.h"

#include "inference/diffusion/DiffusionEngine.h"
#include "inference/model/ModelConfig.h"

#include <QDir>
#include <QFileInfo>
#include <QSettings>
#include <QThread>
#include <QUrl>
#include <QtConcurrent/QtConcurrentRun>

#include <algorithm>

namespace s2a::ui {

EngineSettings::EngineSettings(inference::GenerationWorker* worker, QObject* parent)
    : QObject(parent), m_worker(worker)
{
    m_devices = {QStringLiteral("auto"), QStringLiteral("cpu")};
    if (inference::cudaAvailable())
        m_devices << QStringLiteral("cuda");
    connect(&m_check, &QFutureWatcher<CheckOutcome>::finished, this, &EngineSettings::checkFinished);
}

namespace {
const QString kDefaultEngineKey = QStringLiteral("engines/default");
}

QString EngineSettings::defaultEngine() const
{
    const QString id = QSettings().value(kDefaultEngineKey, QStringLiteral("arranger")).toString();
    const auto info = inference::engineInfo(id);
    return info && info->available ? id : QStringLiteral("arranger");
}

void EngineSettings::setDefaultEngine(const QString& id)
{
    const auto info = inference::engineInfo(id);
    if (!info || id == defaultEngine())
        return;
    QSettings().setValue(kDefaultEngineKey, id);
    Q_EMIT changed();
}

QStringList EngineSettings::configs() const
{
    QStringList names;
    for (const std::string& name : model::builtinModelConfigNames())
        names << QString::fromStdString(name);
    return names;
}

QString EngineSettings::config() const { return inference::diffusionSettings().config; }
QString EngineSettings::weightsPath() const { return inference::weightsPathFor(inference::diffusionSettings()); }
bool EngineSettings::hasWeights() const { return QFileInfo(weightsPath()).isFile(); }

void EngineSettings::chooseWeightsUrl(const QString& config, const QUrl& url)
{
    chooseWeights(config, url.isLocalFile() ? url.toLocalFile() : url.toString());
}

void EngineSettings::chooseWeights(const QString& config, const QString& path)
{
    if (m_checking)
        return;
    if (!configs().contains(config)) {
        m_checkText = tr("There is no model config “%1”.").arg(config);
        m_checkPassed = false;
        Q_EMIT checkChanged();
        return;
    }
    m_checkText = tr("Checking %1…").arg(QDir::toNativeSeparators(path.isEmpty() ? inference::diffusion::defaultWeightsPath(config) : path));
    m_checkPassed = false;
    m_checking = true;
    m_check.setFuture(QtConcurrent::run([config, path] {
        const QString file = path.isEmpty() ? inference::diffusion::defaultWeightsPath(config) : path;
        CheckOutcome outcome{config, path, {}, false};
        if (!QFileInfo(file).isFile()) {
            outcome.text = tr("%1 is not a file.").arg(QDir::toNativeSeparators(file));
            return outcome;
        }
        const auto check = inference::diffusion::checkWeightsFile(config, file);
        if (!check) {
            outcome.text = check.errorMessage();
            return outcome;
        }
        outcome.passed = true;
        //: %1 config name, %2 millions of parameters, %3 tensor count, %4 the file's SHA-256
        outcome.text = tr("Fits %1: %2 M parameters in %3 tensors.\nSHA-256 %4")
                           .arg(config)
                           .arg(double(check->parameterCount) / 1e6, 0, 'f', 1)
                           .arg(check->tensorCount)
                           .arg(check->sha256);
        return outcome;
    }));
    Q_EMIT checkChanged();
}

void EngineSettings::checkFinished()
{
    const CheckOutcome outcome = m_check.result();
    m_checking = false;
    m_checkText = outcome.text;
    m_checkPassed = outcome.passed;
    if (outcome.passed) {
        inference::DiffusionSettings after = inference::storedDiffusionSettings();
        const bool same = after.config == outcome.config && after.weights == outcome.path;
        after.config = outcome.config;
        after.weights = outcome.path;
        inference::setDiffusionSettings(after);
        if (!same) {
            if (m_worker)
                m_worker->restartEngine(QStringLiteral("diffusion"));
            Q_EMIT changed();
        }
    }
    Q_EMIT checkChanged();
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
