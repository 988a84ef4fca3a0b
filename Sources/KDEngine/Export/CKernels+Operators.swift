/// The C99 operator kernels of the exported inference source. Each mirrors the Swift kernel of
/// the same operator (`QuantizedFullyConnected`, `QuantizedConv2D`, `QuantizedMaxPool2D`,
/// `QuantizedSoftmax`) and the rescaling variants of `Requantization.apply`.
extension CKernels {
    /// The requantizer snippet for each rescaling variant.
    static func requantizer(_ rescaling: Int8Runtime.Rescaling) -> (snippet: String, function: String) {
        switch rescaling {
        case .doubleRounding: ("requantizeDoubleRounding", "kd_requantize_double_rounding")
        case .ruy: ("requantizeRuy", "kd_requantize_ruy")
        case .float32: ("requantizeFloat32", "kd_requantize_float32")
        case .double: ("requantizeDouble", "kd_requantize_double")
        }
    }

    static let operatorSnippets: [Snippet] = [
        Snippet(
            name: "requantTypes", dependencies: [],
            text: """
                /* Rescaling of one operator: fixed-point multipliers and shifts, or Float32 or Double
                   scales, one per output channel (per_channel) or one for all; then zero point and range. */
                typedef struct {
                    const int32_t *multiplier;
                    const int32_t *shift;
                    const float *scale_f;
                    const double *scale_d;
                    int32_t per_channel;
                    int32_t zero_point;
                    int32_t lo;
                    int32_t hi;
                } kd_requant;

                typedef int8_t (*kd_requantizer)(int32_t acc, const kd_requant *r, int32_t channel);

                """),
        Snippet(
            name: "requantizeDoubleRounding",
            dependencies: ["requantTypes", "multiplyByQuantizedMultiplier", "wrap", "clamp"],
            text: """
                static int8_t kd_requantize_double_rounding(int32_t acc, const kd_requant *r, int32_t channel) {
                    const int32_t i = r->per_channel ? channel : 0;
                    const int32_t scaled = kd_multiply_by_quantized_multiplier(acc, r->multiplier[i], (int)r->shift[i]);
                    return (int8_t)kd_clamp(kd_wrap_add(scaled, r->zero_point), r->lo, r->hi);
                }

                """),
        Snippet(
            name: "requantizeRuy", dependencies: ["requantTypes", "ruy", "wrap", "clamp"],
            text: """
                static int8_t kd_requantize_ruy(int32_t acc, const kd_requant *r, int32_t channel) {
                    const int32_t i = r->per_channel ? channel : 0;
                    const int32_t scaled = kd_rescale_ruy(acc, r->multiplier[i], (int)r->shift[i]);
                    return (int8_t)kd_clamp(kd_wrap_add(scaled, r->zero_point), r->lo, r->hi);
                }

                """),
        Snippet(
            name: "requantizeFloat32", dependencies: ["requantTypes", "roundHalfEvenFloat", "clamp"],
            text: """
                static int8_t kd_requantize_float32(int32_t acc, const kd_requant *r, int32_t channel) {
                    const int32_t i = r->per_channel ? channel : 0;
                    const float low = (float)(r->lo - r->zero_point);
                    const float high = (float)(r->hi - r->zero_point);
                    float v = (float)acc * r->scale_f[i];
                    if (v < low) v = low;
                    if (v > high) v = high;
                    return (int8_t)kd_clamp(kd_round_half_even_f(v) + r->zero_point, r->lo, r->hi);
                }

                """),
        Snippet(
            name: "requantizeDouble", dependencies: ["requantTypes", "roundHalfAwayDouble", "clamp"],
            text: """
                static int8_t kd_requantize_double(int32_t acc, const kd_requant *r, int32_t channel) {
                    const int32_t i = r->per_channel ? channel : 0;
                    const double low = (double)(r->lo - r->zero_point);
                    const double high = (double)(r->hi - r->zero_point);
                    double v = (double)acc * r->scale_d[i];
                    if (v < low) v = low;
                    if (v > high) v = high;
                    return (int8_t)kd_clamp(kd_round_half_away_d(v) + r->zero_point, r->lo, r->hi);
                }

                """),
        Snippet(
            name: "window", dependencies: [],
            text: """
                /* The spatial shape of a convolution or pooling window, NHWC (TFLite's padding). */
                typedef struct {
                    int32_t in_h, in_w, in_c, k_h, k_w, stride_h, stride_w, pad_top, pad_left, out_h, out_w, out_c;
                } kd_window;

                """),
        Snippet(
            name: "fullyConnected", dependencies: ["requantTypes"],
            text: """
                /* y[o] = requantize(bias[o] + sum_i w[o][i] * (x[i] - input_zero_point)) */
                static void kd_fully_connected(const int8_t *x, int8_t *y, const int8_t *w, const int32_t *bias,
                                               int32_t inputs, int32_t outputs, int32_t input_zero_point,
                                               const kd_requant *r, kd_requantizer requantize) {
                    int32_t o, i;
                    for (o = 0; o < outputs; ++o) {
                        const int8_t *row = w + o * inputs;
                        int32_t acc = bias[o];
                        for (i = 0; i < inputs; ++i) acc += (int32_t)row[i] * ((int32_t)x[i] - input_zero_point);
                        y[o] = requantize(acc, r, o);
                    }
                }

                """),
        Snippet(
            name: "conv2D", dependencies: ["requantTypes", "window"],
            text: """
                /* NHWC convolution, OHWI weights; positions outside the input are skipped (zero padding). */
                static void kd_conv2d(const int8_t *x, int8_t *y, const int8_t *w, const int32_t *bias, const kd_window *g,
                                      int32_t input_zero_point, const kd_requant *r, kd_requantizer requantize) {
                    int32_t oy, ox, o, ky, kx, c;
                    for (oy = 0; oy < g->out_h; ++oy) {
                        for (ox = 0; ox < g->out_w; ++ox) {
                            for (o = 0; o < g->out_c; ++o) {
                                int32_t acc = 0;
                                for (ky = 0; ky < g->k_h; ++ky) {
                                    const int32_t iy = oy * g->stride_h - g->pad_top + ky;
                                    if (iy < 0 || iy >= g->in_h) continue;
                                    for (kx = 0; kx < g->k_w; ++kx) {
                                        const int32_t ix = ox * g->stride_w - g->pad_left + kx;
                                        const int8_t *xp, *wp;
                                        if (ix < 0 || ix >= g->in_w) continue;
                                        xp = x + (iy * g->in_w + ix) * g->in_c;
                                        wp = w + ((o * g->k_h + ky) * g->k_w + kx) * g->in_c;
                                        for (c = 0; c < g->in_c; ++c) acc += (int32_t)wp[c] * ((int32_t)xp[c] - input_zero_point);
                                    }
                                }
                                y[(oy * g->out_w + ox) * g->out_c + o] = requantize(acc + bias[o], r, o);
                            }
                        }
                    }
                }

                """),
        Snippet(
            name: "maxPool2D", dependencies: ["window"],
            text: """
                static void kd_max_pool2d(const int8_t *x, int8_t *y, const kd_window *g) {
                    int32_t oy, ox, c, ky, kx;
                    for (oy = 0; oy < g->out_h; ++oy) {
                        for (ox = 0; ox < g->out_w; ++ox) {
                            for (c = 0; c < g->in_c; ++c) {
                                int8_t best = -128;
                                for (ky = 0; ky < g->k_h; ++ky) {
                                    const int32_t iy = oy * g->stride_h - g->pad_top + ky;
                                    if (iy < 0 || iy >= g->in_h) continue;
                                    for (kx = 0; kx < g->k_w; ++kx) {
                                        const int32_t ix = ox * g->stride_w - g->pad_left + kx;
                                        int8_t v;
                                        if (ix < 0 || ix >= g->in_w) continue;
                                        v = x[(iy * g->in_w + ix) * g->in_c + c];
                                        if (v > best) best = v;
                                    }
                                }
                                y[(oy * g->out_w + ox) * g->in_c + c] = best;
                            }
                        }
                    }
                }

                """),
        Snippet(
            name: "copy", dependencies: [],
            text: """
                static void kd_copy(const int8_t *x, int8_t *y, int32_t count) {
                    int32_t i;
                    for (i = 0; i < count; ++i) y[i] = x[i];
                }

                """),
        Snippet(
            name: "softmaxTable", dependencies: ["roundHalfAwayFloat", "clamp"],
            text: """
                /* LiteRT's optimized int8 softmax: table[255 - d] = expf(-input_scale * beta * d), Float32 sums. */
                static void kd_softmax_table(const int8_t *x, int8_t *y, int32_t depth, const float *table) {
                    int32_t j, largest = -128;
                    float sum = 0.0f, inverse;
                    for (j = 0; j < depth; ++j) if (x[j] > largest) largest = x[j];
                    for (j = 0; j < depth; ++j) sum += table[255 - largest + x[j]];
                    inverse = 1.0f / (sum * 0.00390625f);
                    for (j = 0; j < depth; ++j) {
                        const float probability = table[255 - largest + x[j]] * inverse;
                        y[j] = (int8_t)kd_clamp(kd_round_half_away_f(probability) - 128, -128, 127);
                    }
                }

                """),
        Snippet(
            name: "softmaxFixed", dependencies: ["fixedPointExp", "clamp"],
            text: """
                /* TFLite's reference int8 softmax: Q5.26 differences, fixed-point exp, Q12.19 sum. */
                static void kd_softmax_fixed(const int8_t *x, int8_t *y, int32_t depth, int32_t input_multiplier,
                                             int input_left_shift, int32_t diff_min) {
                    int32_t j, largest = -128, sum = 0, reciprocal, shifted;
                    int headroom = 0, exponent;
                    uint32_t v;
                    for (j = 0; j < depth; ++j) if (x[j] > largest) largest = x[j];
                    for (j = 0; j < depth; ++j) {
                        const int32_t d = (int32_t)x[j] - largest;
                        if (d >= diff_min) {
                            const int32_t scaled = kd_srdhm(kd_i32((uint32_t)d << input_left_shift), input_multiplier);
                            sum = kd_wrap_add(sum, kd_rdbpot(kd_exp_on_negative_values(scaled), 12));
                        }
                    }
                    for (v = (uint32_t)sum; !(v & 0x80000000u); v <<= 1) ++headroom;
                    shifted = kd_i32(((uint32_t)sum << headroom) - 0x80000000u);
                    reciprocal = kd_one_over_one_plus_x(shifted);
                    exponent = 12 - headroom + 31 - 8;
                    for (j = 0; j < depth; ++j) {
                        const int32_t d = (int32_t)x[j] - largest;
                        if (d >= diff_min) {
                            const int32_t scaled = kd_srdhm(kd_i32((uint32_t)d << input_left_shift), input_multiplier);
                            const int32_t e = kd_exp_on_negative_values(scaled);
                            y[j] = (int8_t)kd_clamp(kd_rdbpot(kd_srdhm(reciprocal, e), exponent) - 128, -128, 127);
                        } else {
                            y[j] = -128;
                        }
                    }
                }

                """),
    ]
}
