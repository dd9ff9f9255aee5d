#include "inference/arranger/InstrumentCatalog.h"

#include <algorithm>
#include <cstring>

namespace s2a::inference::arranger {
namespace {

using R = core::TrackRole;

std::vector<InstrumentWord> buildWords()
{
    std::vector<InstrumentWord> w{
        {"grand piano", R::Keys, 0, "Piano"}, {"piano", R::Keys, 0, "Piano"}, {"keys", R::Keys, -1, nullptr},
        {"keyboard", R::Keys, -1, nullptr}, {"electric piano", R::Keys, 4, "Electric piano"},
        {"rhodes", R::Keys, 4, "Rhodes"}, {"wurlitzer", R::Keys, 5, "Wurlitzer"}, {"wurli", R::Keys, 5, "Wurlitzer"},
        {"ep", R::Keys, 4, "Electric piano"}, {"organ", R::Keys, 16, "Organ"}, {"hammond", R::Keys, 16, "Hammond organ"},
        {"church organ", R::Keys, 19, "Church organ"}, {"clavinet", R::Keys, 7, "Clavinet"}, {"clav", R::Keys, 7, "Clavinet"},
        {"harpsichord", R::Keys, 6, "Harpsichord"}, {"vibraphone", R::Lead, 11, "Vibraphone"}, {"vibes", R::Lead, 11, "Vibraphone"},
        {"marimba", R::Other, 12, "Marimba"}, {"accordion", R::Keys, 21, "Accordion"},
        {"acoustic guitar", R::Guitar, 25, "Acoustic guitar"}, {"nylon guitar", R::Guitar, 24, "Nylon guitar"},
        {"classical guitar", R::Guitar, 24, "Nylon guitar"}, {"spanish guitar", R::Guitar, 24, "Nylon guitar"},
        {"electric guitar", R::Guitar, 27, "Electric guitar"}, {"clean guitar", R::Guitar, 27, "Clean guitar"},
        {"jazz guitar", R::Guitar, 26, "Jazz guitar"}, {"muted guitar", R::Guitar, 28, "Muted guitar"},
        {"funky guitar", R::Guitar, 28, "Muted guitar"}, {"distorted guitar", R::Guitar, 30, "Distorted guitar"},
        {"heavy guitar", R::Guitar, 30, "Distorted guitar"}, {"overdriven guitar", R::Guitar, 29, "Overdriven guitar"},
        {"crunchy guitar", R::Guitar, 29, "Overdriven guitar"}, {"guitars", R::Guitar, -1, nullptr}, {"guitar", R::Guitar, -1, nullptr},
        {"lead guitar", R::Lead, 29, "Lead guitar"}, {"banjo", R::Guitar, 105, "Banjo"}, {"ukulele", R::Guitar, 24, "Ukulele"},
        {"mandolin", R::Guitar, 25, "Mandolin"},
        {"slap bass", R::Bass, 36, "Slap bass"}, {"synth bass", R::Bass, 38, "Synth bass"}, {"sub bass", R::Bass, 38, "Sub bass"},
        {"808", R::Bass, 38, "808 bass"}, {"upright bass", R::Bass, 32, "Upright bass"}, {"double bass", R::Bass, 32, "Upright bass"},
        {"acoustic bass", R::Bass, 32, "Acoustic bass"}, {"fretless bass", R::Bass, 35, "Fretless bass"},
        {"electric bass", R::Bass, 33, "Bass"}, {"bass guitar", R::Bass, 33, "Bass"}, {"bassline", R::Bass, -1, nullptr},
        {"bass", R::Bass, -1, nullptr},
        {"strings", R::Strings, 48, "Strings"}, {"string section", R::Strings, 48, "Strings"}, {"orchestra", R::Strings, 48, "Strings"},
        {"violins", R::Strings, 48, "Strings"}, {"violin", R::Lead, 40, "Violin"}, {"fiddle", R::Lead, 110, "Fiddle"},
        {"cello", R::Strings, 42, "Cello"}, {"pizzicato", R::Strings, 45, "Pizzicato strings"}, {"harp", R::Other, 46, "Harp"},
        {"brass", R::Other, 61, "Brass"}, {"horns", R::Other, 61, "Horns"}, {"horn section", R::Other, 61, "Horns"},
        {"french horn", R::Other, 60, "French horns"}, {"trumpet", R::Lead, 56, "Trumpet"}, {"trombone", R::Lead, 57, "Trombone"},
        {"saxophone", R::Lead, 65, "Saxophone"}, {"sax", R::Lead, 65, "Saxophone"}, {"tenor sax", R::Lead, 66, "Tenor sax"},
        {"synth brass", R::Other, 62, "Synth brass"},
        {"pads", R::Pads, 89, "Warm pad"}, {"pad", R::Pads, 89, "Warm pad"}, {"synth pad", R::Pads, 90, "Synth pad"},
        {"synths", R::Pads, 90, "Synths"}, {"synth", R::Pads, 90, "Synth"}, {"synthesizer", R::Pads, 90, "Synth"},
        {"choir", R::Pads, 52, "Choir"}, {"voices", R::Pads, 52, "Choir"}, {"atmosphere", R::Pads, 94, "Atmosphere pad"},
        {"lead synth", R::Lead, 80, "Lead synth"}, {"synth lead", R::Lead, 80, "Lead synth"}, {"saw lead", R::Lead, 81, "Saw lead"},
        {"flute", R::Lead, 73, "Flute"}, {"whistle", R::Lead, 78, "Whistle"}, {"harmonica", R::Lead, 22, "Harmonica"},
        {"clarinet", R::Lead, 71, "Clarinet"}, {"oboe", R::Lead, 68, "Oboe"}, {"melody", R::Lead, -1, nullptr},
        {"bells", R::Other, 14, "Bells"}, {"glockenspiel", R::Other, 9, "Glockenspiel"}, {"music box", R::Other, 10, "Music box"},
        {"celesta", R::Other, 8, "Celesta"}, {"arpeggiator", R::Other, 81, "Arp synth"}, {"arp", R::Other, 81, "Arp synth"},
        {"drums", R::Drums, -1, nullptr}, {"drum kit", R::Drums, 0, "Drums"}, {"beat", R::Drums, -1, nullptr},
        {"beats", R::Drums, -1, nullptr}, {"brushed drums", R::Drums, 40, "Brushed drums"}, {"brushes", R::Drums, 40, "Brushed drums"},
        {"drum machine", R::Drums, 25, "Drum machine"}, {"electronic drums", R::Drums, 24, "Electronic drums"},
        {"live drums", R::Drums, 0, "Drums"}, {"breakbeat", R::Drums, 0, "Drums"},
    };
    std::stable_sort(w.begin(), w.end(), [](const InstrumentWord& a, const InstrumentWord& b) {
        return std::strlen(a.phrase) > std::strlen(b.phrase);
    });
    return w;
}

}  // namespace

const std::vector<InstrumentWord>& instrumentWords()
{
    static const std::vector<InstrumentWord> words = buildWords();
    return words;
}

const std::vector<const char*>& percussionWords()
{
    static const std::vector<const char*> words{"percussion", "congas", "conga", "bongos", "bongo", "shaker",
                                                "tambourine", "cowbell", "claves", "timbales", "hand drums"};
    return words;
}

Instrument makeInstrument(core::TrackRole role, int program, const QString& name)
{
    Instrument in;
    in.role = role;
    in.program = program;
    in.name = name;
    // Levels and sends per role, balanced by ear on the GM soundfonts: the rhythm section centred and dry,
    // harmony instruments spread left/right so they do not mask each other, pads and strings wet and wide.
    switch (role) {
    case R::Drums: in.drums = true; in.volume = 110; in.pan = 64; in.reverb = 28; break;
    case R::Bass: in.volume = 104; in.pan = 64; in.reverb = 0; break;
    case R::Keys: in.volume = 88; in.pan = 48; in.reverb = 45; break;
    case R::Guitar: in.volume = 84; in.pan = 84; in.reverb = 35; break;
    case R::Strings: in.volume = 80; in.pan = 40; in.reverb = 70; in.chorus = 10; break;
    case R::Pads: in.volume = 72; in.pan = 64; in.reverb = 80; in.chorus = 40; break;
    case R::Lead: in.volume = 92; in.pan = 68; in.reverb = 50; break;
    default: in.volume = 84; in.pan = 88; in.reverb = 45; break;
    }
    return in;
}

int roleOrder(core::TrackRole role)
{
    switch (role) {
    case R::Drums: return 0;
    case R::Bass: return 1;
    case R::Keys: return 2;
    case R::Guitar: return 3;
    case R::Strings: return 4;
    case R::Pads: return 5;
    case R::Lead: return 6;
    default: return 7;
    }
}

}  // namespace s2a::inference::arranger
