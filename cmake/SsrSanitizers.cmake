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

# Registers `name` as a test that always reports SKIPPED with `reason`, so that ctest's summary says why a
# test did not run instead of it silently missing.
function(ssr_add_skipped_test name reason)
  add_test(NAME ${name} COMMAND sh -c "echo 'SKIP: ${reason}'; exit 77")
  set_tests_properties(${name} PROPERTIES SKIP_RETURN_CODE 77)
endfunction()

# Tests of how the shipped library is consumed (an install tree linked by a plain compiler, the library under
# valgrind, the library loaded by a JVM) need an uninstrumented build: a sanitizer runtime cannot be loaded
# into a JVM or valgrind, and an installed instrumented library cannot be linked without the runtime. Their
# subject is packaging, not memory; the sanitized build still runs the C example itself.
set(SSR_PACKAGING_TESTS_SKIP_REASON "")
if(SSR_SANITIZE)
  set(SSR_PACKAGING_TESTS_SKIP_REASON "needs an uninstrumented build (this one has SSR_SANITIZE=${SSR_SANITIZE})")
endif()
