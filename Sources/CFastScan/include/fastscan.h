// Byte searches 16 bytes at a time (SSE2): a case-insensitive substring search for ASCII
// needles, for `text contains` over the claims' text buffer, and the search for the first of
// two bytes, for the end of a JSON string (a quote or a backslash). Plain C so that the compiler
// emits the vector instructions it is written with.
#ifndef CLAIMSH_FASTSCAN_H
#define CLAIMSH_FASTSCAN_H
#include <stddef.h>
#include <stdint.h>

/// The offset of the first match of `needle` (lowercase ASCII, `m` bytes) in `haystack[from..<n]`,
/// ignoring ASCII case, or `n` when there is none.
size_t claimsh_find_caseless(const uint8_t *haystack, size_t n, const uint8_t *needle, size_t m, size_t from);

/// The offset of the first byte in `haystack[from..<n]` equal to `a` or to `b`, or `n` when there is none.
size_t claimsh_find_either(const uint8_t *haystack, size_t n, uint8_t a, uint8_t b, size_t from);

#endif
