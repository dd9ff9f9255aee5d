# Tests of the editor's queue part: the generation queue model and its panel, with the real arranger (small
# TimGM6mb soundfont, as in tests/inference/arranger_tests.cmake) on real bundles.
s2a_add_test(tst_generation_queue SOURCES tst_generation_queue.cpp LIBS s2a_ui s2a_uiplugin Qt6::Quick LABELS ui TIMEOUT 180)
set_property(TEST tst_generation_queue APPEND PROPERTY ENVIRONMENT "S2A_SOUNDFONT=/usr/share/sounds/sf2/TimGM6mb.sf2")
# Generate > Engine Settings… (device and threads of the diffusion engine) and its dialog.
s2a_add_test(tst_engine_settings SOURCES tst_engine_settings.cpp LIBS s2a_ui s2a_uiplugin Qt6::Quick LABELS ui TIMEOUT 60)
# The inspector's per-stem regenerate and Add (issue 20) in the real window, with the arranger.
s2a_add_test(tst_stems_gui SOURCES tst_stems_gui.cpp LIBS s2a_ui s2a_uiplugin s2a_test_support Qt6::Quick LABELS ui TIMEOUT 120)
target_compile_definitions(tst_stems_gui PRIVATE QT_NO_KEYWORDS)
set_property(TEST tst_stems_gui APPEND PROPERTY ENVIRONMENT "S2A_SOUNDFONT=/usr/share/sounds/sf2/TimGM6mb.sf2")
