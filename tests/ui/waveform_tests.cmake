# Tests of the editor's waveform part.
