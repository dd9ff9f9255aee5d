# Song analysis (tempo, key, structure, descriptors, quality). Included from inference/CMakeLists.txt.
# FFTW and libebur128 stay private to s2a_inference: no public header of analysis/ includes them.
pkg_check_modules(ANALYSIS_FFTW3F REQUIRED IMPORTED_TARGET fftw3f)
pkg_check_modules(ANALYSIS_EBUR128 REQUIRED IMPORTED_TARGET libebur128)
# aubio: pitch of a recorded tune (LeadRegister).
pkg_check_modules(ANALYSIS_AUBIO REQUIRED IMPORTED_TARGET aubio)
target_sources(s2a_inference PRIVATE
  ${CMAKE_CURRENT_LIST_DIR}/SongAnalysis.h ${CMAKE_CURRENT_LIST_DIR}/SongAnalysis.cpp
  ${CMAKE_CURRENT_LIST_DIR}/Features.h ${CMAKE_CURRENT_LIST_DIR}/Features.cpp
  ${CMAKE_CURRENT_LIST_DIR}/Rhythm.h ${CMAKE_CURRENT_LIST_DIR}/Rhythm.cpp
  ${CMAKE_CURRENT_LIST_DIR}/KeyEstimator.h ${CMAKE_CURRENT_LIST_DIR}/KeyEstimator.cpp
  ${CMAKE_CURRENT_LIST_DIR}/ChordRecognizer.h ${CMAKE_CURRENT_LIST_DIR}/ChordRecognizer.cpp
  ${CMAKE_CURRENT_LIST_DIR}/Structure.h ${CMAKE_CURRENT_LIST_DIR}/Structure.cpp
  ${CMAKE_CURRENT_LIST_DIR}/Descriptors.h ${CMAKE_CURRENT_LIST_DIR}/Descriptors.cpp
  ${CMAKE_CURRENT_LIST_DIR}/LeadRegister.h ${CMAKE_CURRENT_LIST_DIR}/LeadRegister.cpp
)
target_link_libraries(s2a_inference PRIVATE PkgConfig::ANALYSIS_FFTW3F PkgConfig::ANALYSIS_EBUR128 PkgConfig::ANALYSIS_AUBIO)
