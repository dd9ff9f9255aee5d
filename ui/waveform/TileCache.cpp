#include "ui/waveform/TileCache.h"

namespace s2a::ui {

TileCache::Tile* TileCache::find(const Key& key)
{
    const auto it = m_map.find(key);
    if (it == m_map.end())
        return nullptr;
    m_order.splice(m_order.begin(), m_order, it->second);
    return &it->second->second;
}

TileCache::Tile& TileCache::insert(const Key& key, Tile tile)
{
    if (const auto it = m_map.find(key); it != m_map.end()) {
        m_bytes -= bytesOf(it->second->second);
        m_order.erase(it->second);
        m_map.erase(it);
    }
    m_bytes += bytesOf(tile);
    m_order.emplace_front(key, std::move(tile));
    m_map.emplace(key, m_order.begin());
    evict(key);
    return m_order.front().second;
}

void TileCache::clear()
{
    m_order.clear();
    m_map.clear();
    m_bytes = 0;
}

void TileCache::setMaxBytes(qint64 bytes)
{
    m_maxBytes = bytes;
    if (!m_order.empty())
        evict(m_order.front().first);
}

void TileCache::evict(const Key& keep)
{
    while (m_bytes > m_maxBytes && m_order.size() > 1) {
        auto last = std::prev(m_order.end());
        if (last->first == keep)
            break;
        m_bytes -= bytesOf(last->second);
        m_map.erase(last->first);
        m_order.erase(last);
    }
}

}  // namespace s2a::ui
