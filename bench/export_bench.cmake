# Export speed (3-minute, 8-stem song to 24-bit FLAC stems + mix). Builds its song with the test fixtures.
s2a_add_bench(bench_export bench_export.cpp)
target_link_libraries(bench_export PRIVATE s2a_test_support)
