// Any bytes as a file -> AudioFileReader::probe and ::read, what importing or opening audio runs: libsndfile's
// format detection (WAV, AIFF, FLAC, Ogg, MP3, ... by content), our channel-layout mapping, the duration and
// memory caps and the decode loop. A decode that succeeds must hand back what it says it holds.
#include "FuzzScratch.h"

#include "core/audio/AudioFileReader.h"

#include <cstdlib>

using namespace s2a;

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size)
{
    static const std::string file = fuzz::scratchDir() + "/input.audio";
    fuzz::writeWholeFile(file, data, size);
    const QString path = QString::fromStdString(file);

    const Result<core::AudioFileInfo> info = core::AudioFileReader::probe(path);
    const Result<core::DecodedAudio> decoded = core::AudioFileReader::read(path);
    if (info.ok() != decoded.ok() && decoded.ok())
        std::abort();  // read() accepted a file that probe() refuses: the import dialog and the loader disagree
    if (!decoded)
        return decoded.errorMessage().isEmpty() ? (std::abort(), 0) : 0;
    const core::DecodedAudio& audio = decoded.value();
    if (audio.info.sampleRate < 1 || int(audio.audio.channels.size()) < 1)
        std::abort();
    for (const auto& channel : audio.audio.channels)
        if (core::SampleCount(channel.size()) != audio.info.frames)
            std::abort();  // every channel holds exactly the frames the info reports
    return 0;
}
