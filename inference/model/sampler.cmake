# The diffusion model's sampler (target_sources on s2a_model).
# FlowSampler, GuidedDitVelocity and LatentInpainting are torch translation units (each is slow to compile);
# Splice, GuidanceDefaults and GuidanceIntervalText are plain C++.
target_sources(s2a_model PRIVATE
  ${CMAKE_CURRENT_LIST_DIR}/FlowSampler.h ${CMAKE_CURRENT_LIST_DIR}/FlowSampler.cpp
  ${CMAKE_CURRENT_LIST_DIR}/GuidanceDefaults.h ${CMAKE_CURRENT_LIST_DIR}/GuidanceIntervalText.h
  ${CMAKE_CURRENT_LIST_DIR}/GuidedDitVelocity.h ${CMAKE_CURRENT_LIST_DIR}/GuidedDitVelocity.cpp
  ${CMAKE_CURRENT_LIST_DIR}/LatentInpainting.h ${CMAKE_CURRENT_LIST_DIR}/LatentInpainting.cpp
  ${CMAKE_CURRENT_LIST_DIR}/Splice.h ${CMAKE_CURRENT_LIST_DIR}/Splice.cpp
)
