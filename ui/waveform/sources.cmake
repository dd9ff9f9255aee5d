# The editor's waveform lane (QML type Waveform). Appends to S2A_UI_SOURCES and S2A_UI_REGISTERED_DIRS (see
# ui/CMakeLists.txt, which includes this before creating s2a_ui).
list(APPEND S2A_UI_SOURCES
  ${CMAKE_CURRENT_LIST_DIR}/WaveformItem.h ${CMAKE_CURRENT_LIST_DIR}/WaveformItem.cpp
  ${CMAKE_CURRENT_LIST_DIR}/WaveformRenderer.h ${CMAKE_CURRENT_LIST_DIR}/WaveformRenderer.cpp
  ${CMAKE_CURRENT_LIST_DIR}/TileCache.h ${CMAKE_CURRENT_LIST_DIR}/TileCache.cpp
  ${CMAKE_CURRENT_LIST_DIR}/LaneFrame.h ${CMAKE_CURRENT_LIST_DIR}/LaneFrame.cpp
  ${CMAKE_CURRENT_LIST_DIR}/LaneClips.h ${CMAKE_CURRENT_LIST_DIR}/LaneClips.cpp
  ${CMAKE_CURRENT_LIST_DIR}/LaneItem.h ${CMAKE_CURRENT_LIST_DIR}/LaneItem.cpp
  ${CMAKE_CURRENT_LIST_DIR}/PeakStore.h ${CMAKE_CURRENT_LIST_DIR}/PeakStore.cpp
  ${CMAKE_CURRENT_LIST_DIR}/SampleWindow.h ${CMAKE_CURRENT_LIST_DIR}/SampleWindow.cpp
  ${CMAKE_CURRENT_LIST_DIR}/SampleWindowCache.h ${CMAKE_CURRENT_LIST_DIR}/SampleWindowCache.cpp
)
list(APPEND S2A_UI_REGISTERED_DIRS ${CMAKE_CURRENT_LIST_DIR})
# SampleWindow.cpp reads ranges of files through libsndfile (core links it privately). s2a_ui does not exist yet
# at this point, so the link is deferred to the end of ui/CMakeLists.txt.
cmake_language(DEFER CALL target_link_libraries s2a_ui PRIVATE PkgConfig::SNDFILE)
