# s2a-prepare: the training data pipeline (training/data) in one command; it writes the manifest s2a-train reads.
# (s2a-train itself is defined in training/CMakeLists.txt: it builds without Qt, so also without this folder.)
qt_add_executable(s2a-prepare prepare/PrepareMain.cpp)
target_link_libraries(s2a-prepare PRIVATE s2a_training_data s2a_inference s2a_model s2a_core Qt6::Core)
target_compile_definitions(s2a-prepare PRIVATE QT_NO_KEYWORDS)
s2a_set_warnings(s2a-prepare)
