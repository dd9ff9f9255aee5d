# Tests of the diffusion model's sampler.
s2a_add_test(tst_model_sampler SOURCES tst_model_sampler.cpp LIBS s2a_model LABELS inference TIMEOUT 120)
target_compile_definitions(tst_model_sampler PRIVATE QT_NO_KEYWORDS)
