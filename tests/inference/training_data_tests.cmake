# The training data pipeline (MIDI reader, frame targets, paraphrases, grading) over songs the real
# s2a-corpus tool renders (TimGM6mb keeps the renders quick).
s2a_add_test(tst_training_data SOURCES tst_training_data.cpp LIBS s2a_training_data s2a_inference s2a_test_support LABELS inference TIMEOUT 240)
target_compile_definitions(tst_training_data PRIVATE QT_NO_KEYWORDS S2A_CORPUS_PATH="$<TARGET_FILE:s2a-corpus>")
add_dependencies(tst_training_data s2a-corpus)
set_property(TEST tst_training_data APPEND PROPERTY ENVIRONMENT "S2A_SOUNDFONT=/usr/share/sounds/sf2/TimGM6mb.sf2")
