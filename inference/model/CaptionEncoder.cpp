#include "inference/model/CaptionEncoder.h"

#include <torch/torch.h>

#include <cctype>

namespace s2a::model {

namespace {

// Music descriptors: the arranger's caption words (genres, instruments, moods, tempo words) plus section
// labels, keys and structure words. Append only: a word's id is its position, and weights depend on it.
const char* const kWords[] = {
    // genres and styles
    "pop", "rock", "funk", "funky", "jazz", "jazzy", "blues", "bluesy", "soul", "rnb", "r&b", "hip-hop", "hiphop",
    "hip", "hop", "rap", "trap", "boom", "bap", "lo-fi", "lofi", "lo", "fi", "chillhop", "chill", "edm", "house",
    "techno", "trance", "dubstep", "dub", "garage", "disco", "dance", "electronic", "electronica", "electro",
    "synthpop", "ambient", "drone", "cinematic", "orchestral", "classical", "film", "score", "soundtrack",
    "trailer", "folk", "country", "americana", "bluegrass", "gospel", "reggae", "ska", "dancehall", "latin",
    "salsa", "samba", "bossa", "nova", "cumbia", "metal", "thrash", "djent", "punk", "grunge", "indie",
    "alternative", "ballad", "motown", "bebop", "swing", "shuffle", "breakbeat", "neo", "nu", "future",
    "meditation", "singer", "songwriter", "church", "spanish", "french", "new", "age",
    // instruments
    "drums", "drum", "kit", "beat", "beats", "percussion", "brushed", "brushes", "shaker", "tambourine",
    "cowbell", "conga", "congas", "bongo", "bongos", "claves", "timbales", "hand", "machine", "bass", "bassline",
    "sub", "slap", "fretless", "upright", "double", "piano", "grand", "keys", "keyboard", "rhodes", "wurli",
    "wurlitzer", "ep", "organ", "hammond", "clav", "clavinet", "harpsichord", "celesta", "guitar", "guitars",
    "acoustic", "electric", "nylon", "clean", "overdriven", "distorted", "muted", "banjo", "mandolin",
    "ukulele", "strings", "string", "violin", "violins", "viola", "cello", "pizzicato", "orchestra", "harp",
    "brass", "horn", "horns", "trumpet", "trombone", "sax", "saxophone", "tenor", "flute", "clarinet", "oboe",
    "accordion", "harmonica", "fiddle", "whistle", "synth", "synths", "synthesizer", "saw", "pad", "pads", "arp",
    "arpeggiator", "lead", "melody", "bells", "glockenspiel", "marimba", "vibraphone", "vibes", "choir",
    "voices", "vocals", "vocal", "band", "live", "drumless", "only", "no",
    // moods and character
    "happy", "sad", "dark", "bright", "warm", "cold", "calm", "relaxed", "laid", "back", "lazy", "mellow",
    "gentle", "soft", "quiet", "loud", "intense", "aggressive", "powerful", "heavy", "big", "huge", "massive",
    "epic", "anthemic", "triumphant", "uplifting", "hopeful", "joyful", "cheerful", "sunny", "summery",
    "energetic", "driving", "groovy", "dreamy", "atmospheric", "atmosphere", "moody", "melancholic",
    "melancholy", "nostalgic", "romantic", "intimate", "delicate", "sparse", "minimal", "stripped", "full",
    "deep", "crunchy", "haunting", "mysterious", "ominous", "brooding", "gloomy", "somber", "sombre", "tense",
    "tension", "peaceful", "frantic", "building", "rising", "feel", "good", "music",
    // tempo words
    "tempo", "bpm", "slow", "fast", "quick", "brisk", "medium", "mid", "midtempo", "uptempo", "upbeat", "up",
    "very", "half", "time",
    // sections and structure
    "intro", "verse", "pre-chorus", "pre", "chorus", "bridge", "breakdown", "build", "drop", "solo", "outro",
    "custom", "section", "fill", "ending", "fade", "hook", "riff", "groove", "loop",
    // keys and harmony
    "key", "major", "minor", "sharp", "flat", "c", "d", "e", "f", "g", "a", "b", "chord", "chords",
    "progression", "in", "with", "and", "of", "the", "x"};

uint32_t fnv1a(const std::string& s) {
    uint32_t h = 2166136261u;
    for (unsigned char ch : s) {
        h ^= ch;
        h *= 16777619u;
    }
    return h;
}

}  // namespace

CaptionTokenizer::CaptionTokenizer(int64_t vocabSize, int64_t hashBuckets, int64_t maxTokens)
    : hashBuckets_(hashBuckets), maxTokens_(maxTokens) {
    for (const char* w : kWords) {
        if (index_.count(w)) continue;  // a duplicate in the list would shift nothing but waste an id
        index_[w] = 2 + int64_t(vocab_.size());
        vocab_.emplace_back(w);
    }
    for (int n = 0; n < 256; ++n) {
        const std::string w = std::to_string(n);
        index_[w] = 2 + int64_t(vocab_.size());
        vocab_.push_back(w);
    }
    if (firstBucketId() + hashBuckets_ > vocabSize)
        throw ConfigError("caption.vocabSize " + std::to_string(vocabSize) + " is too small: the tokenizer needs " +
                          std::to_string(firstBucketId()) + " word ids + " + std::to_string(hashBuckets_) +
                          " hash buckets");
}

std::vector<std::string> CaptionTokenizer::words(const std::string& caption) const {
    // Split into runs of letters / digits (keeping '-' and '&' inside runs for "lo-fi", "r&b").
    std::vector<std::string> raw;
    std::string cur;
    auto flush = [&] {
        if (!cur.empty()) raw.push_back(cur);
        cur.clear();
    };
    for (unsigned char ch : caption) {
        const bool digit = std::isdigit(ch) != 0;
        const bool alpha = std::isalpha(ch) != 0 || ch >= 0x80;  // UTF-8 bytes stay inside words
        if (digit || alpha || ((ch == '-' || ch == '&') && !cur.empty())) {
            // Digit/letter boundary: "92bpm" -> "92" "bpm".
            if (!cur.empty() && (digit != (std::isdigit(static_cast<unsigned char>(cur.back())) != 0)) &&
                cur.back() != '-' && cur.back() != '&')
                flush();
            cur.push_back(char(std::tolower(ch)));
        } else {
            flush();
        }
    }
    flush();
    std::vector<std::string> out;
    for (auto w : raw) {
        while (!w.empty() && (w.back() == '-' || w.back() == '&')) w.pop_back();
        if (w.empty()) continue;
        if (index_.count(w) || w.find_first_of("-&") == std::string::npos) {
            out.push_back(w);
            continue;
        }
        size_t start = 0;  // unknown compound: split at the joiners
        while (start <= w.size()) {
            const size_t end = w.find_first_of("-&", start);
            const std::string piece = w.substr(start, end == std::string::npos ? std::string::npos : end - start);
            if (!piece.empty()) out.push_back(piece);
            if (end == std::string::npos) break;
            start = end + 1;
        }
    }
    return out;
}

std::vector<int64_t> CaptionTokenizer::tokenize(const std::string& caption) const {
    std::vector<int64_t> ids;
    for (const auto& w : words(caption)) {
        if (int64_t(ids.size()) >= maxTokens_) break;
        auto it = index_.find(w);
        ids.push_back(it != index_.end() ? it->second : firstBucketId() + int64_t(fnv1a(w) % uint32_t(hashBuckets_)));
    }
    if (ids.empty()) ids.push_back(kEmptyId);
    return ids;
}

std::pair<torch::Tensor, torch::Tensor> CaptionTokenizer::batch(const std::vector<std::string>& captions) const {
    std::vector<std::vector<int64_t>> all;
    int64_t longest = 1;
    for (const auto& c : captions) {
        all.push_back(tokenize(c));
        longest = std::max<int64_t>(longest, int64_t(all.back().size()));
    }
    auto ids = torch::full({int64_t(captions.size()), longest}, kPadId, torch::kInt64);
    auto mask = torch::zeros({int64_t(captions.size()), longest}, torch::kBool);
    auto idsA = ids.accessor<int64_t, 2>();
    auto maskA = mask.accessor<bool, 2>();
    for (size_t b = 0; b < all.size(); ++b)
        for (size_t i = 0; i < all[b].size(); ++i) {
            idsA[int64_t(b)][int64_t(i)] = all[b][i];
            maskA[int64_t(b)][int64_t(i)] = true;
        }
    return {ids, mask};
}

CaptionLayerImpl::CaptionLayerImpl(int64_t width, int64_t heads, int64_t hidden) {
    ln1 = register_module("ln1", torch::nn::LayerNorm(torch::nn::LayerNormOptions({width})));
    attn = register_module("attn", Attention(width, heads, width));
    ln2 = register_module("ln2", torch::nn::LayerNorm(torch::nn::LayerNormOptions({width})));
    mlp = register_module("mlp", FeedForward(width, hidden));
}

torch::Tensor CaptionLayerImpl::forward(const torch::Tensor& x, const torch::Tensor& mask) {
    auto h = ln1->forward(x);
    auto y = x + attn->forward(h, h, mask);
    return y + mlp->forward(ln2->forward(y));
}

CaptionEncoderImpl::CaptionEncoderImpl(const CaptionConfig& config) : config_(config) {
    token = register_module("token", torch::nn::Embedding(config.vocabSize, config.width));
    position = register_parameter("position", torch::randn({config.maxTokens, config.width}) * 0.02);
    layers = register_module("layers", torch::nn::ModuleList());
    const auto hidden = int64_t(config.width * config.ffnRatio + 0.5);
    for (int i = 0; i < config.depth; ++i) layers->push_back(CaptionLayer(config.width, config.heads, hidden));
    norm = register_module("norm", torch::nn::LayerNorm(torch::nn::LayerNormOptions({config.width})));
}

TextEncoding CaptionEncoderImpl::forward(const torch::Tensor& ids, const torch::Tensor& mask) {
    TORCH_CHECK(ids.dim() == 2 && mask.sizes() == ids.sizes(), "CaptionEncoder: expected ids and mask [B, L]");
    const int64_t len = ids.size(1);
    TORCH_CHECK(len <= config_.maxTokens, "CaptionEncoder: ", len, " tokens exceed maxTokens ", config_.maxTokens);
    auto x = token->forward(ids) + position.narrow(0, 0, len).unsqueeze(0);
    for (const auto& layer : *layers) x = layer->as<CaptionLayer>()->forward(x, mask);
    x = norm->forward(x);
    return {x, mask, maskedMeanPool(x, mask)};
}

torch::Tensor maskedMeanPool(const torch::Tensor& tokens, const torch::Tensor& mask) {
    const auto weights = mask.to(tokens.dtype()).unsqueeze(-1);  // [B, L, 1]
    return (tokens * weights).sum(1) / weights.sum(1).clamp_min(1.0);
}

BuiltinTextEncoder::BuiltinTextEncoder(const CaptionConfig& config)
    : BuiltinTextEncoder(config, CaptionEncoder(config)) {}

BuiltinTextEncoder::BuiltinTextEncoder(const CaptionConfig& config, CaptionEncoder encoder)
    : tokenizer_(config.vocabSize, config.hashBuckets, config.maxTokens), encoder_(std::move(encoder)) {}

TextEncoding BuiltinTextEncoder::encode(const std::vector<std::string>& captions) {
    auto [ids, mask] = tokenizer_.batch(captions);
    const auto device = encoder_->token->weight.device();
    return encoder_->forward(ids.to(device), mask.to(device));
}

}  // namespace s2a::model
