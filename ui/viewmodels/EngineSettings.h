#pragma once

#include <QFutureWatcher>
#include <QSettings>
#include <QObject>
#include <QStringList>
#include <QtQml/qqmlregistration.h>

#include <algorithm>
#include <cmath>

namespace s2a::inference {
class GenerationWorker;
}

namespace s2a::ui {

// Settings > Generation: the engine new songs start with, where the diffusion engine runs (auto, CPU, CUDA)
// and with how many CPU threads, and which model it loads (a built-in config and a weights file, checked
// against the config's shapes before it is kept, with its SHA-256 shown). Kept in the user's settings; a
// change restarts the worker's diffusion engine, so the next job uses it (a running job finishes as it started).
class EngineSettings : public QObject {
    Q_OBJECT
    QML_ELEMENT
    QML_UNCREATABLE("Created by the application")
    Q_PROPERTY(QString device READ device WRITE setDevice NOTIFY changed)
    Q_PROPERTY(int threads READ threads WRITE setThreads NOTIFY changed)
    Q_PROPERTY(QStringList devices READ devices CONSTANT)
    Q_PROPERTY(int maxThreads READ maxThreads CONSTANT)
    // "arranger" or "diffusion": what New Song offers first, and Regenerate where a take names no engine.
    Q_PROPERTY(QString defaultEngine READ defaultEngine WRITE setDefaultEngine NOTIFY changed)
    // What the inspector starts each section's regeneration with (it can change them per job): takes per
    // request (1-4), sampler steps (4-200), guidance (1-10), context seconds (0-30).
    Q_PROPERTY(int takesPerJob READ takesPerJob WRITE setTakesPerJob NOTIFY changed)
    Q_PROPERTY(int defaultSteps READ defaultSteps WRITE setDefaultSteps NOTIFY changed)
    Q_PROPERTY(double defaultGuidance READ defaultGuidance WRITE setDefaultGuidance NOTIFY changed)
    Q_PROPERTY(int defaultContext READ defaultContext WRITE setDefaultContext NOTIFY changed)
    // The built-in model configs ("tiny", "s2a-402m") and the chosen one.
    Q_PROPERTY(QStringList configs READ configs CONSTANT)
    Q_PROPERTY(QString config READ config NOTIFY changed)
    // The weights file the engine loads now (the chosen one, or the config's default) and whether it exists.
    Q_PROPERTY(QString weightsPath READ weightsPath NOTIFY changed)
    Q_PROPERTY(bool hasWeights READ hasWeights NOTIFY changed)
    // A weights check in progress, and what the last one found ("" before any).
    Q_PROPERTY(bool checking READ checking NOTIFY checkChanged)
    Q_PROPERTY(QString checkText READ checkText NOTIFY checkChanged)
    Q_PROPERTY(bool checkPassed READ checkPassed NOTIFY checkChanged)

public:
    explicit EngineSettings(inference::GenerationWorker* worker, QObject* parent = nullptr);

    QString device() const;
    void setDevice(const QString& device);
    int threads() const;
    void setThreads(int threads);
    // "auto", "cpu", and "cuda" when this LibTorch sees a GPU.
    QStringList devices() const { return m_devices; }
    int maxThreads() const;
    QString defaultEngine() const;
    void setDefaultEngine(const QString& id);
    int takesPerJob() const { return storedNumber(kTakesKey, 1, 1, 4); }
    void setTakesPerJob(int takes) { storeNumber(kTakesKey, std::clamp(takes, 1, 4)); }
    int defaultSteps() const { return storedNumber(kStepsKey, 32, 4, 200); }
    void setDefaultSteps(int steps) { storeNumber(kStepsKey, std::clamp(steps, 4, 200)); }
    double defaultGuidance() const { return storedNumber(kGuidanceKey, 4.0, 1.0, 10.0); }
    void setDefaultGuidance(double guidance) { storeNumber(kGuidanceKey, std::clamp(guidance, 1.0, 10.0)); }
    int defaultContext() const { return storedNumber(kContextKey, 10, 0, 30); }
    void setDefaultContext(int seconds) { storeNumber(kContextKey, std::clamp(seconds, 0, 30)); }
    QStringList configs() const;
    QString config() const;
    QString weightsPath() const;
    bool hasWeights() const;
    bool checking() const { return m_checking; }
    QString checkText() const { return m_checkText; }
    bool checkPassed() const { return m_checkPassed; }

    // Checks `path` (a local file; "" = the config's default weights) against `config` off the UI thread; when
    // it fits, the pair is kept and the engine restarts with it. checkChanged() reports the result.
    Q_INVOKABLE void chooseWeights(const QString& config, const QString& path);
    Q_INVOKABLE void chooseWeightsUrl(const QString& config, const QUrl& url);

Q_SIGNALS:
    void changed();
    void checkChanged();

private:
    static constexpr const char* kTakesKey = "engines/defaults/takes";
    static constexpr const char* kStepsKey = "engines/defaults/steps";
    static constexpr const char* kGuidanceKey = "engines/defaults/guidance";
    static constexpr const char* kContextKey = "engines/defaults/contextSeconds";
    // A stored number, or `fallback` when none (or nonsense) is stored.
    template <typename T>
    static T storedNumber(const char* key, T fallback, T low, T high);
    template <typename T>
    void storeNumber(const char* key, T value);
    void apply(const QString& device, int threads);
    void checkFinished();

    struct CheckOutcome {
        QString config;
        QString path;
        QString text;
        bool passed = false;
    };
    inference::GenerationWorker* m_worker;
    QStringList m_devices;
    QFutureWatcher<CheckOutcome> m_check;
    bool m_checking = false;  // until checkFinished() has applied the result, not only until the work ends
    QString m_checkText;
    bool m_checkPassed = false;
};

template <typename T>
T EngineSettings::storedNumber(const char* key, T fallback, T low, T high)
{
    bool ok = false;
    const double value = QSettings().value(QLatin1String(key)).toDouble(&ok);
    return ok && std::isfinite(value) && value >= double(low) && value <= double(high) ? T(value) : fallback;
}

template <typename T>
void EngineSettings::storeNumber(const char* key, T value)
{
    if (QSettings().value(QLatin1String(key)).toDouble() == double(value) && QSettings().contains(QLatin1String(key)))
        return;
    QSettings().setValue(QLatin1String(key), value);
    Q_EMIT changed();
}

}  // namespace s2a::ui
