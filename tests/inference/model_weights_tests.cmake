# Tests of the diffusion model's weights: safetensors round trips and corruptions, a file written by
# Python, strict module loading, SHA-256 vectors.
s2a_add_test(tst_model_weights SOURCES tst_model_weights.cpp LIBS s2a_model s2a_test_support LABELS inference TIMEOUT 120)
# Torch headers use `slots` as an identifier.
target_compile_definitions(tst_model_weights PRIVATE QT_NO_KEYWORDS)
