# Appends to S2A_UI_SOURCES, S2A_UI_QML and S2A_UI_REGISTERED_DIRS (see ui/CMakeLists.txt).
# The New Song dialog and its view model (viewmodels/ is registered already by ui/CMakeLists.txt).
list(APPEND S2A_UI_SOURCES
  ${CMAKE_CURRENT_LIST_DIR}/viewmodels/NewSongModel.h ${CMAKE_CURRENT_LIST_DIR}/viewmodels/NewSongModel.cpp
)
list(APPEND S2A_UI_QML qml/NewSongDialog.qml)
