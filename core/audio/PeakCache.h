#pragma once

#include "core/audio/PeakPyramid.h"
#include "core/util/Result.h"

#include <QFuture>
#include <QString>

#include <memory>

class QThreadPool;

namespace s2a::core {

using SharedPeaks = std::shared_ptr<const PeakPyramid>;

// The peak pyramid of an audio file, kept on disk next to it as `<audiofile>.peaks` so that reopening a
// project draws its waveforms without decoding every file again.
//
// File format (little-endian): magic "S2APEAKS", u32 version, i64 audio file size, i64 audio file mtime
// (ns since the epoch), u32 sample rate, u32 channels, i64 frames, u32 level count, then per level its u32
// block size; then the blocks, level by level and channel by channel, each as f32 min, f32 max, f64 sum of
// squares; finally the 16-byte MD5 of everything before it. The audio file's size and mtime make a cache
// stale as soon as the file changes; the checksum catches damage the structural checks would miss.
class PeakCache {
public:
    static QString cachePathFor(const QString& audioPath);

    // Atomically replaces the cache of `audioPath` (temporary file + rename).
    static Status store(const QString& audioPath, const PeakPyramid& peaks);

    // The cached pyramid, or an error saying why it cannot be used (missing, stale, damaged).
    static Result<PeakPyramid> load(const QString& audioPath);

    // Loads the cache, or decodes the audio, builds the pyramid and stores it. Blocking; a failure to write the
    // cache (read-only folder) is logged and does not fail the call, since the pyramid itself is good.
    static Result<SharedPeaks> loadOrBuild(const QString& audioPath);

    // loadOrBuild on a pool thread (the global pool unless `pool` is given); the calling thread never waits.
    static QFuture<Result<SharedPeaks>> requestAsync(const QString& audioPath, QThreadPool* pool = nullptr);
};

}  // namespace s2a::core
