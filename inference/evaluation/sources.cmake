# The evaluation harness's logic (s2a-eval): clip embedding and Fréchet distance, adherence checks, the repaint
# seam metric, held-out corpus loading, the runner and its report. Qt only, no LibTorch (the diffusion engine is
# used through its Qt header). FFTW comes from analysis/sources.cmake (private to s2a_inference).
target_sources(s2a_inference PRIVATE
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
