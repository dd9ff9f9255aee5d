#include "inference/arranger/SectionCaptions.h"

#include <QVector>

namespace s2a::inference::arranger {

namespace {

const QString& pick(Rng& rng, const QVector<QString>& items) { return items[rng.range(0, int(items.size()) - 1)]; }

}  // namespace

QString defaultSectionCaption(Rng& rng, core::SectionLabel label)
{
    using L = core::SectionLabel;
    static const QVector<QString> intro{"sparse intro", "quiet, atmospheric", "soft opening", "building intro"};
    static const QVector<QString> verse{"steady groove", "laid back verse", "tight groove", "calm verse"};
    static const QVector<QString> pre{"building tension", "rising", "building"};
    static const QVector<QString> chorus{"full band, big", "powerful chorus", "huge and anthemic", "full and bright"};
    static const QVector<QString> bridge{"contrast, borrowed chords", "stripped back", "dreamy bridge"};
    static const QVector<QString> outro{"fading out", "gentle ending", "sparse outro"};
    switch (label) {
    case L::Intro: return pick(rng, intro);
    case L::PreChorus:
    case L::Build: return pick(rng, pre);
    case L::Chorus:
    case L::Drop: return pick(rng, chorus);
    case L::Bridge:
    case L::Breakdown: return pick(rng, bridge);
    case L::Outro: return pick(rng, outro);
    default: return pick(rng, verse);
    }
}

}  // namespace s2a::inference::arranger
