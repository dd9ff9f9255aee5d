# Generation worker sources (appended to s2a_inference with target_sources).
