# The trainer (s2a-train's engine): LibTorch, so few translation units (~20 s and ~1.5 GB each to compile).
target_sources(s2a_inference PRIVATE
  ${CMAKE_CURRENT_LIST_DIR}/Trainer.h ${CMAKE_CURRENT_LIST_DIR}/Trainer.cpp
  ${CMAKE_CURRENT_LIST_DIR}/TrainingLoop.h ${CMAKE_CURRENT_LIST_DIR}/TrainingLoop.cpp
  ${CMAKE_CURRENT_LIST_DIR}/TrainingStages.h
  ${CMAKE_CURRENT_LIST_DIR}/VaeStage.cpp ${CMAKE_CURRENT_LIST_DIR}/DitStage.cpp
)
