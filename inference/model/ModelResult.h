#pragma once

// Qt-free: this header is part of the model library that builds with LibTorch alone (and needs no torch
// either). core/util/Result.h is the app's Qt equivalent; the model library cannot use it because it would
// pull Qt into a target that must build on a GPU server without Qt.
//
// Usage:
//     Result<Weights> r = readSomething(path);
//     if (!r) return Result<Other>::failure(r.error);   // r.error is one sentence naming the file/tensor
//     use(*r);                                           // or r->member, or r.value.value()
//
//     Status s = writeSomething(path);
//     if (!s) report(s.error);

#include <optional>
#include <string>
#include <utility>

namespace s2a::model {

// The value of an operation that can fail for reasons outside the program's control (bad files, bad
// input). Exactly one of `value` and `error` is set: `error` is empty on success. Programming errors stay
// asserts or exceptions; Result is for what a user can cause and must be told about.
template <class T>
struct Result {
    std::optional<T> value;
    std::string error;

    static Result success(T v)
    {
        Result r;
        r.value.emplace(std::move(v));
        return r;
    }
    static Result failure(std::string message)
    {
        Result r;
        r.error = std::move(message);
        // An empty message would read as success to a caller checking `error.empty()`.
        if (r.error.empty())
            r.error = "unknown error";
        return r;
    }

    bool ok() const { return value.has_value(); }
    explicit operator bool() const { return ok(); }

    const T& operator*() const& { return *value; }
    T& operator*() & { return *value; }
    T&& operator*() && { return std::move(*value); }
    const T* operator->() const { return &*value; }
    T* operator->() { return &*value; }
};

// For operations that return nothing but can fail: success when `error` is empty.
struct Status {
    std::string error;

    static Status success() { return {}; }
    static Status failure(std::string message)
    {
        Status s;
        s.error = message.empty() ? std::string("unknown error") : std::move(message);
        return s;
    }

    bool ok() const { return error.empty(); }
    explicit operator bool() const { return ok(); }
};

}  // namespace s2a::model
