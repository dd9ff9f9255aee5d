#pragma once

namespace s2a::core::realtime {

// Marks the code that runs inside the audio callback. Costs one thread-local store; lets a debug or test
// build's allocation hook tell "allocated on the audio thread, inside the callback" from everything else.
bool inCallback();

class Scope {
public:
    Scope();
    ~Scope();
    Scope(const Scope&) = delete;
    Scope& operator=(const Scope&) = delete;
};

}  // namespace s2a::core::realtime
