# Every dialog of the window on the real Main.qml (opened, drawn, driven), Qt's own dialogs loading their
# non-native implementation, and Save on the demo (which the small TimGM6mb soundfont renders quickly).
find_package(Qt6 REQUIRED COMPONENTS QuickTest)  # QQuickTest: waits for a window's layout to settle
s2a_add_test(tst_dialogs SOURCES tst_dialogs.cpp LIBS s2a_ui s2a_uiplugin s2a_test_support Qt6::Quick Qt6::QuickTest
  LABELS ui TIMEOUT 240)
target_compile_definitions(tst_dialogs PRIVATE QT_NO_KEYWORDS S2A_TEST_WORK_DIR="${CMAKE_CURRENT_BINARY_DIR}")
set_property(TEST tst_dialogs APPEND PROPERTY ENVIRONMENT "S2A_SOUNDFONT=/usr/share/sounds/sf2/TimGM6mb.sf2")
# The menu bar driven by clicks and keys: one click opens a menu after Escape, shortcuts shown.
s2a_add_test(tst_menus SOURCES tst_menus.cpp LIBS s2a_ui s2a_uiplugin s2a_test_support Qt6::Quick Qt6::QuickTest
  LABELS ui TIMEOUT 120)
# Edit > Settings…: audio output on a JACK dummy device, general settings, weights check, the dialog in a window.
s2a_add_test(tst_settings SOURCES tst_settings.cpp LIBS s2a_ui s2a_uiplugin s2a_test_support Qt6::Quick LABELS ui TIMEOUT 240)
target_compile_definitions(tst_settings PRIVATE QT_NO_KEYWORDS)
set_tests_properties(tst_settings PROPERTIES RUN_SERIAL TRUE)
