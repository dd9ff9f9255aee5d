# The asan preset turns this on; it applies to every target so that instrumented code never calls into
# uninstrumented copies of our own libraries.
option(S2A_SANITIZE "Build with AddressSanitizer and UndefinedBehaviorSanitizer" OFF)
if(S2A_SANITIZE)
  add_compile_options(-fsanitize=address,undefined -fno-omit-frame-pointer -fno-sanitize-recover=undefined)
  add_link_options(-fsanitize=address,undefined)
endif()

# The fuzz preset turns this on (clang only: libFuzzer is clang's). Every target gets coverage instrumentation
# (fuzzer-no-link) besides ASan + UBSan, so that libFuzzer sees the paths taken inside our libraries; only the
# targets in tests/fuzz link libFuzzer's main. -O1 keeps executions fast; asserts stay on (Debug, no NDEBUG).
option(S2A_FUZZ "Build the libFuzzer targets in tests/fuzz (clang)" OFF)
if(S2A_FUZZ)
  if(NOT CMAKE_CXX_COMPILER_ID MATCHES "Clang")
    message(FATAL_ERROR "S2A_FUZZ needs clang (libFuzzer); configure with the fuzz preset")
  endif()
  add_compile_options(-fsanitize=fuzzer-no-link,address,undefined -fno-omit-frame-pointer
                      -fno-sanitize-recover=undefined -O1)
  add_link_options(-fsanitize=address,undefined)
endif()
