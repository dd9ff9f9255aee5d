#pragma once

#include <array>
#include <atomic>
#include <cstddef>
#include <type_traits>

namespace s2a::core {

// Wait-free single-producer/single-consumer ring buffer: the only way data crosses between the UI thread and
// the audio callback. Fixed capacity (no allocation after construction); push fails when full instead of
// blocking, so the real-time side never waits.
template <typename T, std::size_t Capacity>
class SpscQueue {
    static_assert(std::is_trivially_copyable_v<T>, "the audio thread must copy items without side effects");
    static_assert((Capacity & (Capacity - 1)) == 0, "capacity must be a power of two");

public:
    bool push(const T& item)
    {
        const std::size_t head = m_head.load(std::memory_order_relaxed);
        if (head - m_tail.load(std::memory_order_acquire) == Capacity)
            return false;
        m_items[head & (Capacity - 1)] = item;
        m_head.store(head + 1, std::memory_order_release);
        return true;
    }

    bool pop(T& item)
    {
        const std::size_t tail = m_tail.load(std::memory_order_relaxed);
        if (tail == m_head.load(std::memory_order_acquire))
            return false;
        item = m_items[tail & (Capacity - 1)];
        m_tail.store(tail + 1, std::memory_order_release);
        return true;
    }

    bool empty() const { return m_tail.load(std::memory_order_acquire) == m_head.load(std::memory_order_acquire); }

private:
    std::array<T, Capacity> m_items{};
    // Producer and consumer indices on their own cache lines so the two threads do not false-share.
    alignas(64) std::atomic<std::size_t> m_head{0};
    alignas(64) std::atomic<std::size_t> m_tail{0};
};

}  // namespace s2a::core
