# Appends to S2A_UI_SOURCES, S2A_UI_QML and S2A_UI_REGISTERED_DIRS (see ui/CMakeLists.txt).
# The generation queue: its view model (in viewmodels/, already a registered folder) and its panel.
list(APPEND S2A_UI_SOURCES
  ${CMAKE_CURRENT_LIST_DIR}/viewmodels/GenerationQueueModel.h
  ${CMAKE_CURRENT_LIST_DIR}/viewmodels/GenerationQueueModel.cpp
  ${CMAKE_CURRENT_LIST_DIR}/viewmodels/EngineChoices.h
  ${CMAKE_CURRENT_LIST_DIR}/viewmodels/EngineChoices.cpp
  ${CMAKE_CURRENT_LIST_DIR}/viewmodels/EngineSettings.h
  ${CMAKE_CURRENT_LIST_DIR}/viewmodels/EngineSettings.cpp
)
list(APPEND S2A_UI_QML qml/GenerationQueuePanel.qml)
