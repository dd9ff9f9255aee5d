# Tests of the diffusion model's network.
s2a_add_test(tst_model_network SOURCES tst_model_network.cpp LIBS s2a_model LABELS inference TIMEOUT 300)
target_compile_definitions(tst_model_network PRIVATE QT_NO_KEYWORDS
  S2A_MODEL_CONFIG_DIR="${PROJECT_SOURCE_DIR}/resources/models/configs"
  S2A_NETWORK_REFERENCE_SCRIPT="${CMAKE_CURRENT_SOURCE_DIR}/reference/dit_vae_reference.py")

# Phase from STFT magnitudes alone (the reconstructed-phase codec's decoder): consistency on known chords and a
# bass line, against a random phase.
s2a_add_test(tst_phase_reconstruction SOURCES tst_phase_reconstruction.cpp LIBS s2a_model LABELS inference TIMEOUT 120)
target_compile_definitions(tst_phase_reconstruction PRIVATE QT_NO_KEYWORDS)
