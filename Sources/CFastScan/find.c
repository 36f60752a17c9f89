// The exact byte search, from the C library (memmem is a GNU extension that Swift's Glibc
// module does not show).
#define _GNU_SOURCE
#include <string.h>
#include "fastscan.h"

size_t claimsh_find(const uint8_t *haystack, size_t n, const uint8_t *needle, size_t m) {
  if (m == 0 || m > n) return n;
  const uint8_t *found = memmem(haystack, n, needle, m);
  return found ? (size_t)(found - haystack) : n;
}
