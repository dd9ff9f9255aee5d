# s2a-train: the training recipe (inference/training) in one command; Qt Gui only to draw the loss plot.
qt_add_executable(s2a-train train/TrainMain.cpp train/LossPlot.h train/LossPlot.cpp)
target_link_libraries(s2a-train PRIVATE s2a_inference s2a_core Qt6::Gui)
target_include_directories(s2a-train PRIVATE ${PROJECT_SOURCE_DIR})
s2a_set_warnings(s2a-train)
