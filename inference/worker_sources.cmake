# Generation worker sources (appended to s2a_inference with target_sources).
target_sources(s2a_inference PRIVATE
  ${CMAKE_CURRENT_LIST_DIR}/GenerationWorker.h
  ${CMAKE_CURRENT_LIST_DIR}/GenerationWorker.cpp
  ${CMAKE_CURRENT_LIST_DIR}/EtaEstimator.h
  ${CMAKE_CURRENT_LIST_DIR}/EtaEstimator.cpp
)
