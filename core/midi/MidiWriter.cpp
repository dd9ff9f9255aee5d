#include "core/midi/MidiFile.h"

#include <algorithm>
#include <cmath>
#include <map>

namespace s2a::core {

namespace {

constexpr int kTicksPerBeat = 480;

void bigEndian(QByteArray& out, quint32 value, int bytes)
{
    for (int i = bytes - 1; i >= 0; --i)
        out.append(char((value >> (8 * i)) & 0xff));
}

void varLen(QByteArray& out, quint32 value)
{
    QByteArray bytes(1, char(value & 0x7f));
    while ((value >>= 7) > 0)
        bytes.prepend(char(0x80 | (value & 0x7f)));
    out.append(bytes);
}

QByteArray message(int status, int data1, int data2 = -1)
{
    QByteArray bytes;
    bytes.append(char(status));
    bytes.append(char(data1));
    if (data2 >= 0)
        bytes.append(char(data2));
    return bytes;
}

struct Event {
    qint64 tick;
    int order;  // at one tick: program changes, then note-offs, then note-ons (a repeated note restarts cleanly)
    QByteArray bytes;
};

}  // namespace

QByteArray writeMidi(const std::vector<MidiNote>& notes, double tempo)
{
    const double bpm = std::isfinite(tempo) && tempo > 0 ? tempo : 120.0;
    auto ticks = [bpm](double seconds) { return qint64(std::llround(std::max(0.0, seconds) * bpm / 60.0 * kTicksPerBeat)); };
    std::vector<Event> events;
    std::map<int, int> programs;  // channel -> program of its first note
    for (const MidiNote& n : notes) {
        const qint64 on = ticks(n.startSeconds), off = ticks(n.endSeconds);
        if (off <= on || n.pitch < 0 || n.pitch > 127 || n.channel < 0 || n.channel > 15)
            continue;
        programs.emplace(n.channel, std::clamp(n.program, 0, 127));
        events.push_back({off, 1, message(0x80 | n.channel, n.pitch, 0)});
        events.push_back({on, 2, message(0x90 | n.channel, n.pitch, std::clamp(n.velocity, 1, 127))});
    }
    for (const auto& [channel, program] : programs)
        if (channel != 9)  // the GM drum channel plays its kit, not a program
            events.push_back({0, 0, message(0xc0 | channel, program)});
    std::stable_sort(events.begin(), events.end(),
                     [](const Event& a, const Event& b) { return a.tick != b.tick ? a.tick < b.tick : a.order < b.order; });

    QByteArray track;
    const quint32 usPerBeat = quint32(std::llround(60e6 / bpm));
    track.append('\0');
    track.append("\xff\x51\x03", 3);
    bigEndian(track, usPerBeat, 3);
    qint64 last = 0;
    for (const Event& e : events) {
        varLen(track, quint32(e.tick - last));
        track.append(e.bytes);
        last = e.tick;
    }
    track.append("\x00\xff\x2f\x00", 4);

    QByteArray file("MThd");
    bigEndian(file, 6, 4);
    bigEndian(file, 0, 2);  // format 0
    bigEndian(file, 1, 2);
    bigEndian(file, kTicksPerBeat, 2);
    file.append("MTrk");
    bigEndian(file, quint32(track.size()), 4);
    file.append(track);
    return file;
}

QByteArray midiExcerpt(const QByteArray& midi, double from, double length, double tempo)
{
    auto notes = parseMidi(midi, QStringLiteral("the engine's MIDI"));
    if (midi.isEmpty() || !notes)
        return {};
    std::vector<MidiNote> kept;
    for (MidiNote n : notes.value()) {
        n.startSeconds -= from;
        n.endSeconds = std::min(n.endSeconds - from, length);
        if (n.startSeconds >= 0.0 && n.startSeconds < length)
            kept.push_back(n);
    }
    return kept.empty() ? QByteArray() : writeMidi(kept, tempo);
}

}  // namespace s2a::core
