# Export (stems, mix, sections; loudness normalisation). Included from core/CMakeLists.txt. libebur128 is
# linked privately: only the .cpp files include it, no public header exposes it.
pkg_check_modules(EBUR128 REQUIRED IMPORTED_TARGET libebur128)
target_sources(s2a_core PRIVATE
  ${CMAKE_CURRENT_LIST_DIR}/Exporter.h ${CMAKE_CURRENT_LIST_DIR}/Exporter.cpp
  ${CMAKE_CURRENT_LIST_DIR}/ExportNaming.h ${CMAKE_CURRENT_LIST_DIR}/ExportNaming.cpp
  ${CMAKE_CURRENT_LIST_DIR}/MidiExport.h ${CMAKE_CURRENT_LIST_DIR}/MidiExport.cpp
  ${CMAKE_CURRENT_LIST_DIR}/ExportFileWriter.h ${CMAKE_CURRENT_LIST_DIR}/ExportFileWriter.cpp
  ${CMAKE_CURRENT_LIST_DIR}/StreamResampler.h ${CMAKE_CURRENT_LIST_DIR}/StreamResampler.cpp
  ${CMAKE_CURRENT_LIST_DIR}/SongRenderer.h ${CMAKE_CURRENT_LIST_DIR}/SongRenderer.cpp
  ${CMAKE_CURRENT_LIST_DIR}/TruePeakMeter.h ${CMAKE_CURRENT_LIST_DIR}/TruePeakMeter.cpp
)
target_link_libraries(s2a_core PRIVATE PkgConfig::EBUR128)
