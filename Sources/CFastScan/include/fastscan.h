// Byte searches: an exact substring search (the C library's); 16 or 32 bytes at a time (SSE2,
// and AVX2 where the processor has it), a case-insensitive one for ASCII needles, for `text
// contains` over the claims' text buffer, and the search for the first of two bytes, for the
// end of a JSON string (a quote or a backslash); a UTF-8 check; and CRC-32C, which checks
// snapshot sections. Plain C so that the compiler emits the vector instructions it is written
// with.
#ifndef CLAIMSH_FASTSCAN_H
#define CLAIMSH_FASTSCAN_H
#include <stddef.h>
#include <stdint.h>

/// The offset of the first match of `needle` (lowercase ASCII, `m` bytes) in `haystack[from..<n]`,
/// ignoring ASCII case, or `n` when there is none.
size_t claimsh_find_caseless(const uint8_t *haystack, size_t n, const uint8_t *needle, size_t m, size_t from);

/// The offset of the first match of `needle` (`m` bytes, exactly) in `haystack[0..<n]`, or `n`
/// when there is none or the needle is empty.
size_t claimsh_find(const uint8_t *haystack, size_t n, const uint8_t *needle, size_t m);

/// The offset of the first byte in `haystack[from..<n]` equal to `a` or to `b`, or `n` when
/// there is none; sets `*high` to 1 when a byte of 0x80 or above comes before it (so that only
/// strings holding non-ASCII bytes need a UTF-8 check).
size_t claimsh_find_either_noting_high(const uint8_t *haystack, size_t n, uint8_t a, uint8_t b, size_t from, int *high);

/// 1 when `p[0..<n]` is well-formed UTF-8 (no overlong forms, surrogates or values past
/// U+10FFFF), else 0; ASCII runs are checked 16 bytes at a time.
int claimsh_utf8_valid(const uint8_t *p, size_t n);

/// CRC-32C of `p[0..<n]` going on from `crc`: start from 0xFFFFFFFF, and xor the result with
/// 0xFFFFFFFF at the end (so "123456789" gives 0xE3069283). SSE4.2 when the processor has it.
uint32_t claimsh_crc32c_update(uint32_t crc, const uint8_t *p, size_t n);

/// The same CRC-32C, always from the table (for tests that the two paths agree).
uint32_t claimsh_crc32c_table(uint32_t crc, const uint8_t *p, size_t n);

#endif
