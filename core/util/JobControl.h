#pragma once

#include "core/util/Result.h"

#include <QString>

#include <algorithm>
#include <atomic>

namespace s2a {

// How a long job (generation, export, analysis) reports progress and learns it was cancelled. Jobs call
// progress() often (at least once per step) and stop within one step once cancelled() is true.
class JobControl {
public:
    virtual ~JobControl() = default;
    virtual void progress(double fraction, const QString& stage) = 0;
    virtual bool cancelled() const = 0;
};

// A child job that follows its parent's cancellation and keeps its own progress to itself (work run many at a
// time on a pool, whose parent reports per finished item).
class QuietJobControl : public JobControl {
public:
    explicit QuietJobControl(const JobControl& parent) : m_parent(parent) {}
    void progress(double, const QString&) override {}
    bool cancelled() const override { return m_parent.cancelled(); }

private:
    const JobControl& m_parent;
};

// Maps a phase's own 0..1 progress into its share [from, to] of the whole job, and passes cancel through, so
// an engine that knows nothing of the phases around it still moves one steady bar.
class PhaseJob : public JobControl {
public:
    PhaseJob(JobControl& outer, double from, double to) : m_outer(outer), m_from(from), m_to(to) {}
    void progress(double fraction, const QString& stage) override
    {
        m_outer.progress(m_from + (m_to - m_from) * std::clamp(fraction, 0.0, 1.0), stage);
    }
    bool cancelled() const override { return m_outer.cancelled(); }

private:
    JobControl& m_outer;
    double m_from;
    double m_to;
};

// A JobControl for synchronous callers (tests, CLI): records progress, cancels on request (from any thread).
class SimpleJobControl : public JobControl {
public:
    void progress(double fraction, const QString& stage) override
    {
        lastFraction = fraction;
        lastStage = stage;
    }
    bool cancelled() const override { return cancelRequested.load(); }
    std::atomic<bool> cancelRequested{false};
    double lastFraction = 0.0;
    QString lastStage;
};

// The error every job returns when it was cancelled, so callers can tell it from a failure.
inline Error cancelledError() { return Error{QStringLiteral("Cancelled.")}; }
inline bool isCancelled(const Error& e) { return e.message == QLatin1String("Cancelled."); }

}  // namespace s2a
