#pragma once

#include <QImage>
#include <QtGlobal>

#include <cstring>
#include <list>
#include <unordered_map>

namespace s2a::ui {

// The rendered tiles of one waveform item, least recently used first out. A tile is identified by its zoom and
// its index on the absolute pixel grid; everything else that shapes its pixels (clips, colour, height) clears
// the whole cache when it changes, so it need not be part of the key.
class TileCache {
public:
    struct Key {
        quint64 zoom = 0;  // the bits of samples per device pixel: exact, and cheap to hash
        qint64 index = 0;
        bool operator==(const Key& o) const { return zoom == o.zoom && index == o.index; }
        static Key of(double samplesPerPixel, qint64 index)
        {
            Key key;
            std::memcpy(&key.zoom, &samplesPerPixel, sizeof(key.zoom));
            key.index = index;
            return key;
        }
    };

    struct Tile {
        QImage image;
        bool complete = true;       // drawn with every clip's data; an incomplete tile is redrawn when data arrives
        quint64 dataGeneration = 0;  // the item's data generation it was drawn with
    };

    explicit TileCache(qint64 maxBytes) : m_maxBytes(maxBytes) {}

    // The tile, marked as just used; null when absent.
    Tile* find(const Key& key);
    // Inserts or replaces, then evicts the least recently used tiles beyond the byte budget (never `key`).
    Tile& insert(const Key& key, Tile tile);
    void clear();

    void setMaxBytes(qint64 bytes);
    qint64 maxBytes() const { return m_maxBytes; }
    qint64 bytes() const { return m_bytes; }
    int size() const { return int(m_map.size()); }

private:
    struct KeyHash {
        size_t operator()(const Key& k) const { return std::hash<quint64>()(k.zoom * 0x9E3779B97F4A7C15ull ^ quint64(k.index)); }
    };
    using Order = std::list<std::pair<Key, Tile>>;  // most recently used first

    void evict(const Key& keep);
    static qint64 bytesOf(const Tile& tile) { return tile.image.sizeInBytes(); }

    qint64 m_maxBytes;
    qint64 m_bytes = 0;
    Order m_order;
    std::unordered_map<Key, Order::iterator, KeyHash> m_map;
};

}  // namespace s2a::ui
