#pragma once

#include "core/util/JobControl.h"

#include <QMutex>
#include <QString>

#include <atomic>

namespace s2a::ui {

// A JobControl for work on a worker thread watched by the UI: the worker writes progress, the UI thread
// reads it from a timer and may cancel at any time.
class BackgroundJob : public JobControl {
public:
    void progress(double fraction, const QString& stage) override
    {
        m_fraction.store(fraction);
        QMutexLocker lock(&m_mutex);
        m_stage = stage;
    }
    bool cancelled() const override { return m_cancel.load(); }
    void cancel() { m_cancel.store(true); }
    double fraction() const { return m_fraction.load(); }
    QString stage() const
    {
        QMutexLocker lock(&m_mutex);
        return m_stage;
    }

private:
    std::atomic<double> m_fraction{0.0};
    std::atomic<bool> m_cancel{false};
    mutable QMutex m_mutex;
    QString m_stage;
};

}  // namespace s2a::ui
