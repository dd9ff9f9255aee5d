#pragma once

// Public face of the inference library: Qt types only, no torch headers, so ui/ and app/ compile without
// LibTorch and without QT_NO_KEYWORDS.
#include <QString>

namespace s2a::inference {

struct RuntimeInfo {
    QString description;  // "LibTorch 1.13.1, CPU (2 threads)"
    bool cuda = false;
};

// Picks the device the engines will use ("auto", "cuda", "cpu") and reports what was chosen.
RuntimeInfo probeRuntime(const QString& preferredDevice = QStringLiteral("auto"), int cpuThreads = 0);
// Whether this LibTorch sees a CUDA device; unlike probeRuntime, changes nothing.
bool cudaAvailable();

}  // namespace s2a::inference
