#include "core/playback/RealtimeScope.h"

namespace s2a::core::realtime {
namespace {
thread_local int t_depth = 0;
}

bool inCallback() { return t_depth > 0; }
Scope::Scope() { ++t_depth; }
Scope::~Scope() { --t_depth; }

}  // namespace s2a::core::realtime
