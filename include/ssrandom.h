/*
 * ssrandom.h — the stable C ABI of libssrandom (双随机、一公开 inspection draws).
 *
 * Conventions (see docs/C_API.md once it lands):
 *  - every function and type is prefixed ssr_, every macro and enum constant SSR_;
 *  - objects are opaque handles with one *_destroy each, which accepts NULL;
 *  - fallible functions return ssr_status (SSR_OK = 0; values are fixed and never renumbered) and leave a
 *    message for ssr_last_error_message() in the calling thread;
 *  - no function throws, and a failed call changes no state.
 */
#ifndef SSRANDOM_H_
#define SSRANDOM_H_

#ifdef __cplusplus
extern "C" {
#endif

#if defined(_WIN32)
#define SSR_API __declspec(dllexport)
#else
#define SSR_API __attribute__((visibility("default")))
#endif

#define SSR_VERSION_MAJOR 0
#define SSR_VERSION_MINOR 1
#define SSR_VERSION_PATCH 0

/* The release version, e.g. "0.1.0". Never NULL; the string is static and must not be freed.
 * Thread-safe. */
SSR_API const char* ssr_version_string(void);

#ifdef __cplusplus
} /* extern "C" */
#endif

#endif /* SSRANDOM_H_ */
