// CRC-32C (Castagnoli), the checksum of snapshot sections: the SSE4.2 crc32 instruction eight
// bytes at a time where the processor has it, else a table a byte at a time. Both give the
// same value (the standard CRC-32C: reflected polynomial 0x82F63B78, initial and final xor
// with 0xFFFFFFFF, applied by the caller's start value and `claimsh_crc32c_final`).
#include "fastscan.h"
#include <pthread.h>
#include <string.h>

static uint32_t table[256];
static pthread_once_t table_once = PTHREAD_ONCE_INIT;

static void make_table(void) {
  for (uint32_t i = 0; i < 256; i++) {
    uint32_t c = i;
    for (int k = 0; k < 8; k++) c = (c & 1) ? (c >> 1) ^ 0x82F63B78u : c >> 1;
    table[i] = c;
  }
}

static uint32_t crc_table(uint32_t crc, const uint8_t *p, size_t n) {
  pthread_once(&table_once, make_table);
  while (n--) crc = table[(crc ^ *p++) & 0xFF] ^ (crc >> 8);
  return crc;
}

#if defined(__x86_64__)
#include <nmmintrin.h>
__attribute__((target("sse4.2"))) static uint32_t crc_sse42(uint32_t crc, const uint8_t *p, size_t n) {
  uint64_t c = crc;
  while (n >= 8) {
    uint64_t word;
    memcpy(&word, p, 8);
    c = _mm_crc32_u64(c, word);
    p += 8;
    n -= 8;
  }
  uint32_t c32 = (uint32_t)c;
  while (n--) c32 = _mm_crc32_u8(c32, *p++);
  return c32;
}
#endif

uint32_t claimsh_crc32c_update(uint32_t crc, const uint8_t *p, size_t n) {
#if defined(__x86_64__)
  static int has_sse42 = -1;
  if (has_sse42 < 0) has_sse42 = __builtin_cpu_supports("sse4.2") ? 1 : 0;
  if (has_sse42) return crc_sse42(crc, p, n);
#endif
  return crc_table(crc, p, n);
}

uint32_t claimsh_crc32c_table(uint32_t crc, const uint8_t *p, size_t n) { return crc_table(crc, p, n); }
