# The diffusion model's weights (target_sources on s2a_model): safetensors I/O, SHA-256, strict loading.
# Safetensors.cpp and Sha256.cpp include no torch headers (cheap to compile); WeightLoader.cpp is the one
# torch translation unit of this part.
find_package(nlohmann_json 3.2 REQUIRED)
target_sources(s2a_model PRIVATE
  ${CMAKE_CURRENT_LIST_DIR}/ShapeText.h
  ${CMAKE_CURRENT_LIST_DIR}/ModelResult.h
  ${CMAKE_CURRENT_LIST_DIR}/Safetensors.h ${CMAKE_CURRENT_LIST_DIR}/Safetensors.cpp
  ${CMAKE_CURRENT_LIST_DIR}/Sha256.h ${CMAKE_CURRENT_LIST_DIR}/Sha256.cpp
  ${CMAKE_CURRENT_LIST_DIR}/ProcessTuning.h ${CMAKE_CURRENT_LIST_DIR}/ProcessTuning.cpp
  ${CMAKE_CURRENT_LIST_DIR}/WeightLoader.h ${CMAKE_CURRENT_LIST_DIR}/WeightLoader.cpp
)
# Header-only and used only inside Safetensors.cpp, so it stays private.
target_link_libraries(s2a_model PRIVATE nlohmann_json::nlohmann_json)
