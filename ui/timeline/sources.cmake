# The timeline editor's view models: geometry, sections, tracks, takes and the editor's actions.
list(APPEND S2A_UI_SOURCES
  ${CMAKE_CURRENT_LIST_DIR}/TimelineController.h ${CMAKE_CURRENT_LIST_DIR}/TimelineController.cpp
  ${CMAKE_CURRENT_LIST_DIR}/SectionListModel.h ${CMAKE_CURRENT_LIST_DIR}/SectionListModel.cpp
  ${CMAKE_CURRENT_LIST_DIR}/TrackListModel.h ${CMAKE_CURRENT_LIST_DIR}/TrackListModel.cpp
  ${CMAKE_CURRENT_LIST_DIR}/TakeListModel.h ${CMAKE_CURRENT_LIST_DIR}/TakeListModel.cpp
  ${CMAKE_CURRENT_LIST_DIR}/EditorController.h ${CMAKE_CURRENT_LIST_DIR}/EditorController.cpp
  ${CMAKE_CURRENT_LIST_DIR}/LoopRegionEditor.h ${CMAKE_CURRENT_LIST_DIR}/LoopRegionEditor.cpp
  ${CMAKE_CURRENT_LIST_DIR}/MarkerEditor.h ${CMAKE_CURRENT_LIST_DIR}/MarkerEditor.cpp
  ${CMAKE_CURRENT_LIST_DIR}/ChordLaneEditor.h ${CMAKE_CURRENT_LIST_DIR}/ChordLaneEditor.cpp
)
list(APPEND S2A_UI_REGISTERED_DIRS ${CMAKE_CURRENT_LIST_DIR})
list(APPEND S2A_UI_QML
  qml/EditorView.qml qml/TimelineRuler.qml qml/MarkerLane.qml qml/ChordLane.qml qml/SectionLane.qml qml/TrackLane.qml
  qml/Inspector.qml qml/TakesList.qml qml/ShortcutsDialog.qml
)
