# Arranger render speed (3-minute, 8-stem song). Reaches into the arranger's internals for per-stage times.
s2a_add_bench(bench_arranger bench_arranger.cpp)
target_link_libraries(bench_arranger PRIVATE s2a_inference)
target_compile_definitions(bench_arranger PRIVATE QT_NO_KEYWORDS)
