# Sanitizers and fuzzing instrumentation for the project's own targets (docs/reliability.md).
#
#   -DSSR_SANITIZE=address,undefined   every target of this project is compiled and linked with those
#                                      sanitizers (GCC or Clang); UBSan findings abort (no recovery), so a
#                                      test that trips one fails. scripts/test-sanitizers uses this.
#   -DSSR_BUILD_FUZZERS=ON             (Clang only) also instruments the code for libFuzzer's coverage and
#                                      builds the real fuzzers in tests/fuzz/; SSR_SANITIZE defaults to
#                                      address,undefined there.
#
# Included before any target is declared, so the flags apply to everything add_library/add_executable
# creates here (library, C ABI, tests, fuzzers, benchmarks, bindings) and to nothing found with find_package.
set(SSR_SANITIZE "" CACHE STRING "Sanitizers for the project's own targets, e.g. address,undefined")

if(SSR_BUILD_FUZZERS)
  if(NOT CMAKE_CXX_COMPILER_ID MATCHES "Clang")
    message(FATAL_ERROR "SSR_BUILD_FUZZERS needs clang (libFuzzer): configure with CC=clang CXX=clang++ "
                        "(scripts/bootstrap --fuzz installs it). The corpora replay under any compiler "
                        "as ordinary tests without this option.")
  endif()
  if(NOT SSR_SANITIZE)
    set(SSR_SANITIZE "address,undefined" CACHE STRING
        "Sanitizers for the project's own targets, e.g. address,undefined" FORCE)
  endif()
  add_compile_options(-fsanitize=fuzzer-no-link)
endif()

if(SSR_SANITIZE)
  if(NOT CMAKE_CXX_COMPILER_ID MATCHES "GNU|Clang")
    message(FATAL_ERROR "SSR_SANITIZE needs GCC or Clang")
  endif()
  message(STATUS "ssrandom: sanitizers ${SSR_SANITIZE}")
  add_compile_options(-fsanitize=${SSR_SANITIZE} -fno-sanitize-recover=all -fno-omit-frame-pointer)
  add_link_options(-fsanitize=${SSR_SANITIZE} -fno-sanitize-recover=all)
endif()
