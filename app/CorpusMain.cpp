// s2a-corpus: renders N songs with random but plausible captions and structures, for training the
// diffusion model and as ground truth for the analysis tests. Each song folder is also a project bundle.
//
//   s2a-corpus --count N --out DIR [--seed S] [--seconds MIN:MAX]
#include "core/audio/AudioFileWriter.h"
#include "inference/arranger/ArrangerEngine.h"
#include "inference/arranger/Random.h"
#include "inference/arranger/SectionCaptions.h"
#include "inference/arranger/SongBundleWriter.h"
#include "inference/arranger/SongPlanner.h"
#include "inference/arranger/StyleLibrary.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTextStream>

#include <cmath>

using namespace s2a;
using namespace s2a::inference;
using namespace s2a::inference::arranger;
using L = core::SectionLabel;

namespace {

QTextStream& err()
{
    static QTextStream s(stderr);
    return s;
}

template <typename T>
const T& pick(Rng& rng, const QVector<T>& items) { return items[rng.range(0, int(items.size()) - 1)]; }

// A caption as a person would write it: style, feel, sometimes a tempo or key, an instrument or two.
QString randomCaption(Rng& rng, const StyleDef& style)
{
    QStringList words;
    static const QVector<QString> feels{"upbeat", "laid back", "dark", "happy", "melancholic", "dreamy", "energetic",
                                        "groovy", "warm", "nostalgic", "slow", "driving", "uplifting", "moody"};
    if (rng.chance(0.8))
        words << pick(rng, feels);
    words << QString::fromLatin1(style.name);
    QStringList named;
    QVector<QString> instruments;
    for (const BandMember& m : style.band)
        instruments << QString::fromLatin1(m.name).toLower();
    instruments << QStringLiteral("strings") << QStringLiteral("piano") << QStringLiteral("pads");
    const int count = rng.range(0, 2);
    for (int i = 0; i < count; ++i) {
        const QString n = pick(rng, instruments);
        if (!named.contains(n))
            named << n;
    }
    QString caption = words.join(QLatin1Char(' '));
    if (!named.isEmpty())
        caption += QStringLiteral(" with ") + named.join(QStringLiteral(" and "));
    if (rng.chance(0.35))
        caption += QStringLiteral(", %1 bpm").arg(rng.range(int(style.tempoMin), int(style.tempoMax)));
    if (rng.chance(0.25)) {
        static const QVector<QString> keys{"C", "D", "E", "F", "G", "A", "Bb", "Eb", "F#"};
        caption += QStringLiteral(", in %1 %2").arg(pick(rng, keys), rng.chance(0.5) ? QStringLiteral("minor") : QStringLiteral("major"));
    }
    return caption;
}

// A song structure whose length falls in [minSeconds, maxSeconds] at `tempo`.
QVector<QPair<L, int>> randomStructure(Rng& rng, bool edm, double tempo, double minSeconds, double maxSeconds)
{
    static const QVector<QVector<L>> songs{
        {L::Intro, L::Verse, L::Chorus, L::Verse, L::Chorus, L::Outro},
        {L::Intro, L::Verse, L::PreChorus, L::Chorus, L::Verse, L::PreChorus, L::Chorus, L::Bridge, L::Chorus, L::Outro},
        {L::Verse, L::Chorus, L::Verse, L::Chorus, L::Bridge, L::Chorus},
        {L::Intro, L::Verse, L::Chorus, L::Bridge, L::Chorus, L::Outro},
    };
    static const QVector<L> edmSong{L::Intro, L::Build, L::Drop, L::Breakdown, L::Build, L::Drop, L::Outro};
    const QVector<L> labels = edm && rng.chance(0.7) ? edmSong : pick(rng, songs);
    const double barSeconds = 4.0 * 60.0 / tempo;
    const double target = rng.uniform(minSeconds, maxSeconds);
    QVector<QPair<L, int>> out;
    double total = 0.0;
    for (L label : labels) {
        int bars = (label == L::Intro || label == L::Outro || label == L::PreChorus || label == L::Build) ? 4 : 8;
        // Past the target length: stop, unless the song is still too short, then go on with 4-bar sections.
        if (!out.isEmpty() && total + bars * barSeconds > target) {
            if (total >= minSeconds || total + 4 * barSeconds > maxSeconds)
                break;
            bars = 4;
        }
        out.append({label, bars});
        total += bars * barSeconds;
    }
    // Short songs: shrink 8-bar sections to 4 until the song fits; long ones: repeat the last chorus.
    for (auto& s : out)
        if (total > maxSeconds && s.second == 8) {
            s.second = 4;
            total -= 4 * barSeconds;
        }
    while (total + 4 * barSeconds <= maxSeconds && total < minSeconds) {
        out.append({L::Chorus, 4});
        total += 4 * barSeconds;
    }
    return out;
}

core::AudioBuffer mixOf(const QVector<Stem>& stems)
{
    core::AudioBuffer mix = core::AudioBuffer::silence(2, stems.isEmpty() ? 0 : stems.front().audio.frames(),
                                                       stems.isEmpty() ? 44100 : stems.front().audio.sampleRate);
    for (const Stem& s : stems)
        for (int c = 0; c < 2; ++c)
            for (size_t i = 0; i < mix.channels[size_t(c)].size(); ++i)
                mix.channels[size_t(c)][i] += s.audio.channels[size_t(c)][i];
    return mix;
}

Status writeFile(const QString& path, const QByteArray& bytes)
{
    QFile f(path);
    if (!f.open(QIODevice::WriteOnly) || f.write(bytes) != bytes.size())
        return Error{QStringLiteral("%1: cannot be written: %2").arg(QDir::toNativeSeparators(path), f.errorString())};
    return Status::success();
}

Status renderSong(const QString& folder, quint64 seed, double minSeconds, double maxSeconds)
{
    Rng rng(seed);
    const StyleDef& style = allStyles()[size_t(rng.range(0, int(allStyles().size()) - 1))];
    GenerationRequest request;
    request.caption = randomCaption(rng, style);
    request.seed = seed;
    // The planner decides the tempo from the caption; the structure is then sized to the wanted length.
    auto plan = SongPlanner::plan(request, seed);
    if (!plan)
        return plan.error();
    request.tempo = plan.value().tempo;
    const auto structure = randomStructure(rng, style.style == Style::Edm || style.style == Style::House,
                                           request.tempo, minSeconds, maxSeconds);
    request.sections = SongPlanner::barSections(structure, request.tempo, request.sampleRate);
    for (SectionPlan& s : request.sections)
        s.caption = defaultSectionCaption(rng, s.label);

    ArrangerEngine engine;
    SimpleJobControl job;
    auto result = engine.generate(request, job);
    if (!result)
        return result.error();
    const QString title = QFileInfo(folder).completeBaseName();
    auto written = writeSongBundle(folder, title, request, result.value());
    if (!written)
        return written.error();
    if (Status s = core::AudioFileWriter::write(QDir(folder).filePath(QStringLiteral("mix.flac")), mixOf(result.value().stems),
                                                core::AudioFileFormat::Flac24); !s)
        return s;
    QDir(folder).mkpath(QStringLiteral("midi"));
    QJsonArray stems;
    for (int i = 0; i < result.value().stems.size(); ++i) {
        const Stem& stem = result.value().stems[i];
        const QString midi = QStringLiteral("midi/%1-%2.mid").arg(i + 1).arg(core::toString(stem.role));
        if (Status s = writeFile(QDir(folder).filePath(midi), stem.midi); !s)
            return s;
        stems.append(QJsonObject{{QStringLiteral("role"), core::toString(stem.role)}, {QStringLiteral("name"), stem.name},
                                 {QStringLiteral("audio"), QStringLiteral("audio/") + written.value().stemFiles[i]},
                                 {QStringLiteral("midi"), midi}});
    }
    auto described = ArrangerEngine::describe(request);
    if (!described)
        return described.error();
    const QJsonArray arranged = described.value().value(QStringLiteral("sections")).toArray();
    QJsonArray sections;
    for (int i = 0; i < request.sections.size(); ++i) {
        const SectionPlan& s = request.sections[i];
        QJsonObject o = arranged[i].toObject();
        o.insert(QStringLiteral("label"), core::toString(s.label));
        o.insert(QStringLiteral("start"), s.start);
        o.insert(QStringLiteral("end"), s.end);
        o.insert(QStringLiteral("startSeconds"), double(s.start) / request.sampleRate);
        o.insert(QStringLiteral("endSeconds"), double(s.end) / request.sampleRate);
        o.insert(QStringLiteral("caption"), s.caption);
        sections.append(o);
    }
    QJsonObject planJson = described.value();
    planJson.remove(QStringLiteral("sections"));
    const QJsonObject song{{QStringLiteral("caption"), request.caption},
                           {QStringLiteral("seed"), QString::number(seed)},
                           {QStringLiteral("sampleRate"), request.sampleRate},
                           {QStringLiteral("length"), request.sections.constLast().end},
                           {QStringLiteral("tempo"), result.value().tempo},
                           {QStringLiteral("key"), result.value().key},
                           {QStringLiteral("timeSignature"), QStringLiteral("4/4")},
                           {QStringLiteral("understood"), result.value().understood},
                           {QStringLiteral("mix"), QStringLiteral("mix.flac")},
                           {QStringLiteral("stems"), stems},
                           {QStringLiteral("sections"), sections},
                           {QStringLiteral("plan"), planJson}};
    return writeFile(QDir(folder).filePath(QStringLiteral("song.json")), QJsonDocument(song).toJson());
}

}  // namespace

