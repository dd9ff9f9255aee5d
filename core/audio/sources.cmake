# Audio I/O, resampling and waveform peaks. Included from core/CMakeLists.txt, where s2a_core links
# libsndfile and libsoxr privately (no header here exposes them) and Qt6::Concurrent publicly.
target_sources(s2a_core PRIVATE
  ${CMAKE_CURRENT_LIST_DIR}/AudioBuffer.h ${CMAKE_CURRENT_LIST_DIR}/AudioBuffer.cpp
  ${CMAKE_CURRENT_LIST_DIR}/SndFile.h ${CMAKE_CURRENT_LIST_DIR}/SndFile.cpp
  ${CMAKE_CURRENT_LIST_DIR}/AudioFileReader.h ${CMAKE_CURRENT_LIST_DIR}/AudioFileReader.cpp
  ${CMAKE_CURRENT_LIST_DIR}/AudioFileWriter.h ${CMAKE_CURRENT_LIST_DIR}/AudioFileWriter.cpp
  ${CMAKE_CURRENT_LIST_DIR}/Resampler.h ${CMAKE_CURRENT_LIST_DIR}/Resampler.cpp
  ${CMAKE_CURRENT_LIST_DIR}/AudioImport.h ${CMAKE_CURRENT_LIST_DIR}/AudioImport.cpp
  ${CMAKE_CURRENT_LIST_DIR}/PeakPyramid.h ${CMAKE_CURRENT_LIST_DIR}/PeakPyramid.cpp
  ${CMAKE_CURRENT_LIST_DIR}/PeakCache.h ${CMAKE_CURRENT_LIST_DIR}/PeakCache.cpp
)
