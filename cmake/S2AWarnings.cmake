# Project code builds warning-free; third-party headers are included as SYSTEM so their warnings stay theirs.
function(s2a_set_warnings target)
  target_compile_options(${target} PRIVATE -Wall -Wextra -Wpedantic -Werror)
endfunction()
