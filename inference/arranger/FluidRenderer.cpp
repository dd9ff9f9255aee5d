#include "inference/arranger/FluidRenderer.h"

#include "inference/arranger/InstrumentCatalog.h"
#include "inference/arranger/StemReverb.h"

#include <QElapsedTimer>
#include <QFile>
#include <QFileInfo>

#include <fluidsynth.h>

#include <algorithm>
#include <atomic>
#include <chrono>
#include <memory>
#include <mutex>
#include <optional>
#include <thread>

namespace s2a::inference::arranger {
namespace {

constexpr int kChunk = 4096;      // frames rendered between cancellation checks
constexpr double kSynthGain = 0.32;

struct SettingsDeleter { void operator()(fluid_settings_t* s) const { delete_fluid_settings(s); } };
struct SynthDeleter { void operator()(fluid_synth_t* s) const { delete_fluid_synth(s); } };
using SettingsPtr = std::unique_ptr<fluid_settings_t, SettingsDeleter>;
using SynthPtr = std::unique_ptr<fluid_synth_t, SynthDeleter>;

struct Voice {
    SettingsPtr settings;
    SynthPtr synth;
    fluid_sfont_t* borrowed = nullptr;  // a font owned by another synth of this thread (see makeSynth)

    Voice() = default;
    Voice(Voice&&) = default;
    Voice& operator=(Voice&&) = delete;
    ~Voice()
    {
        // A synth frees the fonts on its stack when deleted; a borrowed one must come off the stack first.
        if (borrowed && synth)
            fluid_synth_remove_sfont(synth.get(), borrowed);
    }
};

void quietFluidLogging()
{
    static std::once_flag once;
    std::call_once(once, [] {
        // FluidSynth warns on stderr about soundfont quirks (missing presets it then substitutes); users
        // cannot act on those. Errors still surface through return codes.
        for (int level : {FLUID_WARN, FLUID_INFO, FLUID_DBG})
            fluid_set_log_function(level, nullptr, nullptr);
    });
}

// With `shared` (a font loaded by a synth that outlives this one, on the same thread), the synth uses that
// font instead of loading the file again: even with FluidSynth's sample cache warm, a load re-parses the
// font's presets and rescans every sample (tens of ms a stem). A font is only ever shared within one thread,
// because voices update their samples' reference counts without locking.
Result<Voice> makeSynth(const QString& soundFont, const Instrument& in, int sampleRate, fluid_sfont_t* shared = nullptr)
{
    Voice v;
    v.settings.reset(new_fluid_settings());
    fluid_settings_t* s = v.settings.get();
    fluid_settings_setnum(s, "synth.sample-rate", sampleRate);
    fluid_settings_setnum(s, "synth.gain", kSynthGain);
    fluid_settings_setint(s, "synth.threadsafe-api", 0);
    fluid_settings_setint(s, "synth.cpu-cores", 1);
    fluid_settings_setint(s, "synth.polyphony", 128);
    // Whole-font loading lets FluidSynth's sample cache share decoded samples between synths of one process.
    fluid_settings_setint(s, "synth.dynamic-sample-loading", 0);
    // FluidSynth renders dry: its reverb ran for the whole song in every stem (silence included) and cost
    // more than most stems' voices; StemReverb replaces it (see reverbFor). Its chorus costs as much as a
    // stem's voices for a subtle widening; the arrangement gets width from panning and reverb instead.
    fluid_settings_setint(s, "synth.reverb.active", 0);
    fluid_settings_setint(s, "synth.chorus.active", 0);
    v.synth.reset(new_fluid_synth(s));
    if (!v.synth)
        return Error{QStringLiteral("FluidSynth could not start a synthesizer.")};
    int id = FLUID_FAILED;
    if (shared) {
        id = fluid_synth_add_sfont(v.synth.get(), shared);
        if (id != FLUID_FAILED)
            v.borrowed = shared;
    } else {
        id = fluid_synth_sfload(v.synth.get(), QFile::encodeName(soundFont).constData(), 0);
    }
    if (id == FLUID_FAILED)
        return Error{QStringLiteral("The soundfont %1 could not be loaded.").arg(soundFont)};
    fluid_synth_set_interp_method(v.synth.get(), -1, FLUID_INTERP_LINEAR);
    const int channel = in.drums ? kDrumChannel : 0;
    const int bank = in.drums ? 128 : 0;
    // Fall back to the plain kit / bank-0 program when the font lacks a variation (TimGM6mb has few kits).
    if (fluid_synth_program_select(v.synth.get(), channel, id, bank, in.program) != FLUID_OK
        && fluid_synth_program_select(v.synth.get(), channel, id, bank, in.drums ? 0 : in.program) != FLUID_OK)
        return Error{QStringLiteral("The soundfont %1 has no instrument for program %2.").arg(soundFont).arg(in.program)};
    fluid_synth_cc(v.synth.get(), channel, 7, in.volume);
    fluid_synth_cc(v.synth.get(), channel, 10, in.pan);
    fluid_synth_cc(v.synth.get(), channel, 91, in.reverb);
    fluid_synth_cc(v.synth.get(), channel, 93, in.chorus);
    return v;
}

// FluidSynth's reverb (room 0.55, damp 0.35, width 0.9, level 0.55) as StemReverb settings. Its tail measured
// RT60 1.7-2.0 s on single notes; the send per role is set so that each stem's wet/dry energy ratio matches
// what FluidSynth gave with MuseScore_General (whose presets add their own sends on top of CC 91, which is
// why the factors differ by role).
StemReverb::Params reverbFor(const Instrument& in)
{
    float perRole = 0.13f;
    switch (in.role) {
    case core::TrackRole::Drums: perRole = 0.120f; break;
    case core::TrackRole::Keys: perRole = 0.117f; break;
    case core::TrackRole::Guitar: perRole = 0.132f; break;
    case core::TrackRole::Strings: perRole = 0.159f; break;
    case core::TrackRole::Pads: perRole = 0.175f; break;
    case core::TrackRole::Lead: perRole = 0.089f; break;
    default: perRole = 0.345f; break;  // brass and the like: MuseScore's presets are wet
    }
    StemReverb::Params p;
    p.decaySeconds = 1.9f;
    p.damping = 0.35f;
    p.width = 0.9f;
    p.send = perRole * float(in.reverb) / 127.0f;
    return p;
}

struct MidiEvent {
    qint64 sample;
    bool on;
    int pitch;
    int velocity;
};

std::vector<MidiEvent> eventsFor(const StemPart& part, const Timeline& timeline, qint64 from, qint64 to)
{
    std::vector<MidiEvent> events;
    for (const NoteEvent& n : part.notes) {
        const qint64 on = timeline.tickToSample(n.tick);
        const qint64 off = timeline.tickToSample(n.tick + n.length);
        if (on < from || on >= to)
            continue;  // notes that start before the render window belong to a pre-roll we did not ask for
        events.push_back({on, true, n.pitch, n.velocity});
        events.push_back({std::max(off, on + 1), false, n.pitch, 0});
    }
    std::stable_sort(events.begin(), events.end(), [](const MidiEvent& a, const MidiEvent& b) {
        return a.sample != b.sample ? a.sample < b.sample : (!a.on && b.on);
    });
    return events;
}

// Renders one stem; returns false when cancelled.
bool renderStem(fluid_synth_t* synth, const StemPart& part, const Timeline& timeline, const FluidRenderer::Span& span,
                core::AudioBuffer& out, std::atomic<qint64>& framesDone, const std::atomic<bool>& cancel)
{
    const int channel = part.instrument.drums ? kDrumChannel : 0;
    const std::vector<MidiEvent> events = eventsFor(part, timeline, span.renderFrom, span.to);
    // The reverb runs through the pre-roll too, so tails ringing into the kept span are there.
    std::unique_ptr<StemReverb> reverb;
    if (part.instrument.reverb > 0)
        reverb = std::make_unique<StemReverb>(timeline.sampleRate(), reverbFor(part.instrument));
    std::vector<float> scratchL, scratchR;
    size_t next = 0;
    qint64 pos = span.renderFrom;
    while (pos < span.to) {
        while (next < events.size() && events[next].sample <= pos) {
            const MidiEvent& e = events[next++];
            if (e.on)
                fluid_synth_noteon(synth, channel, e.pitch, e.velocity);
            else
                fluid_synth_noteoff(synth, channel, e.pitch);
        }
        qint64 until = std::min(span.to, pos + kChunk);
        if (next < events.size())
            until = std::min(until, events[next].sample);
        const int n = int(until - pos);
        if (pos >= span.keepFrom) {
            const qint64 offset = pos - span.keepFrom;
            fluid_synth_write_float(synth, n, out.channels[0].data(), int(offset), 1, out.channels[1].data(), int(offset), 1);
            if (reverb)
                reverb->process(out.channels[0].data() + offset, out.channels[1].data() + offset, n);
        } else {
            // Pre-roll: rendered for the synth's state (held notes, reverb), then dropped.
            const int keep = int(std::max<qint64>(0, until - span.keepFrom));
            scratchL.resize(size_t(n));
            scratchR.resize(size_t(n));
            fluid_synth_write_float(synth, n, scratchL.data(), 0, 1, scratchR.data(), 0, 1);
            if (reverb)
                reverb->process(scratchL.data(), scratchR.data(), n);
            for (int i = n - keep; i < n; ++i) {
                out.channels[0][size_t(pos + i - span.keepFrom)] = scratchL[size_t(i)];
                out.channels[1][size_t(pos + i - span.keepFrom)] = scratchR[size_t(i)];
            }
        }
        pos = until;
        framesDone.fetch_add(n, std::memory_order_relaxed);
        if (cancel.load(std::memory_order_relaxed))
            return false;
    }
    return true;
}

}  // namespace

Result<QString> FluidRenderer::findSoundFont()
{
    const QByteArray env = qgetenv("S2A_SOUNDFONT");
    if (!env.isEmpty()) {
        const QString path = QFile::decodeName(env);
        if (!QFileInfo(path).isReadable())
            return Error{QStringLiteral("The soundfont named by S2A_SOUNDFONT (%1) cannot be read.").arg(path)};
        return path;
    }
    // Best first: MuseScore's General (small) sounds closest to real instruments; FluidR3 is a good second;
    // TimGM6mb is tiny and always there on a dev machine.
    const QStringList candidates{
        QStringLiteral("/usr/share/sounds/sf3/MuseScore_General_Lite.sf3"),
        QStringLiteral("/usr/share/sounds/sf2/FluidR3_GM.sf2"),
        QStringLiteral("/usr/share/sounds/sf3/MuseScore_General.sf3"),
        QStringLiteral("/usr/share/sounds/sf2/TimGM6mb.sf2"),
        QStringLiteral("/usr/share/sounds/sf2/default-GM.sf2"),
    };
    for (const QString& c : candidates)
        if (QFileInfo(c).isReadable())
            return c;
    return Error{QStringLiteral("No General MIDI soundfont was found. Install one (sudo apt-get install "
                                "musescore-general-soundfont-small) or point S2A_SOUNDFONT at an .sf2/.sf3 file.")};
}

Result<std::vector<core::AudioBuffer>> FluidRenderer::render(const std::vector<StemPart>& parts, const Timeline& timeline,
                                                             const Span& span, JobControl& job, double progressFrom,
                                                             double progressTo, Timing* timing)
{
    quietFluidLogging();
    auto font = findSoundFont();
    if (!font)
        return font.error();
    QElapsedTimer clock;
    clock.start();
    // One synth stays loaded for the life of the process: FluidSynth's sample cache then shares the decoded
    // soundfont with every later synth, which turns a two-second sf3 load into milliseconds.
    static std::mutex anchorMutex;
    static std::vector<std::pair<QString, Voice>> anchors;
    {
        std::lock_guard<std::mutex> lock(anchorMutex);
        if (std::none_of(anchors.begin(), anchors.end(), [&](const auto& a) { return a.first == font.value(); })) {
            auto anchor = makeSynth(font.value(), makeInstrument(core::TrackRole::Keys, 0, QString()), timeline.sampleRate());
            if (!anchor)
                return anchor.error();
            anchors.emplace_back(font.value(), std::move(anchor.value()));
        }
    }
    if (timing)
        timing->loadSeconds = clock.nsecsElapsed() * 1e-9;
    clock.restart();

    const qint64 frames = span.to - span.keepFrom;
    std::vector<core::AudioBuffer> out;
    out.reserve(parts.size());
    for (size_t i = 0; i < parts.size(); ++i)
        out.push_back(core::AudioBuffer::silence(2, frames, timeline.sampleRate()));

    // Longest stems first: with a shared queue on two threads, the song then ends with two short stems
    // rather than one thread idling while the other renders pads. The estimate is sounding time (a note's
    // length plus about half a second of release), which is what FluidSynth's cost follows.
    std::vector<size_t> order(parts.size());
    std::vector<double> work(parts.size(), 0.0);
    for (size_t i = 0; i < parts.size(); ++i) {
        order[i] = i;
        for (const NoteEvent& n : parts[i].notes)
            work[i] += double(timeline.tickToSample(n.tick + n.length) - timeline.tickToSample(n.tick)) + 0.5 * timeline.sampleRate();
    }
    std::stable_sort(order.begin(), order.end(), [&](size_t a, size_t b) { return work[a] > work[b]; });

    std::atomic<size_t> nextStem{0};
    std::atomic<qint64> framesDone{0};
    std::atomic<bool> cancel{false};
    std::atomic<int> running{0};
    std::vector<QString> errors(parts.size());
    auto worker = [&] {
        std::optional<Voice> owner;  // this thread's first synth: it loaded the font the later ones borrow, so it dies last
        for (size_t k = nextStem.fetch_add(1); k < parts.size(); k = nextStem.fetch_add(1)) {
            const size_t i = order[k];
            // Each worker sets up its own synths, so the per-synth soundfont setup (tens of ms each even with
            // the sample cache warm) is spread over both cores and overlaps the other thread's rendering.
            auto v = makeSynth(font.value(), parts[i].instrument, timeline.sampleRate(),
                               owner ? fluid_synth_get_sfont(owner->synth.get(), 0) : nullptr);
            if (!v) {
                errors[i] = v.errorMessage();
                cancel = true;
                break;
            }
            const bool done = renderStem(v.value().synth.get(), parts[i], timeline, span, out[i], framesDone, cancel);
            if (!owner)
                owner.emplace(std::move(v.value()));
            if (!done)
                break;
        }
        running.fetch_sub(1);
    };
    const int threads = int(std::clamp<size_t>(std::thread::hardware_concurrency(), 1, 2));
    std::vector<std::thread> pool;
    running = threads;
    for (int t = 0; t < threads; ++t)
        pool.emplace_back(worker);
    const double totalFrames = double(std::max<qint64>(1, (span.to - span.renderFrom) * qint64(parts.size())));
    // The caller's JobControl is only touched from this thread.
    while (running.load() > 0) {
        std::this_thread::sleep_for(std::chrono::milliseconds(20));
        if (job.cancelled())
            cancel = true;
        job.progress(progressFrom + (progressTo - progressFrom) * (double(framesDone.load()) / totalFrames),
                     QStringLiteral("Rendering stems"));
    }
    for (std::thread& t : pool)
        t.join();
    for (const QString& e : errors)
        if (!e.isEmpty())
            return Error{e};
    if (cancel.load() || job.cancelled())
        return cancelledError();
    if (timing)
        timing->renderSeconds = clock.nsecsElapsed() * 1e-9;
    return out;
}

}  // namespace s2a::inference::arranger
