# Tests of the diffusion engine's Qt side.
