# Qt-free benchmark of the diffusion model: links s2a_model (LibTorch + the standard library) only, so it
# builds wherever the model library does (e.g. a GPU server without Qt). Not s2a_add_bench: that links Qt.
add_executable(bench_model bench_model.cpp)
target_link_libraries(bench_model PRIVATE s2a_model)
s2a_set_warnings(bench_model)
