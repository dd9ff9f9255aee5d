# The diffusion model's sampler (target_sources on s2a_model).
