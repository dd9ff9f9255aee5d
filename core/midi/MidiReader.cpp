#include "core/midi/MidiFile.h"

#include <QDir>
#include <QFile>

#include <algorithm>
#include <array>
#include <deque>
#include <map>
#include <utility>

namespace s2a::core {
namespace {

constexpr int kDrumChannel = 9;

struct TempoChange {
    qint64 tick;
    quint32 usPerBeat;
};

// A note while it is being read: ticks, converted to seconds once the whole tempo map is known (a format 1
// file may keep its tempo track apart from the notes).
struct TickNote {
    qint64 on;
    qint64 off;
    int pitch;
    int velocity;
    int channel;
    int program;
};

class Cursor {
public:
    Cursor(const QByteArray& bytes, qsizetype from, qsizetype to) : m_data(bytes), m_pos(from), m_end(to) {}
    bool atEnd() const { return m_pos >= m_end; }
    qsizetype position() const { return m_pos; }
    bool byte(quint8& out)
    {
        if (m_pos >= m_end)
            return false;
        out = quint8(m_data[m_pos++]);
        return true;
    }
    bool peek(quint8& out) const
    {
        if (m_pos >= m_end)
            return false;
        out = quint8(m_data[m_pos]);
        return true;
    }
    bool skip(quint32 n)
    {
        if (qsizetype(n) > m_end - m_pos)
            return false;
        m_pos += qsizetype(n);
        return true;
    }
    // MIDI's variable-length quantity: at most four bytes, seven bits each.
    bool varLen(quint32& out)
    {
        out = 0;
        for (int i = 0; i < 4; ++i) {
            quint8 b = 0;
            if (!byte(b))
                return false;
            out = (out << 7) | (b & 0x7f);
            if ((b & 0x80) == 0)
                return true;
        }
        return false;
    }

private:
    const QByteArray& m_data;
    qsizetype m_pos;
    qsizetype m_end;
};

quint32 bigEndian(const QByteArray& b, qsizetype at, int bytes)
{
    quint32 v = 0;
    for (int i = 0; i < bytes; ++i)
        v = (v << 8) | quint8(b[at + i]);
    return v;
}

Error failure(const QString& name, const QString& what) { return Error{QStringLiteral("%1: %2").arg(name, what)}; }

// One MTrk chunk: notes (paired on/off per channel and pitch, first in first out) and tempo changes.
Status readTrack(const QByteArray& bytes, qsizetype from, qsizetype to, int trackIndex, const QString& name,
                 std::vector<TickNote>& notes, std::vector<TempoChange>& tempi)
{
    Cursor c(bytes, from, to);
    std::map<std::pair<int, int>, std::deque<std::pair<qint64, int>>> open;  // (channel, pitch) -> (tick, velocity)
    std::array<int, 16> programs{};  // each channel's last program change (General MIDI's 0 before any)
    qint64 tick = 0;
    quint8 status = 0;
    auto truncated = [&] {
        return failure(name, QStringLiteral("track %1 is truncated or malformed at byte %2").arg(trackIndex + 1).arg(c.position()));
    };
    bool ended = false;
    while (!c.atEnd() && !ended) {
        quint32 delta = 0;
        if (!c.varLen(delta))
            return truncated();
        tick += delta;
        quint8 first = 0;
        if (!c.peek(first))
            return truncated();
        if (first & 0x80) {
            c.byte(first);
            // Channel messages set running status. The standard has meta and sysex events cancel it, but
            // files in the wild lean on it afterwards, and a well-formed file never notices the leniency.
            if (first < 0xf0)
                status = first;
        } else if (status == 0) {
            return failure(name, QStringLiteral("track %1 has a data byte without a status at byte %2").arg(trackIndex + 1).arg(c.position()));
        } else {
            first = status;
        }
        if (first == 0xff) {
            quint8 type = 0;
            quint32 length = 0;
            if (!c.byte(type) || !c.varLen(length))
                return truncated();
            const qsizetype at = c.position();
            if (!c.skip(length))
                return truncated();
            if (type == 0x51 && length == 3) {
                const quint32 us = bigEndian(bytes, at, 3);
                if (us == 0)
                    return failure(name, QStringLiteral("track %1 sets a tempo of zero microseconds per beat").arg(trackIndex + 1));
                tempi.push_back({tick, us});
            } else if (type == 0x2f) {
                ended = true;
            }
            continue;
        }
        if (first == 0xf0 || first == 0xf7) {
            quint32 length = 0;
            if (!c.varLen(length) || !c.skip(length))
                return truncated();
            continue;
        }
        if (first >= 0xf0)  // system common/real-time bytes have no place in a file
            return failure(name, QStringLiteral("track %1 has an unexpected status byte 0x%2").arg(trackIndex + 1).arg(first, 2, 16, QLatin1Char('0')));
        const int kind = first & 0xf0;
        const int channel = first & 0x0f;
        quint8 d1 = 0, d2 = 0;
        if (!c.byte(d1))
            return truncated();
        if (kind != 0xc0 && kind != 0xd0 && !c.byte(d2))
            return truncated();
        if (kind == 0xc0) {
            programs[size_t(channel)] = d1 & 0x7f;
        } else if (kind == 0x90 && d2 > 0) {
            open[{channel, d1 & 0x7f}].push_back({tick, d2 & 0x7f});
        } else if (kind == 0x80 || kind == 0x90) {
            auto it = open.find({channel, d1 & 0x7f});
            if (it != open.end() && !it->second.empty()) {
                const auto [on, velocity] = it->second.front();
                it->second.pop_front();
                notes.push_back({on, tick, d1 & 0x7f, velocity, channel, programs[size_t(channel)]});
            }
        }
    }
    for (const auto& [key, starts] : open)
        for (const auto& [on, velocity] : starts)
            notes.push_back({on, tick, key.second, velocity, key.first, programs[size_t(key.first)]});
    return Status::success();
}

}  // namespace

Result<std::vector<MidiNote>> parseMidi(const QByteArray& bytes, const QString& name)
{
    if (bytes.size() < 14 || !bytes.startsWith("MThd"))
        return failure(name, QStringLiteral("not a Standard MIDI File (no MThd header)"));
    const quint32 headerLength = bigEndian(bytes, 4, 4);
    if (headerLength < 6 || qsizetype(headerLength) > bytes.size() - 8)
        return failure(name, QStringLiteral("the MIDI header is truncated"));
    const quint32 format = bigEndian(bytes, 8, 2);
    const quint32 trackCount = bigEndian(bytes, 10, 2);
    const quint32 division = bigEndian(bytes, 12, 2);
    if (format > 1)
        return failure(name, QStringLiteral("MIDI format %1 is not supported (only 0 and 1)").arg(format));
    if (division == 0)
        return failure(name, QStringLiteral("the MIDI header has a time division of zero"));

    std::vector<TickNote> ticks;
    std::vector<TempoChange> tempi;
    qsizetype at = 8 + qsizetype(headerLength);
    int track = 0;
    while (at + 8 <= bytes.size() && quint32(track) < trackCount) {
        const QByteArray id = bytes.mid(at, 4);
        const quint32 length = bigEndian(bytes, at + 4, 4);
        const qsizetype body = at + 8;
        if (qsizetype(length) > bytes.size() - body)
            return failure(name, QStringLiteral("track %1 is longer than the file").arg(track + 1));
        if (id == "MTrk") {  // other chunk types are skipped, as the standard asks
            if (Status s = readTrack(bytes, body, body + qsizetype(length), track, name, ticks, tempi); !s)
                return s.error();
            ++track;
        }
        at = body + qsizetype(length);
    }
    if (quint32(track) < trackCount)
        return failure(name, QStringLiteral("the header announces %1 track(s) but the file holds %2").arg(trackCount).arg(track));

    // Ticks to seconds: SMPTE division is a fixed tick length; metrical division follows the tempo map
    // (120 BPM until the first tempo event, as the standard says).
    std::stable_sort(tempi.begin(), tempi.end(), [](const TempoChange& a, const TempoChange& b) { return a.tick < b.tick; });
    auto seconds = [&](qint64 tick) -> double {
        if (division & 0x8000) {
            const int fps = -int(qint8(quint8(division >> 8)));
            const int perFrame = int(division & 0xff);
            return double(tick) / (double(fps == 29 ? 29.97 : fps) * std::max(1, perFrame));
        }
        double t = 0.0;
        qint64 last = 0;
        double us = 500000.0;
        for (const TempoChange& c : tempi) {
            if (c.tick >= tick)
                break;
            t += double(c.tick - last) * us / (1e6 * division);
            last = c.tick;
            us = c.usPerBeat;
        }
        return t + double(tick - last) * us / (1e6 * division);
    };
    std::vector<MidiNote> notes;
    notes.reserve(ticks.size());
    for (const TickNote& n : ticks)
        notes.push_back({seconds(n.on), seconds(n.off), n.pitch, n.velocity, n.channel, n.channel == kDrumChannel, n.program});
    std::stable_sort(notes.begin(), notes.end(), [](const MidiNote& a, const MidiNote& b) {
        return a.startSeconds != b.startSeconds ? a.startSeconds < b.startSeconds : a.pitch < b.pitch;
    });
    return notes;
}

Result<std::vector<MidiNote>> readMidiFile(const QString& path)
{
    QFile f(path);
    if (!f.open(QIODevice::ReadOnly))
        return Error{QStringLiteral("%1: cannot be read: %2").arg(QDir::toNativeSeparators(path), f.errorString())};
    return parseMidi(f.readAll(), QDir::toNativeSeparators(path));
}

}  // namespace s2a::core
