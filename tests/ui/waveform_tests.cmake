# Tests of the editor's waveform part: the tile renderer against the samples, and the Waveform item in a window.
s2a_add_test(tst_waveform
  SOURCES tst_waveform.cpp tst_waveform_renderer.cpp tst_waveform_item.cpp tst_waveform_loading.cpp
    tst_waveform_support.h WaveformLane.h PoolHold.h SongWithAudio.h
  LIBS s2a_ui s2a_uiplugin s2a_test_support Qt6::Quick
  LABELS ui TIMEOUT 180)
# The Waveform item on a 2x screen: drawn per device pixel (screenshots/waveform-2x-*.png in the build folder).
s2a_add_test(tst_waveform_hidpi SOURCES tst_waveform_hidpi.cpp tst_waveform_support.h WaveformLane.h
  LIBS s2a_ui s2a_test_support Qt6::Quick LABELS ui TIMEOUT 120)
set_property(TEST tst_waveform_hidpi APPEND PROPERTY ENVIRONMENT "QT_SCALE_FACTOR=2")
# The spectrogram view: tone versus noise in the image, and the lane button and View menu in the app's window.
s2a_add_test(tst_spectrogram SOURCES tst_spectrogram.cpp SongWithAudio.h PoolHold.h
  LIBS s2a_ui s2a_uiplugin s2a_test_support Qt6::Quick LABELS ui TIMEOUT 120)
target_compile_definitions(tst_spectrogram PRIVATE QT_NO_KEYWORDS)
