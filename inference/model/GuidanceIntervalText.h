#pragma once

// Qt-free and torch-free: the one check of a guidance interval and its "A:B" command-line form, shared by the
// sampler (FlowSampler refuses an invalid interval), s2a-eval and bench_model.
#include "inference/model/GuidanceDefaults.h"

#include <charconv>
#include <optional>
#include <string_view>
#include <system_error>

namespace s2a::model {

// 0 <= from <= to <= 1 (NaN fails).
inline bool isValidGuidanceInterval(const GuidanceInterval& interval)
{
    return interval.from >= 0.0 && interval.from <= interval.to && interval.to <= 1.0;
}

// "A:B" as a valid interval, or nothing. std::from_chars, so the decimal point does not follow the C locale a
// Qt program sets from the environment.
inline std::optional<GuidanceInterval> parseGuidanceInterval(std::string_view text)
{
    const size_t colon = text.find(':');
    if (colon == std::string_view::npos)
        return std::nullopt;
    const auto number = [](std::string_view part) -> std::optional<double> {
        double value = 0.0;
        const auto [end, error] = std::from_chars(part.data(), part.data() + part.size(), value);
        if (part.empty() || error != std::errc() || end != part.data() + part.size())
            return std::nullopt;
        return value;
    };
    const std::optional<double> from = number(text.substr(0, colon)), to = number(text.substr(colon + 1));
    if (!from || !to || !isValidGuidanceInterval({*from, *to}))
        return std::nullopt;
    return GuidanceInterval{*from, *to};
}

}  // namespace s2a::model
