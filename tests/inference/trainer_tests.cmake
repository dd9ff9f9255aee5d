# The trainer's smoke run (real corpus, s2a-prepare's manifest, every stage, resume, engine load).
s2a_add_test(tst_trainer SOURCES tst_trainer.cpp LIBS s2a_training s2a_inference LABELS inference TIMEOUT 400)
target_compile_definitions(tst_trainer PRIVATE QT_NO_KEYWORDS S2A_CORPUS_TOOL="$<TARGET_FILE:s2a-corpus>"
  S2A_PREPARE_TOOL="$<TARGET_FILE:s2a-prepare>")
add_dependencies(tst_trainer s2a-corpus s2a-prepare)
set_property(TEST tst_trainer APPEND PROPERTY ENVIRONMENT "S2A_SOUNDFONT=/usr/share/sounds/sf2/TimGM6mb.sf2")
