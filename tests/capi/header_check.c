/* Compiles include/ssrandom.h on its own: tests/CMakeLists.txt runs the C compiler on this file as C99 and
 * C11 and the C++ compiler as C++11 and C++17, each with -Wall -Wextra -pedantic -Werror, with and without
 * SSR_ENABLE_EXPERIMENTAL_API. */
#include "ssrandom.h"
#include "ssrandom.h" /* a second time: the include guard */

int ssr_header_check(void);

int ssr_header_check(void) {
  ssr_status status = SSR_OK;
  ssr_table kind = SSR_TABLE_ENTITIES;
  ssr_format format = SSR_FORMAT_JSON;
  ssr_draw_option option = SSR_DRAW_THREADS;
  const char* (*name)(ssr_status) = ssr_status_name;
#if defined(SSR_ENABLE_EXPERIMENTAL_API)
  ssr_status (*sample)(const char*, const char* const*, size_t, size_t, int, size_t*, size_t*) = ssr_sample;
  (void)sample;
#endif
  (void)name;
  return (int)status + (int)kind + (int)format + (int)option + SSR_VERSION_NUMBER + SSR_ABI_VERSION +
         SSR_TICKET_SIZE + SSR_DIGEST_SIZE + SSR_DATE_SIZE;
}
