# The asan preset turns this on; it applies to every target so that instrumented code never calls into
# uninstrumented copies of our own libraries.
option(S2A_SANITIZE "Build with AddressSanitizer and UndefinedBehaviorSanitizer" OFF)
if(S2A_SANITIZE)
  add_compile_options(-fsanitize=address,undefined -fno-omit-frame-pointer -fno-sanitize-recover=undefined)
  add_link_options(-fsanitize=address,undefined)
endif()
