#pragma once

// "[2, 64, 215]" for an error message: one helper for every shape the model library reports (std::vector
// shapes of the weights format, at::IntArrayRef sizes of tensors). Qt-free, torch-free.
#include <cstddef>
#include <sstream>
#include <string>

namespace s2a::model {

template <typename Sizes>
std::string shapeText(const Sizes& shape)
{
    std::ostringstream out;
    out << '[';
    for (std::size_t i = 0; i < std::size_t(shape.size()); ++i)
        out << (i ? ", " : "") << shape[i];
    out << ']';
    return out.str();
}

}  // namespace s2a::model
