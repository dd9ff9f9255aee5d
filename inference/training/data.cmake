# The training data pipeline's Qt side (no LibTorch): corpus songs -> targets, paraphrases, grades, JSON record.
# Included from inference/CMakeLists.txt.
target_sources(s2a_inference PRIVATE
  ${CMAKE_CURRENT_LIST_DIR}/TrainingData.h
  ${CMAKE_CURRENT_LIST_DIR}/MidiReader.h ${CMAKE_CURRENT_LIST_DIR}/MidiReader.cpp
  ${CMAKE_CURRENT_LIST_DIR}/StructureTargets.h ${CMAKE_CURRENT_LIST_DIR}/StructureTargets.cpp
  ${CMAKE_CURRENT_LIST_DIR}/CaptionParaphraser.h ${CMAKE_CURRENT_LIST_DIR}/CaptionParaphraser.cpp
  ${CMAKE_CURRENT_LIST_DIR}/CorpusSong.h ${CMAKE_CURRENT_LIST_DIR}/CorpusSong.cpp
  ${CMAKE_CURRENT_LIST_DIR}/TrainingPipeline.cpp
  ${CMAKE_CURRENT_LIST_DIR}/PipelineJson.cpp
)
