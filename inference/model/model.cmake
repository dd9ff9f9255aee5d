# s2a_model: the Qt-free network library (LibTorch, nlohmann-json, the atomic writer). Included from
# inference/CMakeLists.txt and, for the trainer-only build, from the top-level CMakeLists.txt.
add_library(s2a_model STATIC
  ${CMAKE_CURRENT_LIST_DIR}/TorchDevice.h ${CMAKE_CURRENT_LIST_DIR}/TorchDevice.cpp
)
target_include_directories(s2a_model PUBLIC ${PROJECT_SOURCE_DIR})
target_link_libraries(s2a_model PUBLIC torch PRIVATE s2a_atomic)
s2a_set_warnings(s2a_model)
if(S2A_SANITIZE)
  # The asan build compiles the torch translation units optimised and without the sanitizers: their work
  # happens inside Debian's LibTorch, which is not instrumented either, and at -O0 with ASan they alone would
  # cost more build time than CI has (docs/reliability.md). Every caller of them is checked as usual.
  target_compile_options(s2a_model PRIVATE -fno-sanitize=all -O1)
endif()
# Qt-free: no moc, so its objects are the same in the full and the trainer-only build (one ccache entry).
set_target_properties(s2a_model PROPERTIES AUTOMOC OFF AUTOUIC OFF AUTORCC OFF)
# The diffusion model's parts list their own files (target_sources on s2a_model); each is Qt-free.
include(${CMAKE_CURRENT_LIST_DIR}/weights.cmake)
include(${CMAKE_CURRENT_LIST_DIR}/network.cmake)
include(${CMAKE_CURRENT_LIST_DIR}/sampler.cmake)
