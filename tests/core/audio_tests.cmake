# Audio I/O and waveform peak tests. The I/O test writes fixtures in formats AudioFileWriter does not offer
# (AIFF, Opus, MP3, multichannel with a declared layout), hence its direct libsndfile link.
s2a_add_test(tst_audio_io SOURCES tst_audio_io.cpp LIBS s2a_core s2a_test_support PkgConfig::SNDFILE LABELS core)
# Damaged, hostile and unusual audio files (split from tst_audio_io).
s2a_add_test(tst_audio_damage SOURCES tst_audio_damage.cpp LIBS s2a_core s2a_test_support PkgConfig::SNDFILE LABELS core)
s2a_add_test(tst_peaks SOURCES tst_peaks.cpp LIBS s2a_core LABELS core)
