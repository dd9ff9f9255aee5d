# Song analysis speed: a 4-minute stereo arranger song, per-stage times (goal: whole analysis <= 3 s).
s2a_add_bench(bench_analysis bench_analysis.cpp)
target_link_libraries(bench_analysis PRIVATE s2a_inference)
target_compile_definitions(bench_analysis PRIVATE QT_NO_KEYWORDS)