int main(int argc, char** argv)
{
    QCoreApplication app(argc, argv);
    QCoreApplication::setApplicationName(QStringLiteral("s2a-corpus"));
    QCommandLineParser parser;
    parser.setApplicationDescription(QStringLiteral("Renders a synthetic corpus of songs with exact structure and captions."));
    parser.addHelpOption();
    const QCommandLineOption countOpt(QStringLiteral("count"), QStringLiteral("Number of songs."), QStringLiteral("N"));
    const QCommandLineOption outOpt(QStringLiteral("out"), QStringLiteral("Output folder."), QStringLiteral("DIR"));
    const QCommandLineOption seedOpt(QStringLiteral("seed"), QStringLiteral("Corpus seed (default 1)."), QStringLiteral("S"), QStringLiteral("1"));
    const QCommandLineOption secondsOpt(QStringLiteral("seconds"), QStringLiteral("Song length range (default 30:90)."),
                                        QStringLiteral("MIN:MAX"), QStringLiteral("30:90"));
    parser.addOptions({countOpt, outOpt, seedOpt, secondsOpt});
    parser.process(app);

    bool countOk = false, seedOk = false;
    const int count = parser.value(countOpt).toInt(&countOk);
    const quint64 seed = parser.value(seedOpt).toULongLong(&seedOk);
    const QStringList range = parser.value(secondsOpt).split(QLatin1Char(':'));
    const double minSeconds = range.value(0).toDouble();
    const double maxSeconds = range.value(1).toDouble();
    if (!countOk || count < 1 || !parser.isSet(outOpt) || !seedOk || range.size() != 2 || minSeconds < 4.0
        || maxSeconds < minSeconds) {
        err() << "usage: s2a-corpus --count N --out DIR [--seed S] [--seconds MIN:MAX]  (N >= 1, 4 <= MIN <= MAX)\n";
        return 2;
    }
    const QDir out(parser.value(outOpt));
    if (!out.mkpath(QStringLiteral("."))) {
        err() << "cannot create " << out.path() << "\n";
        return 3;
    }
    QElapsedTimer clock;
    clock.start();
    for (int i = 0; i < count; ++i) {
        const QString folder = out.filePath(QStringLiteral("song-%1.s2a").arg(i + 1, 4, 10, QLatin1Char('0')));
        if (Status s = renderSong(folder, deriveSeed(seed, {quint64(i)}), minSeconds, maxSeconds); !s) {
            err() << folder << ": " << s.errorMessage() << "\n";
            return 1;
        }
        QTextStream(stdout) << folder << "\n";
    }
    QTextStream(stdout) << count << " song(s) in " << clock.elapsed() / 1000.0 << " s\n";
    return 0;
}
