# Appends to S2A_UI_SOURCES, S2A_UI_QML and S2A_UI_REGISTERED_DIRS (see ui/CMakeLists.txt).
