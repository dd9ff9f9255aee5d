# Song analysis against arranger renders of known tempo, key and sections (TimGM6mb keeps renders quick).
s2a_add_test(tst_analysis SOURCES tst_analysis.cpp LIBS s2a_evaluation LABELS inference TIMEOUT 240)
target_compile_definitions(tst_analysis PRIVATE QT_NO_KEYWORDS)
set_property(TEST tst_analysis APPEND PROPERTY ENVIRONMENT "S2A_SOUNDFONT=/usr/share/sounds/sf2/TimGM6mb.sf2")
s2a_add_test(tst_analysis_long SOURCES tst_analysis_long.cpp LIBS s2a_inference LABELS inference TIMEOUT 300)
# Chord recognition on arranger songs whose chords are exact (issue 20): majmin >= 75 % on the mix; prints the
# figures for the mix and for the lead stem alone.
s2a_add_test(tst_chords SOURCES tst_chords.cpp LIBS s2a_inference LABELS inference TIMEOUT 240)
target_compile_definitions(tst_chords PRIVATE QT_NO_KEYWORDS)
set_property(TEST tst_chords APPEND PROPERTY ENVIRONMENT "S2A_SOUNDFONT=/usr/share/sounds/sf2/TimGM6mb.sf2")
# Downbeat offset after a pickup (issue 20): the first downbeat within 50 ms on 20 cut arranger songs (goal 90 %).
s2a_add_test(tst_downbeats SOURCES tst_downbeats.cpp LIBS s2a_inference LABELS inference TIMEOUT 240)
target_compile_definitions(tst_downbeats PRIVATE QT_NO_KEYWORDS)
set_property(TEST tst_downbeats APPEND PROPERTY ENVIRONMENT "S2A_SOUNDFONT=/usr/share/sounds/sf2/TimGM6mb.sf2")
# Structure on real music (issue 20): Debian's GPL soundtracks spliced into known forms; HR3F, HR.5F, grouping.
s2a_add_test(tst_structure_real SOURCES tst_structure_real.cpp LIBS s2a_evaluation LABELS inference TIMEOUT 300)
target_compile_definitions(tst_structure_real PRIVATE QT_NO_KEYWORDS)
