# Tests of the editor's waveform part: the tile renderer against the samples, and the Waveform item in a window.
s2a_add_test(tst_waveform
  SOURCES tst_waveform.cpp tst_waveform_renderer.cpp tst_waveform_item.cpp tst_waveform_support.h
  LIBS s2a_ui s2a_uiplugin s2a_test_support Qt6::Quick
  LABELS ui TIMEOUT 180)
