#pragma once

// Internal to core/audio: the libsndfile handle shared by the reader and the writer. Not part of the public
// audio API so that callers never need libsndfile's headers.

#include "core/audio/AudioFileWriter.h"

#include <QString>

#if defined(_WIN32)
#define ENABLE_SNDFILE_WINDOWS_PROTOTYPES 1
#endif
#include <sndfile.h>

#include <memory>

namespace s2a::core::detail {

struct SndFileCloser {
    void operator()(SNDFILE* file) const
    {
        if (file)
            sf_close(file);
    }
};
using SndFilePtr = std::unique_ptr<SNDFILE, SndFileCloser>;

// Opens with the platform's file-name encoding (wide on Windows, local 8-bit elsewhere) so that non-ASCII
// paths work.
SndFilePtr openSndFile(const QString& path, int mode, SF_INFO* info);

// The name used in messages: the file name alone, which is what the user picked or sees in the bundle.
QString displayName(const QString& path);

// libsndfile's description of the last error on `file` (or of the last failed sf_open when null).
QString sndfileError(SNDFILE* file);

// Why a write or close on `file` failed, from what is known rather than guessed: the system's `savedErrno` (taken
// right after the failing call) when it names the cause (ENOSPC reads "the disk is full"), else libsndfile's own
// error, else the system's, else that the encoder refused the data.
QString writeFailure(SNDFILE* file, int savedErrno);

// libsndfile's format code (major | subtype) for one of our file formats.
int sndfileFormat(AudioFileFormat format);
// Why `format` cannot hold audio at `sampleRate` (MP3: the MPEG rates only; libsndfile checks that only when it
// opens the file, and then blames the folder), or an empty string.
QString sampleRateProblem(AudioFileFormat format, int sampleRate);
// Sets up a lossy encoder on a file opened for writing (Vorbis: `vorbisQuality`; MP3: 320 kbit/s constant);
// clipping for the lossless formats. Returns why the encoder refused, or an empty string.
QString configureEncoder(SNDFILE* file, AudioFileFormat format, double vorbisQuality);

}  // namespace s2a::core::detail
