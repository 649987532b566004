/*
 * rig_nn_softmax.c - int8 SOFTMAX on gemmlowp fixed point (contract: rig_nn_softmax.h). The constants are
 * gemmlowp's (fixedpoint.h), in the raw Q0.31 / Q2.29 form it checks them against.
 */
#include "rig_nn_softmax.h"

#include "rig_nn_fixed.h"

#define SCALED_DIFF_INTEGER_BITS 5   /* Q5.26 input of exp() */
#define ACCUMULATION_INTEGER_BITS 12 /* Q12.19 sum of exps */

/* exp(x) for x in [-1/4, 0), Q0.31 in and out: Taylor series around -1/8. */
static int32_t exp_on_interval(int32_t a)
{
    const int32_t constant_term = 1895147668;     /* exp(-1/8) */
    const int32_t constant_1_over_3 = 715827883;  /* 1/3 */
    const int32_t x = a + (1 << 28);              /* a + 1/8 */
    const int32_t x2 = rig_nn_srdhm(x, x);
    const int32_t x3 = rig_nn_srdhm(x2, x);
    const int32_t x4 = rig_nn_srdhm(x2, x2);
    const int32_t x4_over_4 = rig_nn_rdbypot(x4, 2);
    const int32_t poly = rig_nn_rdbypot(rig_nn_srdhm(x4_over_4 + x3, constant_1_over_3) + x2, 1);
    return constant_term + rig_nn_srdhm(constant_term, x + poly);
}

int32_t rig_nn_exp_on_negative_values(int32_t a)
{
    /* exp(-2^k) for k = -2..4, Q0.31 */
    static const int32_t barrel[7] = { 1672461947, 1302514674, 790015084, 290630308, 39332535, 720401, 242 };
    const int32_t fractional_bits = 31 - SCALED_DIFF_INTEGER_BITS;
    const int32_t one_quarter = 1 << (fractional_bits - 2);
    const int32_t a_mod_quarter_minus_one_quarter = (a & (one_quarter - 1)) - one_quarter;
    const int32_t remainder = a_mod_quarter_minus_one_quarter - a;
    int32_t result = exp_on_interval(rig_nn_sat_lshift(a_mod_quarter_minus_one_quarter, SCALED_DIFF_INTEGER_BITS));
    int32_t k;
    for (k = 0; k < 7; k++) /* exponent k - 2 exists while it is below the 5 integer bits */
        if (remainder & (1 << (fractional_bits + k - 2))) result = rig_nn_srdhm(result, barrel[k]);
    return a == 0 ? INT32_MAX : result;
}

int32_t rig_nn_one_over_one_plus_x(int32_t a)
{
    const int32_t constant_48_over_17 = 1515870810;     /* Q2.29 */
    const int32_t constant_neg_32_over_17 = -1010580540; /* Q2.29 */
    const int32_t one_q2 = 1 << 29;
    /* RoundingHalfSum(a, 1.0): (a + INT32_MAX + 1) / 2 for a >= 0, the 33-bit sum kept in unsigned. */
    const int32_t half_denominator = (int32_t)(((uint32_t)a + 0x7FFFFFFFu + 1u) >> 1);
    int32_t x = constant_48_over_17 + rig_nn_srdhm(half_denominator, constant_neg_32_over_17);
    int i;
    for (i = 0; i < 3; i++) {
        const int32_t half_denominator_times_x = rig_nn_srdhm(half_denominator, x);
        const int32_t one_minus = one_q2 - half_denominator_times_x;
        x = x + rig_nn_sat_lshift(rig_nn_srdhm(x, one_minus), 2);
    }
    return rig_nn_sat_lshift(x, 1);
}

static int32_t count_leading_zeros(uint32_t x)
{
    int32_t n = 0;
    if (x == 0u) return 32;
    while ((x & 0x80000000u) == 0u) {
        x <<= 1;
        n++;
    }
    return n;
}

static int32_t exp_of_diff(const rig_nn_layer_t *l, int32_t diff)
{
    const int32_t scaled = rig_nn_srdhm((int32_t)((uint32_t)diff << l->softmax_left_shift), l->softmax_multiplier);
    return rig_nn_exp_on_negative_values(scaled);
}

void rig_nn_softmax(const rig_nn_layer_t *l, const int8_t *in, int8_t *out)
{
    const int32_t rows = l->out_h * l->out_w, depth = l->out_c;
    int32_t r, c;
    for (r = 0; r < rows; r++) {
        const int8_t *x = in + r * depth;
        int8_t *y = out + r * depth;
        int32_t max = -128, sum = 0, headroom, bits_over_unit, reciprocal;
        for (c = 0; c < depth; c++)
            if (x[c] > max) max = x[c];
        for (c = 0; c < depth; c++) {
            const int32_t diff = (int32_t)x[c] - max;
            if (diff >= l->softmax_diff_min) sum += rig_nn_rdbypot(exp_of_diff(l, diff), ACCUMULATION_INTEGER_BITS);
        }
        /* GetReciprocal: the sum as 1 + x with x in [0, 1), and how many bits it stands above 1. */
        headroom = count_leading_zeros((uint32_t)sum);
        bits_over_unit = ACCUMULATION_INTEGER_BITS - headroom;
        reciprocal = rig_nn_one_over_one_plus_x((int32_t)(((uint32_t)sum << headroom) - 0x80000000u));
        for (c = 0; c < depth; c++) {
            const int32_t diff = (int32_t)x[c] - max;
            int32_t v = -128;
            if (diff >= l->softmax_diff_min) {
                v = rig_nn_rdbypot(rig_nn_srdhm(reciprocal, exp_of_diff(l, diff)), bits_over_unit + 31 - 8) - 128;
                if (v > 127) v = 127;
                if (v < -128) v = -128;
            }
            y[c] = (int8_t)v;
        }
    }
}
