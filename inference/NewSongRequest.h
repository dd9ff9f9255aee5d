#pragma once

// "Make me a new song": what the user asks for (caption, form, length, tempo, key, seed) turned into the
// GenerationRequest an engine renders. One piece of code for the CLI's `new` and the editor's New Song dialog,
// so both lay out the same song for the same spec and seed. No torch, no FluidSynth in this header.
#include "inference/Generator.h"
#include "inference/SongStructure.h"

#include <QString>
#include <QStringList>

namespace s2a::inference {

struct NewSongSpec {
    QString caption;
    QString structure;                     // custom form "intro:4,verse:8,..."; overrides templateName when set
    QString templateName;                  // pop, rock, edm, ambient, ballad; empty = pop
    double lengthSeconds = 0.0;            // fit the form to about this long; 0 = the form's natural length
    double tempo = 0.0;                    // BPM; 0 = from the caption (else the style and the seed)
    QString key;                           // "D minor"; empty = from the caption (else the style and the seed)
    quint64 seed = 0;
    int sampleRate = 44100;
};

// The spec's form in bars, before any fitting: its structure when set, else its template.
Result<SongForm> newSongForm(const NewSongSpec& spec);

// The whole-song request: tempo and key planned from the caption (the spec's own tempo and key win), the
// form fitted to the length at that tempo, sections of whole bars from 0. Fails with a sentence on a bad
// form, tempo or key.
Result<GenerationRequest> newSongRequest(const NewSongSpec& spec);

// "2:30" or "150" -> seconds, between 10 s and 20 min.
Result<double> parseSongLength(const QString& text);

// What a caption fixes, and what it leaves to the style and the seed: the dialog's live "I understood" line
// before any seed is chosen, so nothing the seed decides is shown as if the caption had said it.
struct CaptionReading {
    QString style;                 // "funk"
    bool styleFromCaption = false;
    double tempo = 0.0;            // fixed by the caption (or the spec); 0 = the seed picks within the range
    double tempoMin = 0.0;         // the style's range
    double tempoMax = 0.0;
    QString key;                   // "D minor" when fixed; empty = the seed picks it
    QString tonic;                 // "D" when only the tonic is fixed (the seed picks the mode)
    QString mode;                  // "minor"/"major" when only the mode is fixed (by a word or a mood)
    QStringList band;              // instrument names, lower case, in desk order
    QStringList moods;
    QStringList unknownWords;      // words of the caption nothing understood
};

// Fails only on a bad explicit tempo or key.
Result<CaptionReading> readCaption(const QString& caption, double tempo = 0.0, const QString& key = {});

// The reading as one line: "synthwave (EDM grooves) · 100 BPM · a minor key · band: ... · I did not understand:
// arpeggiated". One sentence for the New Song dialog and `s2a understand`, so both say the same.
QString describeReading(const CaptionReading& reading);

}  // namespace s2a::inference
