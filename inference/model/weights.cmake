# The diffusion model's weights (target_sources on s2a_model).
