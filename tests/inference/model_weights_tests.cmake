# Tests of the diffusion model's weights.
