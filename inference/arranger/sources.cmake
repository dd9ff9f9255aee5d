# The procedural arranger engine (caption + section plan -> FluidSynth stems). Included from
# inference/CMakeLists.txt; FluidSynth stays private to s2a_inference (no public header includes it).
pkg_check_modules(FLUIDSYNTH REQUIRED IMPORTED_TARGET fluidsynth)
target_sources(s2a_inference PRIVATE
  ${CMAKE_CURRENT_LIST_DIR}/Random.h
  ${CMAKE_CURRENT_LIST_DIR}/NoteEvent.h
  ${CMAKE_CURRENT_LIST_DIR}/Timeline.h
  ${CMAKE_CURRENT_LIST_DIR}/SectionContext.h
  ${CMAKE_CURRENT_LIST_DIR}/MusicTheory.h ${CMAKE_CURRENT_LIST_DIR}/MusicTheory.cpp
  ${CMAKE_CURRENT_LIST_DIR}/StyleLibrary.h ${CMAKE_CURRENT_LIST_DIR}/StyleLibrary.cpp
  ${CMAKE_CURRENT_LIST_DIR}/InstrumentCatalog.h ${CMAKE_CURRENT_LIST_DIR}/InstrumentCatalog.cpp
  ${CMAKE_CURRENT_LIST_DIR}/CaptionParser.h ${CMAKE_CURRENT_LIST_DIR}/CaptionParser.cpp
  ${CMAKE_CURRENT_LIST_DIR}/SongPlanner.h ${CMAKE_CURRENT_LIST_DIR}/SongPlanner.cpp
  ${CMAKE_CURRENT_LIST_DIR}/SectionCaptions.h ${CMAKE_CURRENT_LIST_DIR}/SectionCaptions.cpp
  ${CMAKE_CURRENT_LIST_DIR}/GenreVocabulary.h ${CMAKE_CURRENT_LIST_DIR}/GenreVocabulary.cpp
  ${CMAKE_CURRENT_LIST_DIR}/HarmonyWriter.h ${CMAKE_CURRENT_LIST_DIR}/HarmonyWriter.cpp
  ${CMAKE_CURRENT_LIST_DIR}/DrumWriter.h ${CMAKE_CURRENT_LIST_DIR}/DrumWriter.cpp
  ${CMAKE_CURRENT_LIST_DIR}/BassWriter.h ${CMAKE_CURRENT_LIST_DIR}/BassWriter.cpp
  ${CMAKE_CURRENT_LIST_DIR}/CompingWriter.h ${CMAKE_CURRENT_LIST_DIR}/CompingWriter.cpp
  ${CMAKE_CURRENT_LIST_DIR}/MelodyWriter.h ${CMAKE_CURRENT_LIST_DIR}/MelodyWriter.cpp
  ${CMAKE_CURRENT_LIST_DIR}/Humanizer.h ${CMAKE_CURRENT_LIST_DIR}/Humanizer.cpp
  ${CMAKE_CURRENT_LIST_DIR}/Arranger.h ${CMAKE_CURRENT_LIST_DIR}/Arranger.cpp
  ${CMAKE_CURRENT_LIST_DIR}/MidiFileWriter.h ${CMAKE_CURRENT_LIST_DIR}/MidiFileWriter.cpp
  ${CMAKE_CURRENT_LIST_DIR}/StemReverb.h ${CMAKE_CURRENT_LIST_DIR}/StemReverb.cpp
  ${CMAKE_CURRENT_LIST_DIR}/FluidRenderer.h ${CMAKE_CURRENT_LIST_DIR}/FluidRenderer.cpp
  ${CMAKE_CURRENT_LIST_DIR}/ArrangerEngine.h ${CMAKE_CURRENT_LIST_DIR}/ArrangerEngine.cpp
  ${CMAKE_CURRENT_LIST_DIR}/SongBundleWriter.h ${CMAKE_CURRENT_LIST_DIR}/SongBundleWriter.cpp
  ${CMAKE_CURRENT_LIST_DIR}/DemoSong.h ${CMAKE_CURRENT_LIST_DIR}/DemoSong.cpp
)
target_link_libraries(s2a_inference PRIVATE PkgConfig::FLUIDSYNTH)
