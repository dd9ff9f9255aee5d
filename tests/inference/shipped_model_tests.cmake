# The trained tiny model shipped in resources/models/tiny (real weights, real forward passes).
s2a_add_test(tst_shipped_model SOURCES tst_shipped_model.cpp LIBS s2a_inference s2a_model LABELS inference TIMEOUT 300)
target_compile_definitions(tst_shipped_model PRIVATE QT_NO_KEYWORDS S2A_SOURCE_DIR="${PROJECT_SOURCE_DIR}")
