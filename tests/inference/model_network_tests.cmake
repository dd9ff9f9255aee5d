# Tests of the diffusion model's network.
