#pragma once

// A sample position or length at another sample rate: round(n * toRate / fromRate), half away from zero, in
// 128-bit arithmetic and saturated to the 64-bit range. Plain 64-bit n * toRate overflows once n passes about
// 2.4e13 samples at 384 kHz; a hostile project ({"end": 9007199254740992}) got there, and so did the
// playback plan and export. The validator bounds songs (limits::kMaxSongSeconds); this keeps every conversion
// defined whatever reaches it.
#include <QtGlobal>

#include <limits>

namespace s2a::core {

__extension__ typedef __int128 WideSampleCount;  // GCC and Clang on 64-bit targets; __extension__: not ISO C++

inline qint64 rescaleSamples(qint64 n, int fromRate, int toRate)
{
    if (fromRate <= 0 || toRate <= 0)
        return 0;
    if (fromRate == toRate)
        return n;
    const WideSampleCount numerator = static_cast<WideSampleCount>(n) * toRate;
    const WideSampleCount half = fromRate / 2;
    const WideSampleCount q = numerator >= 0 ? (numerator + half) / fromRate : -((-numerator + half) / fromRate);
    constexpr WideSampleCount kMax = std::numeric_limits<qint64>::max(), kMin = std::numeric_limits<qint64>::min();
    return static_cast<qint64>(q > kMax ? kMax : (q < kMin ? kMin : q));
}

}  // namespace s2a::core
