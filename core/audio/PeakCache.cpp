#include "core/audio/PeakCache.h"

#include "core/persistence/AtomicFile.h"

#include "core/audio/AudioFileReader.h"

#include <QCryptographicHash>
#include <QFile>
#include <QFileInfo>
#include <QThreadPool>
#include <QtConcurrent/QtConcurrentRun>
#include <QtEndian>
#include <QtDebug>

#include <chrono>
#include <cstring>
#include <filesystem>
#include <optional>
#include <system_error>

namespace s2a::core {
namespace {

constexpr char kMagic[8] = {'S', '2', 'A', 'P', 'E', 'A', 'K', 'S'};
constexpr quint32 kVersion = 1;
constexpr int kChecksumBytes = 16;  // MD5
constexpr qint64 kBlockBytes = 4 + 4 + 8;
constexpr int kMaxChannels = 256;

// Identifies one version of the audio file. Nanosecond mtime (Qt's QFileInfo stops at milliseconds) so that a
// file rewritten twice within a millisecond with the same size is still told apart on filesystems that can.
struct FileStamp {
    qint64 size = 0;
    qint64 mtimeNs = 0;
};

std::filesystem::path toFsPath(const QString& path)
{
#if defined(_WIN32)
    return std::filesystem::path(path.toStdWString());
#else
    return std::filesystem::path(QFile::encodeName(path).toStdString());
#endif
}

std::optional<FileStamp> stampOf(const QString& path)
{
    std::error_code ec;
    const auto fsPath = toFsPath(path);
    const auto size = std::filesystem::file_size(fsPath, ec);
    if (ec)
        return std::nullopt;
    const auto mtime = std::filesystem::last_write_time(fsPath, ec);
    if (ec)
        return std::nullopt;
    return FileStamp{static_cast<qint64>(size),
                     static_cast<qint64>(
                         std::chrono::duration_cast<std::chrono::nanoseconds>(mtime.time_since_epoch()).count())};
}

class ByteWriter {
public:
    explicit ByteWriter(qint64 reserve) { m_bytes.reserve(reserve); }
    void raw(const char* data, int size) { m_bytes.append(data, size); }
    template <typename T>
    void integer(T value)
    {
        const T le = qToLittleEndian(value);
        raw(reinterpret_cast<const char*>(&le), sizeof(le));
    }
    void f32(float value)
    {
        quint32 bits;
        std::memcpy(&bits, &value, sizeof(bits));
        integer(bits);
    }
    void f64(double value)
    {
        quint64 bits;
        std::memcpy(&bits, &value, sizeof(bits));
        integer(bits);
    }
    QByteArray& bytes() { return m_bytes; }

private:
    QByteArray m_bytes;
};

// Reads within the checked size only; callers verify the total size first, so running past the end is a bug.
class ByteReader {
public:
    explicit ByteReader(const QByteArray& bytes) : m_data(bytes.constData()), m_size(bytes.size()) {}
    bool has(qint64 count) const { return m_pos + count <= m_size; }
    const char* raw(qint64 count)
    {
        const char* p = m_data + m_pos;
        m_pos += count;
        return p;
    }
    template <typename T>
    T integer()
    {
        T value;
        std::memcpy(&value, raw(sizeof(T)), sizeof(T));
        return qFromLittleEndian(value);
    }
    float f32()
    {
        const quint32 bits = integer<quint32>();
        float value;
        std::memcpy(&value, &bits, sizeof(value));
        return value;
    }
    double f64()
    {
        const quint64 bits = integer<quint64>();
        double value;
        std::memcpy(&value, &bits, sizeof(value));
        return value;
    }
    qint64 position() const { return m_pos; }

private:
    const char* m_data;
    qint64 m_size;
    qint64 m_pos = 0;
};

constexpr qint64 headerBytes()
{
    return sizeof(kMagic) + 4 + 8 + 8 + 4 + 4 + 8 + 4 + 4 * PeakPyramid::kLevelCount;
}

qint64 payloadBytes(SampleCount frames, int channels)
{
    qint64 blocks = 0;
    for (int level = 0; level < PeakPyramid::kLevelCount; ++level)
        blocks += PeakPyramid::blockCountFor(frames, level);
    return blocks * channels * kBlockBytes;
}

Status storeWithStamp(const QString& audioPath, const PeakPyramid& peaks, const FileStamp& stamp)
{
    const QString cachePath = PeakCache::cachePathFor(audioPath);
    const QString name = QFileInfo(cachePath).fileName();
    ByteWriter out(headerBytes() + payloadBytes(peaks.frames(), peaks.channelCount()) + kChecksumBytes);
    out.raw(kMagic, sizeof(kMagic));
    out.integer<quint32>(kVersion);
    out.integer<qint64>(stamp.size);
    out.integer<qint64>(stamp.mtimeNs);
    out.integer<quint32>(static_cast<quint32>(peaks.sampleRate()));
    out.integer<quint32>(static_cast<quint32>(peaks.channelCount()));
    out.integer<qint64>(peaks.frames());
    out.integer<quint32>(static_cast<quint32>(peaks.levelCount()));
    for (int level = 0; level < peaks.levelCount(); ++level)
        out.integer<quint32>(static_cast<quint32>(peaks.blockSize(level)));
    for (int level = 0; level < peaks.levelCount(); ++level) {
        for (int channel = 0; channel < peaks.channelCount(); ++channel) {
            for (const PeakBlock& block : peaks.blocks(level, channel)) {
                out.f32(block.min);
                out.f32(block.max);
                out.f64(block.sumSquares);
            }
        }
    }
    const QByteArray checksum = QCryptographicHash::hash(out.bytes(), QCryptographicHash::Md5);
    out.raw(checksum.constData(), checksum.size());

    if (Status s = writeFileAtomically(cachePath, out.bytes()); !s)
        return Error{QStringLiteral("%1: writing the peak cache failed (%2)").arg(name, s.errorMessage())};
    return Status::success();
}

}  // namespace

QString PeakCache::cachePathFor(const QString& audioPath)
{
    return audioPath + QStringLiteral(".peaks");
}

Status PeakCache::store(const QString& audioPath, const PeakPyramid& peaks)
{
    const auto stamp = stampOf(audioPath);
    if (!stamp) {
        return Error{QStringLiteral("%1: cannot cache peaks for an audio file that cannot be found")
                         .arg(QFileInfo(audioPath).fileName())};
    }
    return storeWithStamp(audioPath, peaks, *stamp);
}

Result<PeakPyramid> PeakCache::load(const QString& audioPath)
{
    const QString cachePath = cachePathFor(audioPath);
    const QString name = QFileInfo(cachePath).fileName();
    auto fail = [&name](const QString& why) { return Error{QStringLiteral("%1: %2").arg(name, why)}; };

    const auto stamp = stampOf(audioPath);
    if (!stamp)
        return fail(QStringLiteral("the audio file it belongs to is missing"));
    QFile file(cachePath);
    if (!file.exists())
        return fail(QStringLiteral("no peak cache yet"));
    if (!file.open(QIODevice::ReadOnly))
        return fail(QStringLiteral("cannot open the peak cache (%1)").arg(file.errorString()));
    // Checked before reading so that a huge stray file with this name is not pulled into memory.
    const qint64 fileSize = file.size();
    if (fileSize < headerBytes() + kChecksumBytes)
        return fail(QStringLiteral("truncated peak cache (%1 bytes)").arg(fileSize));
    if (fileSize > (qint64(1) << 31))
        return fail(QStringLiteral("not a peak cache, %1 bytes is far too large").arg(fileSize));
    const QByteArray bytes = file.readAll();
    if (bytes.size() != fileSize)
        return fail(QStringLiteral("reading the peak cache failed (%1)").arg(file.errorString()));

    ByteReader in(bytes);
    if (std::memcmp(in.raw(sizeof(kMagic)), kMagic, sizeof(kMagic)) != 0)
        return fail(QStringLiteral("not a peak cache file"));
    const quint32 version = in.integer<quint32>();
    if (version != kVersion)
        return fail(QStringLiteral("peak cache format version %1, this build reads version %2").arg(version).arg(kVersion));
    const qint64 sourceSize = in.integer<qint64>();
    const qint64 sourceMtime = in.integer<qint64>();
    const quint32 sampleRate = in.integer<quint32>();
    const quint32 channels = in.integer<quint32>();
    const qint64 frames = in.integer<qint64>();
    const quint32 levels = in.integer<quint32>();
    if (levels != PeakPyramid::kLevelCount)
        return fail(QStringLiteral("damaged peak cache (%1 levels, expected %2)").arg(levels).arg(PeakPyramid::kLevelCount));
    for (int level = 0; level < PeakPyramid::kLevelCount; ++level) {
        const quint32 size = in.integer<quint32>();
        if (size != static_cast<quint32>(PeakPyramid::kBlockSizes[static_cast<size_t>(level)]))
            return fail(QStringLiteral("peak cache uses block size %1 at level %2, this build uses %3")
                            .arg(size).arg(level).arg(PeakPyramid::kBlockSizes[static_cast<size_t>(level)]));
    }
    if (channels < 1 || channels > kMaxChannels || frames < 1 || frames > (qint64(1) << 40) || sampleRate < 1
        || sampleRate > 10'000'000)
        return fail(QStringLiteral("damaged peak cache header"));
    if (fileSize != in.position() + payloadBytes(frames, static_cast<int>(channels)) + kChecksumBytes)
        return fail(QStringLiteral("damaged peak cache (%1 bytes, the header implies %2)")
                        .arg(fileSize)
                        .arg(in.position() + payloadBytes(frames, static_cast<int>(channels)) + kChecksumBytes));
    const QByteArray expected = QCryptographicHash::hash(QByteArrayView(bytes.constData(), fileSize - kChecksumBytes),
                                                         QCryptographicHash::Md5);
    if (std::memcmp(expected.constData(), bytes.constData() + fileSize - kChecksumBytes, kChecksumBytes) != 0)
        return fail(QStringLiteral("damaged peak cache (checksum mismatch)"));
    // Checked after the checksum so that a damaged file is reported as damaged, not as stale.
    if (sourceSize != stamp->size || sourceMtime != stamp->mtimeNs)
        return fail(QStringLiteral("stale peak cache, the audio file has changed since it was written"));

    PeakPyramid::Levels data(PeakPyramid::kLevelCount);
    for (int level = 0; level < PeakPyramid::kLevelCount; ++level) {
        auto& perChannel = data[static_cast<size_t>(level)];
        perChannel.resize(channels);
        for (auto& blocks : perChannel) {
            blocks.resize(static_cast<size_t>(PeakPyramid::blockCountFor(frames, level)));
            for (PeakBlock& block : blocks) {
                block.min = in.f32();
                block.max = in.f32();
                block.sumSquares = in.f64();
            }
        }
    }
    auto pyramid = PeakPyramid::fromLevels(static_cast<int>(sampleRate), frames, static_cast<int>(channels), std::move(data));
    if (!pyramid)
        return fail(pyramid.errorMessage());
    return pyramid;
}

Result<SharedPeaks> PeakCache::loadOrBuild(const QString& audioPath)
{
    auto cached = load(audioPath);
    if (cached)
        return SharedPeaks(std::make_shared<const PeakPyramid>(std::move(cached).value()));

    // Stamped before decoding: if the file changes while it is read, the cache is stale on the next load
    // instead of pairing new file metadata with peaks of the old content.
    const auto stamp = stampOf(audioPath);
    auto decoded = AudioFileReader::read(audioPath);
    if (!decoded)
        return decoded.error();
    auto peaks = std::make_shared<const PeakPyramid>(PeakPyramid::build(decoded->audio));
    if (stamp) {
        const Status stored = storeWithStamp(audioPath, *peaks, *stamp);
        if (!stored)
            qWarning().noquote() << "peak cache not written:" << stored.errorMessage();
    }
    return SharedPeaks(std::move(peaks));
}

QFuture<Result<SharedPeaks>> PeakCache::requestAsync(const QString& audioPath, QThreadPool* pool)
{
    return QtConcurrent::run(pool ? pool : QThreadPool::globalInstance(),
                             [audioPath] { return loadOrBuild(audioPath); });
}

}  // namespace s2a::core
