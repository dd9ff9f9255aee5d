# The diffusion engine's Qt side (Generator adapter); target_sources on s2a_inference.
# LibTorch stays inside this folder. The engine catalogue (which engines the UI and CLI offer) lives beside it.
target_sources(s2a_inference PRIVATE
  ${CMAKE_CURRENT_LIST_DIR}/DiffusionEngine.h ${CMAKE_CURRENT_LIST_DIR}/DiffusionEngine.cpp
  ${CMAKE_CURRENT_LIST_DIR}/DiffusionEngineImpl.h ${CMAKE_CURRENT_LIST_DIR}/DiffusionRegenerate.cpp
  ${CMAKE_CURRENT_LIST_DIR}/DiffusionWeights.cpp ${CMAKE_CURRENT_LIST_DIR}/ModelConfigs.h
  ${CMAKE_CURRENT_LIST_DIR}/GroupAudio.h ${CMAKE_CURRENT_LIST_DIR}/GroupAudio.cpp
  ${CMAKE_CURRENT_LIST_DIR}/WeightsLocation.cpp
  ${CMAKE_CURRENT_LIST_DIR}/../EngineCatalogue.h ${CMAKE_CURRENT_LIST_DIR}/../EngineCatalogue.cpp
)
if(S2A_SANITIZE)
  # The engine's torch translation units, like s2a_model (inference/model/model.cmake): optimised and not
  # instrumented in the asan build.
  set_source_files_properties(${CMAKE_CURRENT_LIST_DIR}/DiffusionEngine.cpp ${CMAKE_CURRENT_LIST_DIR}/DiffusionRegenerate.cpp
                              ${CMAKE_CURRENT_LIST_DIR}/GroupAudio.cpp
                              ${CMAKE_CURRENT_LIST_DIR}/DiffusionWeights.cpp
    PROPERTIES COMPILE_OPTIONS "-fno-sanitize=all;-O1")
endif()
