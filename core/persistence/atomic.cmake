# The one atomic file writer, Qt-free so that the Qt-free model library (weights) and the trainer use it as
# well. Included from core/CMakeLists.txt and, for the trainer-only build, from the top-level CMakeLists.txt.
add_library(s2a_atomic STATIC ${CMAKE_CURRENT_LIST_DIR}/AtomicWriter.h ${CMAKE_CURRENT_LIST_DIR}/AtomicWriter.cpp)
target_include_directories(s2a_atomic PUBLIC ${PROJECT_SOURCE_DIR})
s2a_set_warnings(s2a_atomic)
