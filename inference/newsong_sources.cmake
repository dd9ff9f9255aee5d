# The new-song request shared by the CLI's `new` and the New Song dialog (appended to s2a_inference).
target_sources(s2a_inference PRIVATE
  ${CMAKE_CURRENT_LIST_DIR}/NewSongRequest.h ${CMAKE_CURRENT_LIST_DIR}/NewSongRequest.cpp
)
