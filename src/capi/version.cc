#include "ssrandom.h"

#include "ssrandom/version.h"

extern "C" const char* ssr_version_string(void) { return ssr::kVersion; }
