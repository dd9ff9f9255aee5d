#include "inference/arranger/StyleLibrary.h"

namespace s2a::inference::arranger {
namespace {

using R = core::TrackRole;

// GM percussion keys used below.
enum : int {
    Kick = 36, Rim = 37, Snare = 38, Clap = 39, Floor = 43, Hat = 42, Pedal = 44, OpenHat = 46, LowTom = 45,
    Ride = 51, Tamb = 54, Cowbell = 56, Bongo = 60, CongaMute = 62, CongaHi = 63, CongaLo = 64, Timbale = 65,
    Shaker = 70, Claves = 75,
};

std::vector<StyleDef> buildStyles()
{
    std::vector<StyleDef> s;
    const QStringList popMajor{"I V vi IV", "vi IV I V", "I vi IV V", "IV I V vi", "I IV vi V"};
    const QStringList popMinor{"i bVI bIII bVII", "i iv bVI bVII", "i bVII bVI bVII", "bVI bVII i i"};

    s.push_back({Style::Pop, "pop", "pop", 96, 124, 0, 0.1, 8, 0.3, 0, popMajor, popMinor, 1,
                 {{{Kick, "x.....x.x......."}, {Snare, "....x.......x..."}, {Hat, "x.o.x.o.x.o.x.o."}}},
                 {{{Kick, "x.....x.x.x....."}, {Snare, "....X.......X..."}, {Hat, "x.o.x.o.x.o.x.o."}, {OpenHat, "..............o."}, {Tamb, "....x.......x..."}}},
                 {{{Kick, "x.......x......."}, {Hat, "x...o...x...o..."}}},
                 BassMode::Pattern, "R-----R-R-----R-", "R.R.R.R.R.R.R.RA",
                 "x-------x-------", "x--x--x-x--x--x-", "x..x..x...x.x...", "x.x.xxx.x.xxx.x.", GuitarMode::Chords,
                 "X-......x..X-...", "..x.x.x-x-..x.x...x.x.x-x---....",
                 {{R::Drums, 0, "Drums", true}, {R::Bass, 33, "Bass", true}, {R::Keys, 0, "Piano", false},
                  {R::Guitar, 27, "Clean guitar", false}, {R::Pads, 89, "Warm pad", false}, {R::Lead, 80, "Lead synth", false}}});

    s.push_back({Style::Rock, "rock", "rock", 108, 144, 0, 0, 7, 0.4, 0, {"I bVII IV I", "I IV V IV", "I V vi IV", "I IV I V", "vi IV I V"},
                 {"i bVII bVI bVII", "i bIII bVII IV", "i bVI bIII bVII", "i iv bVII i"}, 1,
                 {{{Kick, "x.......x.x....."}, {Snare, "....x.......x..."}, {Hat, "x.x.x.x.x.x.x.x."}}},
                 {{{Kick, "x.x.....x.x....."}, {Snare, "....X.......X..."}, {Ride, "x.x.x.x.x.x.x.x."}}},
                 {{{Kick, "x.......x......."}, {Hat, "x.x.x.x.x.x.x.x."}}},
                 BassMode::Pattern, "R.R.R.R.R.R.R.R.", "R.R.R.R.R.R.O.5.",
                 "x---------------", "x-------x-------", "x.g.x.g.x.g.x.g.", "X-x-X-x-X-x-X-x-", GuitarMode::PowerChords,
                 "X-......X-......", "x-x-x-..x-x-x---x-x-x-..x.x.x---",
                 {{R::Drums, 0, "Drums", true}, {R::Bass, 34, "Bass", true}, {R::Guitar, 29, "Overdriven guitar", true},
                  {R::Keys, 16, "Organ", false}, {R::Lead, 30, "Lead guitar", false}}});

    s.push_back({Style::Metal, "metal", "metal", 120, 170, 0, 0, 4, 0.9, 16, {"I bVII bVI bVII", "I bII I bVII"},
                 {"i bVI bVII i", "i bII i bVII", "i iv bVI bV", "i bVII bVI bVII"}, 1,
                 {{{Kick, "x.x.x.x.x.x.x.x."}, {Snare, "....x.......x..."}, {Hat, "x...x...x...x..."}}},
                 {{{Kick, "xxxxxxxxxxxxxxxx"}, {Snare, "....X.......X..."}, {Ride, "x.x.x.x.x.x.x.x."}}},
                 {{{Kick, "x.......x......."}, {Ride, "x...x...x...x..."}}},
                 BassMode::Pattern, "RRRRRRRRR.RRR.RR", "R.R.R.R.R.R.R.R.",
                 "x---------------", "x---------------", "xgggxgggxgxgxggg", "X---X---X---X---", GuitarMode::PowerChords,
                 "X---------------", "x-x-x-x-x---x---x-x-x-x-x-x-x---",
                 {{R::Drums, 16, "Drums", true}, {R::Bass, 34, "Bass", true}, {R::Guitar, 30, "Distorted guitar", true},
                  {R::Lead, 30, "Lead guitar", false}}});

    s.push_back({Style::Edm, "edm", "EDM", 122, 130, 0, 0, 0, 0.6, 24, {"vi IV I V", "I V vi IV", "IV V vi vi"},
                 {"i bVI bIII bVII", "i bVII bVI bVII", "bVI bVII i i"}, 1,
                 {{{Kick, "x...x...x...x..."}, {Clap, "....x.......x..."}, {Hat, "..x...x...x...x."}}},
                 {{{Kick, "X...X...X...X..."}, {Clap, "....X.......X..."}, {Hat, "xoxoxoxoxoxoxoxo"}, {OpenHat, "..x...x...x...x."}}},
                 {{{Hat, "..x...x...x...x."}}},
                 BassMode::Pattern, "R---....R---....", "..R...O...R...O.",
                 "x---------------", "..x-..x-..x-..x-", "", "", GuitarMode::Chords,
                 "", "x.x.x.x-x.x.x---x.x.x.x-x.x.x.x.",
                 {{R::Drums, 25, "Drum machine", true}, {R::Bass, 39, "Synth bass", true}, {R::Keys, 81, "Saw chords", false},
                  {R::Pads, 90, "Synth pad", true}, {R::Lead, 80, "Lead synth", false}}});

    s.push_back({Style::House, "house", "house", 118, 126, 0, 0.15, 0, 0.4, 25, {"ii V I vi", "I vi ii V", "IV V iii vi", "vi ii V I"},
                 {"i iv bVII bIII", "i bVII bVI v", "i7 iv7 i7 iv7"}, 1,
                 {{{Kick, "X...x...X...x..."}, {Clap, "....x.......x..."}, {OpenHat, "..x...x...x...x."}}},
                 {{{Kick, "X...x...X...x..."}, {Clap, "....X.......X..."}, {OpenHat, "..x...x...x...x."}, {Hat, "o.o.o.o.o.o.o.o."}, {Shaker, "gxgxgxgxgxgxgxgx"}}},
                 {{{Kick, "x...x...x...x..."}, {Hat, "o.o.o.o.o.o.o.o."}}},
                 BassMode::Pattern, "..R...R...R...R.", "..R...R...R..OR.",
                 "..x...x..x...x..", "..x-..x..x-..x..", "", "", GuitarMode::Chords,
                 "..X...X.......X.", "x.x...x.x-..x...x.x...x.x.x.----",
                 {{R::Drums, 25, "Drum machine", true}, {R::Bass, 38, "Synth bass", true}, {R::Keys, 0, "House piano", false},
                  {R::Pads, 89, "Warm pad", false}}});

    s.push_back({Style::LoFi, "lofi-hiphop", "lo-fi hip hop", 70, 90, 0, 0.55, 14, 0.5, 0,
                 {"IVmaj7 iii7 ii7 Imaj7", "ii7 V7 Imaj7 vi7", "Imaj7 vi7 ii7 V7", "IVmaj7 V7 iii7 vi7"},
                 {"i7 iv7 bVIImaj7 bIIImaj7", "ii7 V7 i7 i7", "i7 bVImaj7 iv7 V7"}, 1,
                 {{{Kick, "x......x..x....."}, {Snare, "....x..g....x.g."}, {Hat, "x.o.x.o.x.o.x.og"}}},
                 {{{Kick, "x......x..x..x.."}, {Snare, "....x..g....x.g."}, {Hat, "x.o.x.o.x.o.x.og"}, {OpenHat, "..............o."}}},
                 {{{Hat, "x.o.x.o.x.o.x.o."}}},
                 BassMode::Pattern, "R-----..R--..5--", "R-----.RR--..5-A",
                 "x------.....x---", "x-----x-....x---", "x-----......x---", "x-----......x---", GuitarMode::Chords,
                 "", "..x.x-x-....x---......x.x-x-x---",
                 {{R::Drums, 0, "Drums", true}, {R::Bass, 33, "Bass", true}, {R::Keys, 4, "Rhodes", false},
                  {R::Pads, 89, "Warm pad", false}, {R::Lead, 11, "Vibraphone", false}}});

    s.push_back({Style::HipHop, "hiphop", "hip hop", 84, 98, 0, 0.3, 8, 0.7, 25, {"vi IV I V", "I vi IV V"},
                 {"i bVI iv V", "i iv i bVI", "i bVII bVI V", "i i bVI bVI"}, 1,
                 {{{Kick, "x......xx.x....."}, {Snare, "....x.......x..."}, {Hat, "x.x.x.x.x.x.x.x."}}},
                 {{{Kick, "x......xx.x...x."}, {Snare, "....X.......X..."}, {Hat, "x.xox.x.x.xox.x."}, {OpenHat, "......o........."}}},
                 {{{Kick, "x......xx.x....."}, {Hat, "x...x...x...x..."}}},
                 BassMode::Pattern, "R------.R-R-----", "R------.R-R---5-",
                 "x-------....x---", "x-------x-------", "", "", GuitarMode::Chords,
                 "X---....X---....", "x.x.x...x.x.x-..x.x.x...x-x-x---",
                 {{R::Drums, 25, "Drum machine", true}, {R::Bass, 38, "808 bass", true}, {R::Keys, 0, "Piano", false},
                  {R::Strings, 49, "Strings", false}}});

    s.push_back({Style::Jazz, "jazz", "jazz", 110, 180, 0.65, 0, 10, 0.3, 32,
                 {"ii7 V7 Imaj7 vi7", "Imaj7 vi7 ii7 V7", "iii7 VI7 ii7 V7", "Imaj7 IV7 iii7 VI7"},
                 {"iim7b5 V7 i7 i7", "i7 iv7 bVII7 bIIImaj7", "i7 vim7b5 iim7b5 V7"}, 1,
                 {{{Ride, "x...x.x.x...x.x."}, {Pedal, "....x.......x..."}, {Kick, "g...g...g...g..."}, {Snare, "......g.......g."}}},
                 {{{Ride, "X...x.x.X...x.x."}, {Pedal, "....x.......x..."}, {Kick, "g...g...g.o.g..."}, {Snare, "...g..g...g...o."}}},
                 {{{Ride, "x...x.x.x...x.x."}, {Pedal, "....x.......x..."}}},
                 BassMode::Walking, "", "",
                 "x-....x-........", "..x-....x-..x-..", "x-..............", "x---....x---....", GuitarMode::Chords,
                 "X-......X-..x-..", "x.x.x.x-..x.x---..x.x.x.x.x-x---",
                 {{R::Drums, 32, "Jazz drums", true}, {R::Bass, 32, "Upright bass", true}, {R::Keys, 0, "Piano", true},
                  {R::Lead, 66, "Tenor sax", false}}});

    s.push_back({Style::Funk, "funk", "funk", 94, 112, 0, 0.15, 6, 0.6, 0, {"I7 IV7 I7 IV7", "I7 I7 IV7 V7", "ii7 V7 ii7 V7"},
                 {"i7 i7 iv7 i7", "i7 IV7 i7 IV7", "i7 bVII7 i7 bVII7"}, 1,
                 {{{Kick, "x.x....x..x....."}, {Snare, "....X..g.g..X..g"}, {Hat, "xoxoxoxoxoxoxoxo"}}},
                 {{{Kick, "x.x....x..x..x.."}, {Snare, "....X..g.g..X.gg"}, {Hat, "xoxoxoxoxox.xoxo"}, {OpenHat, "..........o....."}}},
                 {{{Hat, "xoxoxoxoxoxoxoxo"}, {Kick, "x.........x....."}}},
                 BassMode::Pattern, "R..gO.g.R..5.gOg", "R.gOR.gO.gR.5.7A",
                 "..x.gx.x..x.gx..", "..x.gx.x..x.gx.x", "g.x.gx.gg.x.gx.g", "g.x.gx.gg.x.gx.g", GuitarMode::Chords,
                 "......X.....X-..", "x.x..x.x-.......x.x..x.x.xx-....",
                 {{R::Drums, 0, "Drums", true}, {R::Bass, 36, "Slap bass", true}, {R::Guitar, 28, "Muted guitar", false},
                  {R::Keys, 7, "Clavinet", false}, {R::Other, 61, "Brass", false}}});

    s.push_back({Style::Soul, "soul", "soul / R&B", 68, 100, 0, 0.25, 10, 0.4, 0, {"Imaj7 iii7 vi7 IVmaj7", "ii7 V7 iii7 vi7", "IVmaj7 V7 iii7 vi7"},
                 {"i7 iv7 bVImaj7 V7", "i7 bVII7 bVImaj7 V7"}, 1,
                 {{{Kick, "x......x..x....."}, {Snare, "....x..g....x..."}, {Hat, "x.x.x.x.x.x.x.x."}}},
                 {{{Kick, "x......x..x..x.."}, {Snare, "....X..g....X..g"}, {Hat, "x.x.x.x.x.x.x.x."}, {Tamb, "....x.......x..."}}},
                 {{{Kick, "x.........x....."}, {Rim, "....x.......x..."}}},
                 BassMode::Pattern, "R..R..5.R...3.5.", "R..R..5.R.R.3.5A",
                 "x---..x-x---..x-", "x---..x-x---..x-", "....x.......x...", "....x.......x...", GuitarMode::Chords,
                 "", "..x.x-x...x.x---..x.x-x.x.x-x---",
                 {{R::Drums, 0, "Drums", true}, {R::Bass, 33, "Bass", true}, {R::Keys, 4, "Electric piano", false},
                  {R::Guitar, 27, "Clean guitar", false}, {R::Strings, 48, "Strings", false}}});

    s.push_back({Style::Ambient, "ambient", "ambient", 60, 84, 0, 0, 12, 0.5, 0, {"Imaj7 IVmaj7 Imaj7 IVmaj7", "I iii IV I", "vi IV I V"},
                 {"i bVI bIII bVII", "i7 iv7 i7 bVImaj7", "i bVII i bVI"}, 1,
                 {{{Kick, "x.......x......."}, {Shaker, "x...x...x...x..."}}},
                 {{{Kick, "x.......x......."}, {Rim, "....o.......o..."}, {Shaker, "x.o.x.o.x.o.x.o."}}},
                 {{{Shaker, "x...x...x...x..."}}},
                 BassMode::Pattern, "R---------------", "R---------------",
                 "a...a...a...a...", "a.a.a.a.a.a.a.a.", "a-......a-......", "a-..a-..a-..a-..", GuitarMode::Chords,
                 "", "x-------x-------..x---x-------..",
                 {{R::Pads, 89, "Warm pad", true}, {R::Keys, 0, "Piano", false}, {R::Strings, 49, "Slow strings", false}}});

    s.push_back({Style::Cinematic, "cinematic", "cinematic", 70, 100, 0, 0, 6, 0.7, 16, {"I V vi IV", "vi IV I V", "I bVI bVII I"},
                 {"i bVI bIII bVII", "i bVI iv V", "i bVII bVI V", "i iv bVI bVII"}, 1,
                 {{{Kick, "x.......x......."}, {Floor, "x.....x.....x..."}}},
                 {{{Kick, "X.....x.X......."}, {Floor, "x..x..x.x..x..x."}, {LowTom, "......x.......x."}, {Snare, "....X.......X..."}}},
                 {{{Floor, "x.......x......."}}},
                 BassMode::Pattern, "R-------R-------", "R---R---R---R---",
                 "a.a.a.a.a.a.a.a.", "aaaaaaaaaaaaaaaa", "", "", GuitarMode::Chords,
                 "X-------x-------", "x---x-x-x-------x---x-x-x-x-x---",
                 {{R::Strings, 48, "Strings", true}, {R::Keys, 0, "Piano", false}, {R::Other, 60, "French horns", false},
                  {R::Bass, 43, "Contrabass", false}, {R::Pads, 52, "Choir", false}, {R::Drums, 48, "Orchestral drums", false}}});

    s.push_back({Style::Folk, "folk", "folk", 84, 124, 0.1, 0, 10, 0.3, 0, {"I IV I V", "I V vi IV", "I IV vi V", "vi IV I V"},
                 {"i bVII bVI bVII", "i bIII bVII i", "i iv bVII bIII"}, 1,
                 {{{Kick, "x.......x......."}, {Rim, "....x.......x..."}, {Hat, "x.o.x.o.x.o.x.o."}}},
                 {{{Kick, "x.....x.x......."}, {Snare, "....x.......x..."}, {Hat, "x.o.x.o.x.o.x.o."}, {Tamb, "..x...x...x...x."}}},
                 {{{Kick, "x.......x......."}}},
                 BassMode::Pattern, "R.......5.......", "R.....5.R...5...",
                 "", "", "x.x.xxx.x.xxx.x.", "x.xxx.x.x.xxx.xx", GuitarMode::Chords,
                 "", "x.x.x.x-x.x.x---x.x.x.x-x-x-x---",
                 {{R::Guitar, 25, "Acoustic guitar", true}, {R::Bass, 32, "Acoustic bass", false}, {R::Drums, 40, "Brushed drums", false},
                  {R::Lead, 73, "Flute", false}}});

    s.push_back({Style::Latin, "latin", "latin", 92, 120, 0, 0, 6, 0.5, 0, {"I IV V IV", "ii V I I", "I vi ii V"},
                 {"i iv V7 i", "i bVII bVI V7", "iv i V7 i"}, 1,
                 {{{Claves, "x..x..x...x.x..."}, {CongaMute, "..x...x...x...x."}, {CongaHi, ".......x......xx"}, {Kick, "...x.......x...."}}},
                 {{{Claves, "x..x..x...x.x..."}, {Cowbell, "x.x.x.x.x.x.x.x."}, {CongaHi, "..x.x.xx..x.x.xx"}, {CongaLo, "...........x...."}, {Timbale, "...........X...."}, {Kick, "...x.......x...."}}},
                 {{{Claves, "x..x..x...x.x..."}, {Shaker, "xoxoxoxoxoxoxoxo"}}},
                 BassMode::Pattern, "R.....5.....N---", "R.....5.....N---",
                 "x.xx.x.xx.xx.x.x", "x.xx.x.xx.xx.x.x", "x..x..x...x.x...", "x..x..x...x.x...", GuitarMode::Chords,
                 "X..X..X...X.X...", "x.x.x..x.x.x-...x.x.x..x.x.x----",
                 {{R::Drums, 0, "Percussion", true}, {R::Bass, 33, "Bass", true}, {R::Keys, 0, "Piano", false},
                  {R::Other, 61, "Brass", false}}});

    s.push_back({Style::Reggae, "reggae", "reggae", 66, 92, 0.3, 0.2, 10, 0.4, 0, {"I IV I V", "I V IV IV", "I vi IV V"},
                 {"i iv i bVII", "i bVII i bVII", "i bVI bVII i"}, 1,
                 {{{Kick, "........x......."}, {Rim, "........x......."}, {Hat, "x.x.x.x.x.x.x.x."}}},
                 {{{Kick, "x...x...x...x..."}, {Snare, "........x......."}, {Hat, "x.x.x.x.x.x.x.x."}, {OpenHat, "..............o."}}},
                 {{{Rim, "........x......."}, {Hat, "x...x...x...x..."}}},
                 BassMode::Pattern, "R--..R..5--.R.3.", "R--..R..5--.R.3A",
                 "..x...x...x...x.", "..x.x.x...x.x.x.", "....x.......x...", "....x.......x...", GuitarMode::Chords,
                 "", "x-x.x-x.....x---x-x.x-x-x-......",
                 {{R::Drums, 0, "Drums", true}, {R::Bass, 33, "Bass", true}, {R::Guitar, 27, "Skank guitar", true},
                  {R::Keys, 16, "Organ", false}}});

    s.push_back({Style::Blues, "blues", "blues", 68, 112, 1.0, 0, 10, 0.2, 0, {"I7 IV7 I7 V7", "I7 I7 IV7 I7", "IV7 IV7 I7 V7"},
                 {"i7 iv7 i7 V7", "i7 i7 iv7 V7"}, 1,
                 {{{Kick, "x.......x......."}, {Snare, "....x.......x..."}, {Hat, "x.x.x.x.x.x.x.x."}}},
                 {{{Kick, "x.....x.x......."}, {Snare, "....X.......X..."}, {Ride, "x.x.x.x.x.x.x.x."}}},
                 {{{Hat, "x.x.x.x.x.x.x.x."}}},
                 BassMode::Pattern, "R.3.5.6.7.6.5.3.", "R.3.5.6.7.6.5.3.",
                 "x..x..x.x..x..x.", "x.x.x.x.x.x.x.x.", "x.x.x.x.x.x.x.x.", "X.x.X.x.X.x.X.x.", GuitarMode::Chords,
                 "", "x-x.x---....x---x-x.x.x-x---....",
                 {{R::Drums, 0, "Drums", true}, {R::Bass, 33, "Bass", true}, {R::Keys, 0, "Piano", false},
                  {R::Guitar, 29, "Overdriven guitar", false}, {R::Lead, 22, "Harmonica", false}}});

    s.push_back({Style::Disco, "disco", "disco", 110, 124, 0, 0.05, 6, 0.4, 0, {"ii7 V7 ii7 V7", "Imaj7 vi7 ii7 V7", "vi7 ii7 V7 Imaj7"},
                 {"i7 iv7 i7 iv7", "i7 bVII7 bVImaj7 V7"}, 1,
                 {{{Kick, "x...x...x...x..."}, {Snare, "....x.......x..."}, {Hat, "x.x.x.x.x.x.x.x."}, {OpenHat, "..o...o...o...o."}}},
                 {{{Kick, "X...X...X...X..."}, {Snare, "....X.......X..."}, {Hat, "xoxoxoxoxoxoxoxo"}, {OpenHat, "..x...x...x...x."}, {Tamb, "....x.......x..."}}},
                 {{{Hat, "x.x.x.x.x.x.x.x."}, {Kick, "x...x...x...x..."}}},
                 BassMode::Pattern, "R.O.R.O.R.O.R.O.", "R.O.R.O.R.O.5.O.",
                 "x---..x-x---..x-", "x---..x-x---..x-", "g.x.g.x.g.x.g.x.", "g.x.g.x.g.x.g.x.", GuitarMode::Chords,
                 "X-......X-.X-...", "x.x.x.x-..x.x---x.x.x.x-x.x.x---",
                 {{R::Drums, 0, "Drums", true}, {R::Bass, 33, "Bass", true}, {R::Guitar, 28, "Rhythm guitar", false},
                  {R::Strings, 48, "Strings", false}, {R::Other, 61, "Brass", false}}});
    return s;
}

}  // namespace

const std::vector<StyleDef>& allStyles()
{
    static const std::vector<StyleDef> styles = buildStyles();
    return styles;
}

const StyleDef& styleDef(Style style)
{
    for (const StyleDef& d : allStyles())
        if (d.style == style)
            return d;
    return allStyles().front();
}

std::optional<Style> styleFromId(const QString& id)
{
    for (const StyleDef& d : allStyles())
        if (id == QLatin1String(d.id))
            return d.style;
    return std::nullopt;
}

QStringList bridgeProgressions(bool minor)
{
    // Borrowed chords (iv, bVI, bVII in major; the major IV and V in minor) give the bridge its own colour,
    // and every line ends on the dominant so the way back into the chorus is prepared.
    if (minor)
        return {"bVI bVII IV V", "iv bVI bIII V", "bIII bVII iv V", "bVI iv bVII V7"};
    return {"IV iv I V", "vi bVI bVII V", "IV V iii vi", "bVI bVII IV V", "ii iv I V7"};
}

}  // namespace s2a::inference::arranger
