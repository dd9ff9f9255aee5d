# Song analysis speed: a 4-minute stereo arranger song, per-stage times (goal: whole analysis <= 3 s).
s2a_add_bench(bench_analysis bench_analysis.cpp)
target_link_libraries(bench_analysis PRIVATE s2a_inference)
target_compile_definitions(bench_analysis PRIVATE QT_NO_KEYWORDS)

# Chords for a tune alone: the lead stems of 16 arranger songs through the melody harmoniser, majmin against the
# arranger's chords, the bar grid's phase, and the figure on the true grid (issue 20's accompaniment goal).
s2a_add_bench(bench_harmonise bench_harmonise.cpp)
target_link_libraries(bench_harmonise PRIVATE s2a_inference)
target_compile_definitions(bench_harmonise PRIVATE QT_NO_KEYWORDS)
