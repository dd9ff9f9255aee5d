# The trainer's smoke run (real corpus, every stage, resume, engine load).
s2a_add_test(tst_trainer SOURCES tst_trainer.cpp LIBS s2a_inference LABELS inference TIMEOUT 400)
target_compile_definitions(tst_trainer PRIVATE QT_NO_KEYWORDS S2A_CORPUS_TOOL="$<TARGET_FILE:s2a-corpus>")
add_dependencies(tst_trainer s2a-corpus)
set_property(TEST tst_trainer APPEND PROPERTY ENVIRONMENT "S2A_SOUNDFONT=/usr/share/sounds/sf2/TimGM6mb.sf2")
