# An external TorchScript text encoder (scripted by python3-torch, which scripts/dev installs).
s2a_add_test(tst_text_encoder SOURCES tst_text_encoder.cpp LIBS s2a_inference s2a_model LABELS inference TIMEOUT 180)
target_compile_definitions(tst_text_encoder PRIVATE QT_NO_KEYWORDS
  S2A_TEXT_ENCODER_SCRIPT="${CMAKE_CURRENT_SOURCE_DIR}/python/make_text_encoder.py")
