# The trained model shipped in resources/models/small-keyed (real weights, real forward passes), measured by the
# real s2a-eval on held-out songs from s2a-corpus (TimGM6mb keeps the renders quick).
s2a_add_test(tst_shipped_model SOURCES tst_shipped_model.cpp LIBS s2a_evaluation s2a_model LABELS inference TIMEOUT 300)
target_compile_definitions(tst_shipped_model PRIVATE QT_NO_KEYWORDS S2A_SOURCE_DIR="${PROJECT_SOURCE_DIR}"
  S2A_EVAL_PATH="$<TARGET_FILE:s2a-eval>" S2A_CORPUS_PATH="$<TARGET_FILE:s2a-corpus>")
add_dependencies(tst_shipped_model s2a-eval s2a-corpus)
set_property(TEST tst_shipped_model APPEND PROPERTY ENVIRONMENT "S2A_SOUNDFONT=/usr/share/sounds/sf2/TimGM6mb.sf2")
