#pragma once

// Deterministic randomness for the arranger. std::uniform_*_distribution is implementation-defined, so the
// same seed could give different songs with another standard library; everything here is spelled out.
#include "core/util/StableHash.h"

#include <QString>
#include <QtGlobal>

#include <cstdint>
#include <initializer_list>
#include <string_view>

namespace s2a::inference::arranger {

using core::mix64;
using core::stableHash;
inline quint64 stableHash(const QString& text) { return stableHash(std::string_view(text.toUtf8().toStdString())); }

// A seed derived from a parent seed and a few tags (section index, role, ...), so that each decision has its
// own stream: changing how many numbers the bass draws never changes the drums.
inline quint64 deriveSeed(quint64 seed, std::initializer_list<quint64> tags)
{
    quint64 h = mix64(seed);
    for (quint64 t : tags)
        h = mix64(h ^ mix64(t + 0x632BE59BD9B4E019ull));
    return h;
}

class Rng {
public:
    explicit Rng(quint64 seed) : m_state(mix64(seed)) {}
    quint64 next()
    {
        m_state += 0x9E3779B97F4A7C15ull;
        quint64 z = m_state;
        z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ull;
        z = (z ^ (z >> 27)) * 0x94D049BB133111EBull;
        return z ^ (z >> 31);
    }
    // [0, 1) from the top 53 bits.
    double uniform() { return double(next() >> 11) * (1.0 / 9007199254740992.0); }
    double uniform(double lo, double hi) { return lo + (hi - lo) * uniform(); }
    // [lo, hi] inclusive.
    int range(int lo, int hi) { return hi <= lo ? lo : lo + int(next() % quint64(hi - lo + 1)); }
    bool chance(double p) { return uniform() < p; }
    template <typename Container>
    const auto& pick(const Container& c) { return c[size_t(range(0, int(c.size()) - 1))]; }

private:
    quint64 m_state;
};

}  // namespace s2a::inference::arranger
