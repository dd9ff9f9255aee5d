#pragma once

// What the diffusion engine tests share: a three-section sine song, the engine on the CPU, and a file's SHA-256
// (what a take records of its weights).
#include "AudioFixtures.h"

#include "core/model/Project.h"
#include "core/persistence/ProjectBundle.h"
#include "inference/diffusion/DiffusionEngine.h"

#include <QCryptographicHash>
#include <QDir>
#include <QFile>

namespace s2a::test {

// The engine on `weights`, on the CPU with two threads (the dev machine's cores).
inline inference::diffusion::DiffusionOptions cpuDiffusionOptions(const QString& weights)
{
    inference::diffusion::DiffusionOptions o;
    o.config = QStringLiteral("tiny");  // the tests' random weights: the small config is the quick one
    o.weightsPath = weights;
    o.device = QStringLiteral("cpu");
    o.cpuThreads = 2;
    return o;
}

inline QString fileSha256(const QString& path)
{
    QFile f(path);
    if (!f.open(QIODevice::ReadOnly))
        return {};
    QCryptographicHash h(QCryptographicHash::Sha256);
    h.addData(&f);
    return QString::fromLatin1(h.result().toHex());
}

// A sine song with three sections and three tracks (drums, bass, keys roles) in `bundle`, saved.
inline core::ProjectData threeSectionSong(const QString& bundle)
{
    QDir().mkpath(bundle);
    core::ProjectData data = makeSineSong(bundle, 3, 6.0);
    data.tracks[0].role = core::TrackRole::Drums;
    data.tracks[1].role = core::TrackRole::Bass;
    data.tracks[2].role = core::TrackRole::Keys;
    core::Project project(data);
    const QString first = project.data().sections[0].id;
    if (!project.splitSection(first, 88211) || !project.splitSection(project.data().sections[1].id, 176399))
        qFatal("split failed");
    project.setSectionLabel(project.data().sections[1].id, core::SectionLabel::Verse);
    project.setSectionLabel(project.data().sections[2].id, core::SectionLabel::Chorus);
    if (Status s = core::bundle::save(project.data(), bundle); !s)
        qFatal("save failed: %s", qPrintable(s.errorMessage()));
    return project.data();
}

}  // namespace s2a::test
