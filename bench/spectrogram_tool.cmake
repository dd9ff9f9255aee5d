# Figure tool, not a benchmark: renders a PNG grid of spectrograms of audio files (render_spectrograms.cpp).
# FFTW is private to s2a_inference and its imported target is scoped to inference/, so it is looked up here too.
pkg_check_modules(SPECTROGRAM_FFTW3F REQUIRED IMPORTED_TARGET fftw3f)
s2a_add_bench(render_spectrograms render_spectrograms.cpp)
target_link_libraries(render_spectrograms PRIVATE PkgConfig::SPECTROGRAM_FFTW3F)
