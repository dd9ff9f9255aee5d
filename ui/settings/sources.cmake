# Appends to S2A_UI_SOURCES, S2A_UI_QML and S2A_UI_REGISTERED_DIRS (see ui/CMakeLists.txt).
# Edit > Settings…: the audio output and the general settings (the generation page edits EngineSettings).
list(APPEND S2A_UI_SOURCES
  ${CMAKE_CURRENT_LIST_DIR}/AudioSettings.h
  ${CMAKE_CURRENT_LIST_DIR}/AudioSettings.cpp
  ${CMAKE_CURRENT_LIST_DIR}/GeneralSettings.h
  ${CMAKE_CURRENT_LIST_DIR}/GeneralSettings.cpp
)
list(APPEND S2A_UI_QML qml/SettingsDialog.qml)
list(APPEND S2A_UI_REGISTERED_DIRS ${CMAKE_CURRENT_LIST_DIR})
