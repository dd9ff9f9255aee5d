# The shipped translations: finished, up to date with the sources (lupdate runs into the build folder), every
# shown text marked (a pseudo-translator on the real window) and the German window not cutting text off.
find_package(Qt6 REQUIRED COMPONENTS QuickTest LinguistTools)
s2a_add_test(tst_translations SOURCES tst_translations.cpp
  LIBS s2a_ui s2a_uiplugin s2a_test_support Qt6::Quick Qt6::QuickTest LABELS ui TIMEOUT 240)
target_compile_definitions(tst_translations PRIVATE QT_NO_KEYWORDS
  S2A_TRANSLATIONS_DIR="${PROJECT_SOURCE_DIR}/translations"
  S2A_SOURCE_DIR="${PROJECT_SOURCE_DIR}"
  S2A_LUPDATE="$<TARGET_FILE:Qt6::lupdate>"
  S2A_TEST_WORK_DIR="${CMAKE_CURRENT_BINARY_DIR}")
set_property(TEST tst_translations APPEND PROPERTY ENVIRONMENT "S2A_SOUNDFONT=/usr/share/sounds/sf2/TimGM6mb.sf2")
