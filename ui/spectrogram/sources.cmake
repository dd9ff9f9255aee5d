# The editor's spectrogram lane (QML type Spectrogram): computed per file off the UI thread with FFTW, drawn in
# tiles on the waveform's grid. Appends to S2A_UI_SOURCES and S2A_UI_REGISTERED_DIRS (see ui/CMakeLists.txt).
list(APPEND S2A_UI_SOURCES
  ${CMAKE_CURRENT_LIST_DIR}/Spectrogram.h ${CMAKE_CURRENT_LIST_DIR}/Spectrogram.cpp
  ${CMAKE_CURRENT_LIST_DIR}/SpectrogramStore.h ${CMAKE_CURRENT_LIST_DIR}/SpectrogramStore.cpp
  ${CMAKE_CURRENT_LIST_DIR}/SpectrogramRenderer.h ${CMAKE_CURRENT_LIST_DIR}/SpectrogramRenderer.cpp
  ${CMAKE_CURRENT_LIST_DIR}/SpectrogramItem.h ${CMAKE_CURRENT_LIST_DIR}/SpectrogramItem.cpp
)
list(APPEND S2A_UI_REGISTERED_DIRS ${CMAKE_CURRENT_LIST_DIR})
# FFTW (with its thread-safe planner, libfftw3f_threads) is private to s2a_ui, as it is to s2a_inference; the
# link waits until s2a_ui exists.
pkg_check_modules(SPECTROGRAM_UI_FFTW3F REQUIRED IMPORTED_TARGET fftw3f)
cmake_language(DEFER CALL target_link_libraries s2a_ui PRIVATE PkgConfig::SPECTROGRAM_UI_FFTW3F fftw3f_threads Qt6::Concurrent)
