# The editor's view models (no window): timeline geometry and the section/track/take models.
s2a_add_test(tst_timeline SOURCES tst_timeline.cpp LIBS s2a_ui s2a_test_support LABELS ui)
# The whole editor window driven by mouse and keys on an arranger song; writes screenshots/editor.png under the
# build folder ($S2A_SCREENSHOT_DIR instead: `scripts/dev screenshots` refreshes docs/screenshots).
s2a_add_test(tst_editor_gui SOURCES tst_editor_gui.cpp LIBS s2a_ui s2a_uiplugin s2a_test_support Qt6::Quick LABELS ui TIMEOUT 240)
target_compile_definitions(tst_editor_gui PRIVATE QT_NO_KEYWORDS)
set_property(TEST tst_editor_gui APPEND PROPERTY ENVIRONMENT "S2A_SOUNDFONT=/usr/share/sounds/sf2/TimGM6mb.sf2")
# The loop region dragged on the ruler with real mouse events (edges, whole, Shift, undo).
s2a_add_test(tst_loop_region SOURCES tst_loop_region.cpp LIBS s2a_ui s2a_uiplugin s2a_test_support Qt6::Quick LABELS ui TIMEOUT 120)
target_compile_definitions(tst_loop_region PRIVATE QT_NO_KEYWORDS)
set_property(TEST tst_loop_region APPEND PROPERTY ENVIRONMENT "S2A_SOUNDFONT=/usr/share/sounds/sf2/TimGM6mb.sf2")
# Markers (add, drag, rename, jump, delete) and the undo history, with real keys and mouse in the window.
s2a_add_test(tst_markers SOURCES tst_markers.cpp LIBS s2a_ui s2a_uiplugin s2a_test_support Qt6::Quick LABELS ui TIMEOUT 120)
target_compile_definitions(tst_markers PRIVATE QT_NO_KEYWORDS)
# Issue 20: File > Accompany a Recording… and the chord lane (typed, dragged, added, undone) in the real window.
s2a_add_test(tst_accompany_gui SOURCES tst_accompany_gui.cpp LIBS s2a_ui s2a_uiplugin s2a_test_support Qt6::Quick LABELS ui TIMEOUT 240)
target_compile_definitions(tst_accompany_gui PRIVATE QT_NO_KEYWORDS)
set_property(TEST tst_accompany_gui APPEND PROPERTY ENVIRONMENT "S2A_SOUNDFONT=/usr/share/sounds/sf2/TimGM6mb.sf2")
