# s2a-eval: the evaluation harness (model variants and baselines on held-out corpus songs -> table + JSON).
qt_add_executable(s2a-eval EvalMain.cpp)
target_link_libraries(s2a-eval PRIVATE s2a_evaluation s2a_inference s2a_core Qt6::Core)
target_compile_definitions(s2a-eval PRIVATE QT_NO_KEYWORDS)
s2a_set_warnings(s2a-eval)
