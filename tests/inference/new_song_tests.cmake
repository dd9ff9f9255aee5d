# The new-song request shared by the CLI and the New Song dialog (planning only, no audio).
s2a_add_test(tst_new_song_request SOURCES tst_new_song_request.cpp LIBS s2a_inference LABELS inference TIMEOUT 60)
target_compile_definitions(tst_new_song_request PRIVATE QT_NO_KEYWORDS)
set_property(TEST tst_new_song_request APPEND PROPERTY ENVIRONMENT "S2A_SOUNDFONT=/usr/share/sounds/sf2/TimGM6mb.sf2")
