# Qt-free benchmark of the diffusion model.
