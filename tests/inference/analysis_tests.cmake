# Song analysis against arranger renders of known tempo, key and sections (TimGM6mb keeps renders quick).
s2a_add_test(tst_analysis SOURCES tst_analysis.cpp LIBS s2a_inference LABELS inference TIMEOUT 240)
target_compile_definitions(tst_analysis PRIVATE QT_NO_KEYWORDS)
set_property(TEST tst_analysis APPEND PROPERTY ENVIRONMENT "S2A_SOUNDFONT=/usr/share/sounds/sf2/TimGM6mb.sf2")
s2a_add_test(tst_analysis_long SOURCES tst_analysis_long.cpp LIBS s2a_inference LABELS inference TIMEOUT 300)
