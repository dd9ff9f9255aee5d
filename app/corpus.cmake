# s2a-corpus: the synthetic training corpus (arranger songs with exact structure and captions).
qt_add_executable(s2a-corpus CorpusMain.cpp)
target_link_libraries(s2a-corpus PRIVATE s2a_inference s2a_core Qt6::Core)
target_compile_definitions(s2a-corpus PRIVATE QT_NO_KEYWORDS)
s2a_set_warnings(s2a-corpus)
