# Arranger engine tests: caption parsing (fast, no audio) and rendering with the small TimGM6mb soundfont,
# which every dev machine has (scripts/dev installs it) and which keeps the renders quick.
add_library(s2a_audio_measures STATIC AudioMeasures.h AudioMeasures.cpp)
target_link_libraries(s2a_audio_measures PUBLIC s2a_core)
s2a_set_warnings(s2a_audio_measures)

s2a_add_test(tst_caption_parser SOURCES tst_caption_parser.cpp LIBS s2a_inference LABELS inference)
target_compile_definitions(tst_caption_parser PRIVATE QT_NO_KEYWORDS)

s2a_add_test(tst_arranger SOURCES tst_arranger.cpp LIBS s2a_inference s2a_audio_measures s2a_test_support LABELS inference TIMEOUT 240)
target_compile_definitions(tst_arranger PRIVATE QT_NO_KEYWORDS)

s2a_add_test(tst_corpus SOURCES tst_corpus.cpp LIBS s2a_inference LABELS inference)
target_compile_definitions(tst_corpus PRIVATE QT_NO_KEYWORDS S2A_CORPUS_PATH="$<TARGET_FILE:s2a-corpus>")
add_dependencies(tst_corpus s2a-corpus)

foreach(t tst_arranger tst_corpus)
  set_property(TEST ${t} APPEND PROPERTY ENVIRONMENT "S2A_SOUNDFONT=/usr/share/sounds/sf2/TimGM6mb.sf2")
endforeach()

# Soak (issue 19): the arranger regenerates sections while the song plays on a JACK dummy stream; S2A_SOAK_SECONDS
# (60 here) sets the length. Serial: its memory and underrun checks want a quiet machine.
s2a_add_test(tst_soak SOURCES tst_soak.cpp ${PROJECT_SOURCE_DIR}/tests/support/RealtimeHooks.cpp
  LIBS s2a_inference s2a_test_support LABELS inference TIMEOUT 300)
set_tests_properties(tst_soak PROPERTIES RUN_SERIAL TRUE)
