# Generation worker tests: the real arranger (small TimGM6mb soundfont, as in arranger_tests.cmake) on a real
# bundle.
s2a_add_test(tst_generation_worker SOURCES tst_generation_worker.cpp LIBS s2a_inference s2a_test_support LABELS inference TIMEOUT 180)
target_compile_definitions(tst_generation_worker PRIVATE QT_NO_KEYWORDS)
set_property(TEST tst_generation_worker APPEND PROPERTY ENVIRONMENT "S2A_SOUNDFONT=/usr/share/sounds/sf2/TimGM6mb.sf2")

# Repaint of any range (issue 21): the arranger through the worker, and the CLI as a process.
s2a_add_test(tst_range_repaint SOURCES tst_range_repaint.cpp LIBS s2a_inference s2a_test_support LABELS inference TIMEOUT 180)
target_compile_definitions(tst_range_repaint PRIVATE QT_NO_KEYWORDS S2A_CLI_PATH="$<TARGET_FILE:s2a>")
set_property(TEST tst_range_repaint APPEND PROPERTY ENVIRONMENT "S2A_SOUNDFONT=/usr/share/sounds/sf2/TimGM6mb.sf2")
add_dependencies(tst_range_repaint s2a)

# Replace or add one stem of a section (issue 20): the arranger on a real bundle, and the CLI's --stems.
s2a_add_test(tst_stem_replacement SOURCES tst_stem_replacement.cpp LIBS s2a_inference s2a_test_support LABELS inference TIMEOUT 180)
target_compile_definitions(tst_stem_replacement PRIVATE QT_NO_KEYWORDS S2A_CLI_PATH="$<TARGET_FILE:s2a>")
set_property(TEST tst_stem_replacement APPEND PROPERTY ENVIRONMENT "S2A_SOUNDFONT=/usr/share/sounds/sf2/TimGM6mb.sf2")
add_dependencies(tst_stem_replacement s2a)
s2a_add_test(tst_accompany SOURCES tst_accompany.cpp LIBS s2a_inference s2a_test_support LABELS inference TIMEOUT 300)
target_compile_definitions(tst_accompany PRIVATE QT_NO_KEYWORDS S2A_CLI_PATH="$<TARGET_FILE:s2a>")
set_property(TEST tst_accompany APPEND PROPERTY ENVIRONMENT "S2A_SOUNDFONT=/usr/share/sounds/sf2/TimGM6mb.sf2")
add_dependencies(tst_accompany s2a)
