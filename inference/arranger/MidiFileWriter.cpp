#include "inference/arranger/MidiFileWriter.h"

#include <algorithm>
#include <cmath>
#include <vector>

namespace s2a::inference::arranger {
namespace {

struct Message {
    qint64 tick;
    int order;  // note-offs before note-ons at the same tick, so repeated notes retrigger
    QByteArray bytes;
};

void appendVarLen(QByteArray& out, quint32 value)
{
    quint8 buffer[5];
    int n = 0;
    buffer[n++] = quint8(value & 0x7f);
    while ((value >>= 7) != 0)
        buffer[n++] = quint8((value & 0x7f) | 0x80);
    while (n > 0)
        out.append(char(buffer[--n]));
}

void appendBigEndian(QByteArray& out, quint32 value, int bytes)
{
    for (int i = bytes - 1; i >= 0; --i)
        out.append(char((value >> (8 * i)) & 0xff));
}

QByteArray bytes(std::initializer_list<int> list)
{
    QByteArray b;
    for (int v : list)
        b.append(char(v));
    return b;
}

}  // namespace

QByteArray MidiFileWriter::write(const StemPart& part, double tempo, qint64 fromTick, qint64 toTick)
{
    const Instrument& in = part.instrument;
    const int channel = in.drums ? kDrumChannel : 0;
    std::vector<Message> messages;
    const quint32 usPerBeat = quint32(std::lround(60'000'000.0 / tempo));
    messages.push_back({0, 0, bytes({0xff, 0x51, 0x03, int(usPerBeat >> 16) & 0xff, int(usPerBeat >> 8) & 0xff, int(usPerBeat) & 0xff})});
    QByteArray name = in.name.toUtf8().left(120);
    QByteArray meta = bytes({0xff, 0x03, int(name.size())});
    messages.push_back({0, 0, meta + name});
    messages.push_back({0, 1, bytes({0xc0 | channel, in.program & 0x7f})});
    messages.push_back({0, 1, bytes({0xb0 | channel, 7, in.volume})});
    messages.push_back({0, 1, bytes({0xb0 | channel, 10, in.pan})});
    messages.push_back({0, 1, bytes({0xb0 | channel, 91, in.reverb})});
    messages.push_back({0, 1, bytes({0xb0 | channel, 93, in.chorus})});
    for (const NoteEvent& n : part.notes) {
        if (n.tick < fromTick || n.tick >= toTick)
            continue;
        const qint64 on = n.tick - fromTick;
        const qint64 off = std::min(n.tick + n.length, toTick) - fromTick;
        messages.push_back({on, 3, bytes({0x90 | channel, n.pitch, n.velocity})});
        messages.push_back({std::max(off, on + 1), 2, bytes({0x80 | channel, n.pitch, 0})});
    }
    std::stable_sort(messages.begin(), messages.end(), [](const Message& a, const Message& b) {
        return a.tick != b.tick ? a.tick < b.tick : a.order < b.order;
    });

    QByteArray track;
    qint64 last = 0;
    for (const Message& m : messages) {
        appendVarLen(track, quint32(m.tick - last));
        track.append(m.bytes);
        last = m.tick;
    }
    appendVarLen(track, 0);
    track.append(bytes({0xff, 0x2f, 0x00}));

    QByteArray file("MThd");
    appendBigEndian(file, 6, 4);
    appendBigEndian(file, 0, 2);  // format 0
    appendBigEndian(file, 1, 2);  // one track
    appendBigEndian(file, kTicksPerBeat, 2);
    file.append("MTrk");
    appendBigEndian(file, quint32(track.size()), 4);
    file.append(track);
    return file;
}

}  // namespace s2a::inference::arranger
