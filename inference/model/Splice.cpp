#include "inference/model/Splice.h"

#include <algorithm>
#include <cmath>
#include <string>

namespace s2a::model {

std::vector<float> equalPowerCrossfade(int64_t n)
{
    if (n < 0)
        throw SpliceError("negative cross-fade length");
    constexpr double halfPi = 1.57079632679489661923;
    std::vector<float> fadeIn(static_cast<size_t>(n));
    for (int64_t i = 0; i < n; ++i)
        fadeIn[size_t(i)] = float(std::sin(halfPi * double(i + 1) / double(n + 1)));
    return fadeIn;
}

void spliceInto(ChannelBuffers& destination, const ChannelBuffers& source, int64_t start, int64_t crossfadeSamples)
{
    if (destination.size() != source.size())
        throw SpliceError("splice of " + std::to_string(source.size()) + " channels into "
                          + std::to_string(destination.size()));
    if (crossfadeSamples < 0)
        throw SpliceError("negative cross-fade length");
    if (source.empty())
        return;
    const int64_t length = int64_t(source.front().size());
    for (size_t c = 0; c < source.size(); ++c) {
        if (int64_t(source[c].size()) != length || destination[c].size() != destination.front().size())
            throw SpliceError("channels of different lengths in splice");
    }
    const int64_t total = int64_t(destination.front().size());
    if (start < 0 || start + length > total)
        throw SpliceError("section [" + std::to_string(start) + ", " + std::to_string(start + length)
                          + ") does not fit audio of " + std::to_string(total) + " samples");

    // Both fades live inside the section, so they may not overlap: at most half the section each.
    const int64_t n = std::min(crossfadeSamples, length / 2);
    const std::vector<float> fadeIn = equalPowerCrossfade(n);
    for (size_t c = 0; c < source.size(); ++c) {
        float* out = destination[c].data() + start;
        const float* in = source[c].data();
        for (int64_t i = 0; i < length; ++i) {
            if (i < n) {
                // Entering the section: old audio fades out, new fades in.
                out[i] = fadeIn[size_t(n - 1 - i)] * out[i] + fadeIn[size_t(i)] * in[i];
            } else if (i >= length - n) {
                // Leaving it: the mirror image, back to the old audio at the section's end.
                const int64_t k = length - 1 - i;  // n-1 .. 0 -> 0 at the last sample
                out[i] = fadeIn[size_t(n - 1 - k)] * out[i] + fadeIn[size_t(k)] * in[i];
            } else {
                out[i] = in[i];
            }
        }
    }
}

}  // namespace s2a::model
