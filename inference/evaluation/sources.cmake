# s2a_evaluation: the evaluation harness's logic (s2a-eval): clip embedding and Fréchet distance, adherence
# checks, the repaint seam metric, held-out corpus loading, the runner and its report. An offline tool, so its
# own library: the app and the UI do not link it (only s2a-eval and the tests that measure with it). Qt only, no
# LibTorch of its own (the diffusion engine is used through its Qt header). FFTW's imported target comes from
# analysis/sources.cmake, included before this file in the same directory.
add_library(s2a_evaluation STATIC
  ${CMAKE_CURRENT_LIST_DIR}/EvalFeatures.h ${CMAKE_CURRENT_LIST_DIR}/EvalFeatures.cpp
  ${CMAKE_CURRENT_LIST_DIR}/FrechetDistance.h ${CMAKE_CURRENT_LIST_DIR}/FrechetDistance.cpp
  ${CMAKE_CURRENT_LIST_DIR}/FdBootstrap.h ${CMAKE_CURRENT_LIST_DIR}/FdBootstrap.cpp
  ${CMAKE_CURRENT_LIST_DIR}/PairedDistance.h ${CMAKE_CURRENT_LIST_DIR}/PairedDistance.cpp
  ${CMAKE_CURRENT_LIST_DIR}/SpectralMetrics.h ${CMAKE_CURRENT_LIST_DIR}/SpectralMetrics.cpp
  ${CMAKE_CURRENT_LIST_DIR}/TonalMetrics.h ${CMAKE_CURRENT_LIST_DIR}/TonalMetrics.cpp
  ${CMAKE_CURRENT_LIST_DIR}/Adherence.h ${CMAKE_CURRENT_LIST_DIR}/Adherence.cpp
  ${CMAKE_CURRENT_LIST_DIR}/StructureScore.h ${CMAKE_CURRENT_LIST_DIR}/StructureScore.cpp
  ${CMAKE_CURRENT_LIST_DIR}/SplicedSongs.h ${CMAKE_CURRENT_LIST_DIR}/SplicedSongs.cpp
  ${CMAKE_CURRENT_LIST_DIR}/SeamMetric.h ${CMAKE_CURRENT_LIST_DIR}/SeamMetric.cpp
  ${CMAKE_CURRENT_LIST_DIR}/HeldOut.h ${CMAKE_CURRENT_LIST_DIR}/HeldOut.cpp
  ${CMAKE_CURRENT_LIST_DIR}/EvalRunner.h ${CMAKE_CURRENT_LIST_DIR}/EvalRunner.cpp
  ${CMAKE_CURRENT_LIST_DIR}/EvalReport.h ${CMAKE_CURRENT_LIST_DIR}/EvalReport.cpp
)
target_link_libraries(s2a_evaluation PUBLIC s2a_inference PRIVATE PkgConfig::ANALYSIS_FFTW3F)
target_compile_definitions(s2a_evaluation PRIVATE QT_NO_KEYWORDS)
s2a_set_warnings(s2a_evaluation)
