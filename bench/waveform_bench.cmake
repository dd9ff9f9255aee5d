# Waveform paint benchmark: first paint and per-frame paint cost of the Waveform item (10-minute stereo song).
s2a_add_bench(bench_waveform bench_waveform.cpp)
target_link_libraries(bench_waveform PRIVATE s2a_ui Qt6::Quick)
