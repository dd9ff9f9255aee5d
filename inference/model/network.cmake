# The diffusion model's network (target_sources on s2a_model).
