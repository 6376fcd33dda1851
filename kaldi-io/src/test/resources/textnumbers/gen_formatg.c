/* Writes the golden table for TextNumbersTest: one line per value, "<C99 hex float>\t<printf %.7g>".
 * Build and run: gcc -O0 -o /tmp/gen_formatg gen_formatg.c && /tmp/gen_formatg > formatg-7.tsv */
#include <float.h>
#include <math.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>

static uint64_t state = 20240601u;
static uint64_t next(void) { /* xorshift64*, fixed seed */
  state ^= state >> 12; state ^= state << 25; state ^= state >> 27;
  return state * 2685821657736338717ull;
}
static void emit(double v) { printf("%a\t%.7g\n", v, v); }

int main(void) {
  const double fixed[] = {0.0, -0.0, 1.0, -1.0, 0.5, 0.1, 0.2, 0.3, 1.0 / 3, 2.0 / 3, 100.0, 1e6, 1e7, 9999999.0,
      9999999.5, 9999998.5, 99999995.0, 999999.95, 0.0001, 0.00001, 0.000099999995, 0.00009999999,
      1e-5, 1e-4, 1e-3, 12345675.0, 12345685.0, 1048576.5, 1048577.5, 0.125, 0.0625, 3.0517578125e-05,
      123456.75, 1234567.5, 1234568.5, -1234567.5, 1e22, 1e21, 1e100, 1e-100, 1e300, 1e-300, 1e308,
      DBL_MAX, -DBL_MAX, DBL_MIN, 4.9406564584124654e-324, 2.2250738585072009e-308, FLT_MAX, -FLT_MAX,
      FLT_MIN, 1.40129846e-45, FLT_EPSILON, DBL_EPSILON, 3.14159265358979, -2.718281828459045,
      123456789.0, 0.000123456789, 5e-5, 9.5, 99.5, 0.95, 0.0095, 65535.0, 32767.5, 1.52590218966964e-05};
  for (size_t i = 0; i < sizeof fixed / sizeof fixed[0]; i++) emit(fixed[i]);
  /* Random doubles over the whole exponent range, and random floats as Kaldi's float matrices hold. */
  for (int i = 0; i < 3000; i++) {
    uint64_t bits = next();
    double d;
    memcpy(&d, &bits, 8);
    if (isfinite(d)) emit(d);
  }
  for (int i = 0; i < 3000; i++) {
    uint32_t bits = (uint32_t) (next() >> 32);
    float f;
    memcpy(&f, &bits, 4);
    if (isfinite(f)) emit((double) f);
  }
  /* Typical feature values: moderate magnitudes with many digits. */
  for (int i = 0; i < 3000; i++) {
    double u = (double) (next() >> 11) / 9007199254740992.0;
    double e = (double) (int) (next() % 17) - 8;
    float f = (float) ((u * 2 - 1) * pow(10.0, e));
    emit((double) f);
  }
  /* Decimal ties at the 8th significant digit, exactly representable as doubles. */
  for (int i = 0; i < 500; i++) {
    double base = (double) (10000000 + (int) (next() % 90000000)) + 0.5;
    emit(base / 10.0 * 10.0);
    emit((double) (1000000 + (int) (next() % 9000000)) + 0.5);
  }
  return 0;
}
