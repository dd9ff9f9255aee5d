# Waveform paint benchmark.
