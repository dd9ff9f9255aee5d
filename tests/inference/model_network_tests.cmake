# Tests of the diffusion model's network.
s2a_add_test(tst_model_network SOURCES tst_model_network.cpp LIBS s2a_model LABELS inference TIMEOUT 300)
target_compile_definitions(tst_model_network PRIVATE QT_NO_KEYWORDS
  S2A_MODEL_CONFIG_DIR="${PROJECT_SOURCE_DIR}/resources/models/configs"
  S2A_NETWORK_REFERENCE_SCRIPT="${CMAKE_CURRENT_SOURCE_DIR}/reference/dit_vae_reference.py")

# The reconstructed-phase codec's fixed parts: phase from STFT magnitudes alone (consistency on known chords, a bass
# line and noise, against a random phase) and the harmonic head's templates and salience.
s2a_add_test(tst_spectral_codec SOURCES tst_spectral_codec.cpp LIBS s2a_model LABELS inference TIMEOUT 120)
target_compile_definitions(tst_spectral_codec PRIVATE QT_NO_KEYWORDS)

# The trainer's memory savers on the DiT: recomputed blocks (activation checkpointing) give the plain backward's
# gradients, in fp32 and under bf16 autocast.
s2a_add_test(tst_activation_checkpointing SOURCES tst_activation_checkpointing.cpp LIBS s2a_model LABELS inference TIMEOUT 120)
target_compile_definitions(tst_activation_checkpointing PRIVATE QT_NO_KEYWORDS)

# The song key as a DiT input (tiny-keyed): key names, the features relatives share, a forward pass that hears it.
s2a_add_test(tst_key_conditioning SOURCES tst_key_conditioning.cpp LIBS s2a_model LABELS inference TIMEOUT 120)
target_compile_definitions(tst_key_conditioning PRIVATE QT_NO_KEYWORDS)
