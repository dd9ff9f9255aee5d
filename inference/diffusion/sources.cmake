# The diffusion engine's Qt side (Generator adapter); target_sources on s2a_inference.
