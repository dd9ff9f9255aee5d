s2a_add_bench(bench_peaks bench_peaks.cpp)
