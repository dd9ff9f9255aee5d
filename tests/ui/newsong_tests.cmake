# Tests of the editor's New Song part.
# The New Song model and dialog with the real arranger (small TimGM6mb soundfont keeps the renders quick).
s2a_add_test(tst_new_song SOURCES tst_new_song.cpp LIBS s2a_ui s2a_uiplugin s2a_test_support Qt6::Quick
  LABELS ui TIMEOUT 300)
set_property(TEST tst_new_song APPEND PROPERTY ENVIRONMENT
  "S2A_SOUNDFONT=/usr/share/sounds/sf2/TimGM6mb.sf2")
