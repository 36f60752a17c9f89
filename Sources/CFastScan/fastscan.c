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

/// How common a lowercase byte is in English text: the space, then letters by frequency (e
/// first); every other byte counts as rare. The two rarest needle bytes make the fewest
/// candidates. A table, since it is read for every needle byte on every call.
static const uint8_t commonness_table[256] = {
  [' '] = 64, ['e'] = 63, ['t'] = 62, ['a'] = 61, ['o'] = 60, ['i'] = 59, ['n'] = 58, ['s'] = 57,
  ['h'] = 56, ['r'] = 55, ['d'] = 54, ['l'] = 53, ['c'] = 52, ['u'] = 51, ['m'] = 50, ['w'] = 49,
  ['f'] = 48, ['g'] = 47, ['y'] = 46, ['p'] = 45, ['b'] = 44, ['v'] = 43, ['k'] = 42, ['j'] = 41,
  ['x'] = 40, ['q'] = 39, ['z'] = 38,
};

static inline int commonness(uint8_t b) { return commonness_table[b]; }

/// The positions of the needle's two rarest bytes, first < second (equal when m is 1).
static void rare_pair(const uint8_t *needle, size_t m, size_t *first, size_t *second) {
  size_t a = 0, b = m - 1;
  for (size_t k = 0; k < m; k++) {
    if (commonness(needle[k]) < commonness(needle[a])) a = k;
  }
  if (m > 1) {
    b = (a == 0) ? 1 : 0;
    for (size_t k = 0; k < m; k++) {
      if (k != a && commonness(needle[k]) < commonness(needle[b])) b = k;
    }
  }
  *first = a < b ? a : b;
  *second = a < b ? b : a;
}

#if defined(__x86_64__)
#include <immintrin.h>
/// 32 bytes at a time: candidates where both rare needle bytes sit (ORed with 0x20, which folds
/// letters; other bytes may pass, and every candidate is checked in full).
__attribute__((target("avx2")))
static size_t find_caseless_avx2(const uint8_t *h, size_t n, const uint8_t *needle, size_t m, size_t i, size_t p, size_t q) {
  const __m256i at_p = _mm256_set1_epi8((char)(needle[p] | 0x20));
  const __m256i at_q = _mm256_set1_epi8((char)(needle[q] | 0x20));
  const __m256i lower = _mm256_set1_epi8(0x20);
  while (i + m - 1 + 32 <= n) {
    __m256i a = _mm256_or_si256(_mm256_loadu_si256((const __m256i *)(h + i + p)), lower);
    __m256i b = _mm256_or_si256(_mm256_loadu_si256((const __m256i *)(h + i + q)), lower);
    unsigned mask = (unsigned)_mm256_movemask_epi8(_mm256_and_si256(_mm256_cmpeq_epi8(a, at_p), _mm256_cmpeq_epi8(b, at_q)));
    while (mask) {
      unsigned bit = (unsigned)__builtin_ctz(mask);
      if (matches_at(h + i + bit, needle, m)) return i + bit;
      mask &= mask - 1;
    }
    i += 32;
  }
  return i;
}

static int has_avx2(void) {
  static int known = -1;  // a benign race: every thread finds the same answer
  if (known < 0) {
    __builtin_cpu_init();
    known = __builtin_cpu_supports("avx2") ? 1 : 0;
  }
  return known;
}
#endif

size_t claimsh_find_caseless(const uint8_t *h, size_t n, const uint8_t *needle, size_t m, size_t i) {
  if (m == 0) return i;
  if (n < m) return n;
  size_t p, q;
  rare_pair(needle, m, &p, &q);
#if defined(__x86_64__)
  if (has_avx2()) {
    i = find_caseless_avx2(h, n, needle, m, i, p, q);
    if (i + m <= n && matches_at(h + i, needle, m)) return i;  // i is where the vector loop stopped
  }
#endif
#ifdef CLAIMSH_SSE2
  // 16 bytes at a time, the same candidates
  const __m128i at_p = _mm_set1_epi8((char)(needle[p] | 0x20));
  const __m128i at_q = _mm_set1_epi8((char)(needle[q] | 0x20));
  const __m128i lower = _mm_set1_epi8(0x20);
  while (i + m - 1 + 16 <= n) {
    __m128i a = _mm_or_si128(_mm_loadu_si128((const __m128i *)(h + i + p)), lower);
    __m128i b = _mm_or_si128(_mm_loadu_si128((const __m128i *)(h + i + q)), lower);
    unsigned mask = (unsigned)_mm_movemask_epi8(_mm_and_si128(_mm_cmpeq_epi8(a, at_p), _mm_cmpeq_epi8(b, at_q)));
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

size_t claimsh_find_either_noting_high(const uint8_t *h, size_t n, uint8_t a, uint8_t b, size_t i, int *high) {
#ifdef CLAIMSH_SSE2
  const __m128i va = _mm_set1_epi8((char)a);
  const __m128i vb = _mm_set1_epi8((char)b);
  while (i + 16 <= n) {
    __m128i v = _mm_loadu_si128((const __m128i *)(h + i));
    unsigned mask = (unsigned)_mm_movemask_epi8(_mm_or_si128(_mm_cmpeq_epi8(v, va), _mm_cmpeq_epi8(v, vb)));
    unsigned highs = (unsigned)_mm_movemask_epi8(v);  // the top bit of each byte: >= 0x80
    if (mask) {
      unsigned at = (unsigned)__builtin_ctz(mask);
      if (highs & ((1u << at) - 1)) *high = 1;
      return i + at;
    }
    if (highs) *high = 1;
    i += 16;
  }
#endif
  for (; i < n; i++) {
    if (h[i] == a || h[i] == b) return i;
    if (h[i] >= 0x80) *high = 1;
  }
  return n;
}

int claimsh_utf8_valid(const uint8_t *p, size_t n) {
  size_t i = 0;
  while (i < n) {
#ifdef CLAIMSH_SSE2
    // ASCII, 16 bytes at a time
    while (i + 16 <= n && _mm_movemask_epi8(_mm_loadu_si128((const __m128i *)(p + i))) == 0) i += 16;
    if (i >= n) break;
#endif
    uint8_t b = p[i];
    if (b < 0x80) {
      i++;
      continue;
    }
    size_t length;
    if (b >= 0xC2 && b <= 0xDF) length = 2;
    else if (b >= 0xE0 && b <= 0xEF) length = 3;
    else if (b >= 0xF0 && b <= 0xF4) length = 4;
    else return 0;  // a continuation byte first, an overlong C0/C1 lead, or past U+10FFFF
    if (i + length > n) return 0;
    for (size_t k = 1; k < length; k++) {
      if ((p[i + k] & 0xC0) != 0x80) return 0;
    }
    uint8_t second = p[i + 1];
    if ((b == 0xE0 && second < 0xA0) || (b == 0xF0 && second < 0x90)) return 0;  // overlong
    if (b == 0xED && second > 0x9F) return 0;  // a surrogate
    if (b == 0xF4 && second > 0x8F) return 0;  // past U+10FFFF
    i += length;
  }
  return 1;
}
