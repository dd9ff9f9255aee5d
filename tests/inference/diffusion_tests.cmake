# Tests of the diffusion engine's Qt side: real LibTorch forward passes on the CPU with random-initialised tiny
# weights written to a temporary file.
s2a_add_test(tst_diffusion_engine SOURCES tst_diffusion_engine.cpp LIBS s2a_inference s2a_model s2a_test_support
             LABELS inference TIMEOUT 300)
target_compile_definitions(tst_diffusion_engine PRIVATE QT_NO_KEYWORDS)
# The same engine behind the generation worker and the CLI (a process).
s2a_add_test(tst_diffusion_worker SOURCES tst_diffusion_worker.cpp LIBS s2a_inference s2a_test_support
             LABELS inference TIMEOUT 300)
target_compile_definitions(tst_diffusion_worker PRIVATE QT_NO_KEYWORDS S2A_CLI_PATH="$<TARGET_FILE:s2a>")
add_dependencies(tst_diffusion_worker s2a)
# Stem-wise inpainting (issue 20): keep-masks per stem group, the sampler's clamp, "replace the bass" in the engine.
s2a_add_test(tst_diffusion_stems SOURCES tst_diffusion_stems.cpp LIBS s2a_inference s2a_model s2a_test_support
             LABELS inference TIMEOUT 300)
target_compile_definitions(tst_diffusion_stems PRIVATE QT_NO_KEYWORDS)
