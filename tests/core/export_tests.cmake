# Export tests measure the written files with libebur128 and read tags with libsndfile directly, independent
# of the exporter's own wrappers. libebur128's imported target is scoped to core/, hence a second lookup here.
pkg_check_modules(EBUR128_TESTS REQUIRED IMPORTED_TARGET libebur128)
s2a_add_test(tst_export SOURCES tst_export.cpp LIBS s2a_test_support PkgConfig::EBUR128_TESTS PkgConfig::SNDFILE
  LABELS core)
# MIDI export: the takes' notes joined per track, whole song and range, read back.
s2a_add_test(tst_midi_export SOURCES tst_midi_export.cpp LIBS s2a_test_support LABELS core)
