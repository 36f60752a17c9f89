#include "fastscan.h"
#if defined(__x86_64__) || defined(__SSE2__)
#include <emmintrin.h>
#define CLAIMSH_SSE2 1
#endif

static inline uint8_t fold(uint8_t b) { return (b >= 'A' && b <= 'Z') ? (uint8_t)(b + 32) : b; }

static inline int matches_at(const uint8_t *h, const uint8_t *needle, size_t m) {
  for (size_t k = 0; k < m; k++) {
    if (fold(h[k]) != needle[k]) return 0;
  }
  return 1;
}

size_t claimsh_find_caseless(const uint8_t *h, size_t n, const uint8_t *needle, size_t m, size_t i) {
  if (m == 0) return i;
  if (n < m) return n;
#ifdef CLAIMSH_SSE2
  // Candidates: the first and last needle bytes, both sides ORed with 0x20 (which folds letters;
  // other bytes may pass, and every candidate is checked in full).
  const __m128i first = _mm_set1_epi8((char)(needle[0] | 0x20));
  const __m128i last = _mm_set1_epi8((char)(needle[m - 1] | 0x20));
  const __m128i lower = _mm_set1_epi8(0x20);
  while (i + m - 1 + 16 <= n) {
    __m128i a = _mm_or_si128(_mm_loadu_si128((const __m128i *)(h + i)), lower);
    __m128i b = _mm_or_si128(_mm_loadu_si128((const __m128i *)(h + i + m - 1)), lower);
    unsigned mask = (unsigned)_mm_movemask_epi8(_mm_and_si128(_mm_cmpeq_epi8(a, first), _mm_cmpeq_epi8(b, last)));
    while (mask) {
      unsigned bit = (unsigned)__builtin_ctz(mask);
      if (matches_at(h + i + bit, needle, m)) return i + bit;
      mask &= mask - 1;
    }
    i += 16;
  }
#endif
  for (; i + m <= n; i++) {
    if (matches_at(h + i, needle, m)) return i;
  }
  return n;
}

size_t claimsh_find_either(const uint8_t *h, size_t n, uint8_t a, uint8_t b, size_t i) {
#ifdef CLAIMSH_SSE2
  const __m128i va = _mm_set1_epi8((char)a);
  const __m128i vb = _mm_set1_epi8((char)b);
  while (i + 16 <= n) {
    __m128i v = _mm_loadu_si128((const __m128i *)(h + i));
    unsigned mask = (unsigned)_mm_movemask_epi8(_mm_or_si128(_mm_cmpeq_epi8(v, va), _mm_cmpeq_epi8(v, vb)));
    if (mask) return i + (size_t)__builtin_ctz(mask);
    i += 16;
  }
#endif
  for (; i < n; i++) {
    if (h[i] == a || h[i] == b) return i;
  }
  return n;
}
