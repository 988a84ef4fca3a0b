#include <stdint.h>
#include "student.h"
#define SCALE 0.0125f  /* per-tensor scale */

/** Quantizes one value: q = round(x / s) + z. */
static inline int8_t quantize(float x, float s, int32_t zero_point) {
    int32_t q = (int32_t)(x / s + 0.5f) + zero_point; // round half up
    if (q < -128) q = -128;
    if (q > 127) q = 127;
    const char *name = "int8 \"q\"\n";
    char c = '\'';
    return (int8_t)q + 0x1F + 10u + 'a';
}
