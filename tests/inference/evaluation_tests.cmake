# The evaluation harness: its maths and metrics on known inputs (tst_evaluation), and real runs of the s2a-eval
# binary on small corpora from s2a-corpus with random tiny weights (tst_eval_binary; TimGM6mb keeps renders quick).
s2a_add_test(tst_evaluation SOURCES tst_evaluation.cpp LIBS s2a_evaluation LABELS inference TIMEOUT 240)
target_compile_definitions(tst_evaluation PRIVATE QT_NO_KEYWORDS)
set_property(TEST tst_evaluation APPEND PROPERTY ENVIRONMENT "S2A_SOUNDFONT=/usr/share/sounds/sf2/TimGM6mb.sf2")

s2a_add_test(tst_eval_binary SOURCES tst_eval_binary.cpp LIBS s2a_evaluation LABELS inference TIMEOUT 240)
target_compile_definitions(tst_eval_binary PRIVATE QT_NO_KEYWORDS
  S2A_EVAL_PATH="$<TARGET_FILE:s2a-eval>" S2A_CORPUS_PATH="$<TARGET_FILE:s2a-corpus>")
add_dependencies(tst_eval_binary s2a-eval s2a-corpus)
set_property(TEST tst_eval_binary APPEND PROPERTY ENVIRONMENT "S2A_SOUNDFONT=/usr/share/sounds/sf2/TimGM6mb.sf2")

# The musicality figures (log-spectral distance, pitchedness, chroma agreement, key, FD bootstrap) on known signals.
s2a_add_test(tst_eval_musicality SOURCES tst_eval_musicality.cpp LIBS s2a_evaluation LABELS inference TIMEOUT 120)
target_compile_definitions(tst_eval_musicality PRIVATE QT_NO_KEYWORDS)
set_property(TEST tst_eval_musicality APPEND PROPERTY ENVIRONMENT "S2A_SOUNDFONT=/usr/share/sounds/sf2/TimGM6mb.sf2")
