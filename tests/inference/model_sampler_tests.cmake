# Tests of the diffusion model's sampler.
