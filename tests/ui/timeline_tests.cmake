# The editor's view models (no window): timeline geometry and the section/track/take models.
s2a_add_test(tst_timeline SOURCES tst_timeline.cpp LIBS s2a_ui s2a_test_support LABELS ui)
