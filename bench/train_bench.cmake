# bench_train: the real s2a-train's throughput, one rank against two (training/Distributed.h).
s2a_add_bench(bench_train bench_train.cpp)
target_link_libraries(bench_train PRIVATE s2a_manifest s2a_model PkgConfig::SNDFILE)
target_compile_definitions(bench_train PRIVATE S2A_TRAIN_TOOL="$<TARGET_FILE:s2a-train>")
add_dependencies(bench_train s2a-train)
