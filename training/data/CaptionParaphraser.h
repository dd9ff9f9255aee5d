#pragma once

// Template rewordings of captions, so the trainer sees the same meaning in varied words (the paper paraphrases
// its segment captions with a language model; templates keep this deterministic and offline). Every
// paraphrase keeps each word the arranger's CaptionParser reads (style, instruments, tempo, key, mood) and is
// checked against it: a rewording the parser reads differently from the original is never returned.
#include <QString>
#include <QStringList>

namespace s2a::training {

// "happy disco with piano, 112 bpm" -> {itself, "a happy disco track featuring piano at 112 bpm",
// "disco, happy mood, piano, 112 BPM", ...}: the caption first, then up to `count` distinct rewordings (fewer
// only when the templates run out), the same for the same caption and seed.
QStringList paraphraseCaption(const QString& caption, int count, quint64 seed);

// "soft opening" -> {itself, "the section is a soft opening", "soft opening section", ...}; as above.
QStringList paraphraseSectionCaption(const QString& caption, int count, quint64 seed);

// True when CaptionParser reads both captions as the same request (mood words in any order).
bool captionsMeanTheSame(const QString& a, const QString& b);

}  // namespace s2a::training
