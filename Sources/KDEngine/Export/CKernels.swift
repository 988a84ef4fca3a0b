/// The C99 text of the helpers and kernels the exported inference source may need. A generated
/// file holds only the functions it calls and what they depend on (`-Wall -Werror` rejects an
/// unused static function). The integer helpers avoid every undefined or implementation-defined
/// operation of C99: no shift of a negative value, no signed overflow, no out-of-range conversion.
enum CKernels {
    struct Snippet {
        var name: String
        var dependencies: [String]
        var text: String
    }

    /// The snippets `roots` need, dependencies first, each once, in the order of `all`.
    static func closure(of roots: Set<String>) -> [Snippet] {
        var needed = Set<String>()
        func visit(_ name: String) {
            guard needed.insert(name).inserted, let snippet = all.first(where: { $0.name == name }) else { return }
            snippet.dependencies.forEach(visit)
        }
        roots.forEach(visit)
        return all.filter { needed.contains($0.name) }
    }

    static let all: [Snippet] =
        [
            Snippet(name: "clamp", dependencies: [], text: clamp),
            Snippet(name: "i32", dependencies: [], text: i32),
            Snippet(name: "wrap", dependencies: ["i32"], text: wrap),
            Snippet(name: "wrapSub", dependencies: ["i32"], text: wrapSub),
            Snippet(name: "asr32", dependencies: [], text: asr32),
            Snippet(name: "asr64", dependencies: [], text: asr64),
            Snippet(name: "gemmlowp", dependencies: ["asr32"], text: gemmlowp),
            Snippet(
                name: "multiplyByQuantizedMultiplier", dependencies: ["gemmlowp", "i32"],
                text: multiplyByQuantizedMultiplier),
            Snippet(name: "ruy", dependencies: ["i32", "asr32", "asr64"], text: ruy),
            Snippet(name: "roundHalfEvenFloat", dependencies: [], text: float32),
            Snippet(name: "roundHalfAwayFloat", dependencies: [], text: roundHalfAwayFloat),
            Snippet(name: "roundHalfAwayDouble", dependencies: [], text: roundHalfAwayDouble),
            Snippet(name: "fixedPointExp", dependencies: ["gemmlowp", "i32", "wrap", "wrapSub"], text: fixedPointExp),
        ] + operatorSnippets

    static let clamp = """
        static int32_t kd_clamp(int32_t v, int32_t lo, int32_t hi) {
            return v < lo ? lo : (v > hi ? hi : v);
        }

        """

    /// Two's complement reading of a 32-bit pattern, without an out-of-range conversion.
    static let i32 = """
        static int32_t kd_i32(uint32_t u) {
            return u <= 0x7FFFFFFFu ? (int32_t)u : -(int32_t)(0xFFFFFFFFu - u) - 1;
        }

        """

    static let wrap = """
        static int32_t kd_wrap_add(int32_t a, int32_t b) {
            return kd_i32((uint32_t)a + (uint32_t)b);
        }

        """

    static let wrapSub = """
        static int32_t kd_wrap_sub(int32_t a, int32_t b) {
            return kd_i32((uint32_t)a - (uint32_t)b);
        }

        """

    /// Floor shifts that never shift a negative value.
    static let asr32 = """
        static int32_t kd_asr32(int32_t x, int n) {
            return x >= 0 ? (int32_t)(x >> n) : (int32_t)(-((-(int64_t)x - 1) >> n) - 1);
        }

        """

    static let asr64 = """
        static int64_t kd_asr64(int64_t x, int n) {
            return x >= 0 ? (x >> n) : -((-(x + 1)) >> n) - 1;
        }

        """

    /// gemmlowp's `SaturatingRoundingDoublingHighMul` and `RoundingDivideByPOT`, and TFLite's
    /// `MultiplyByQuantizedMultiplier` (double rounding).
    static let gemmlowp = """
        static int32_t kd_srdhm(int32_t a, int32_t b) {
            int64_t ab, nudge;
            if (a == b && a == INT32_MIN) return INT32_MAX;
            ab = (int64_t)a * (int64_t)b;
            nudge = ab >= 0 ? ((int64_t)1 << 30) : (1 - ((int64_t)1 << 30));
            return (int32_t)((ab + nudge) / ((int64_t)1 << 31));
        }

        static int32_t kd_rdbpot(int32_t x, int exponent) {
            const int32_t mask = (int32_t)(((int64_t)1 << exponent) - 1);
            const int32_t remainder = (int32_t)((uint32_t)x & (uint32_t)mask);
            const int32_t threshold = (mask >> 1) + (x < 0 ? 1 : 0);
            return kd_asr32(x, exponent) + (remainder > threshold ? 1 : 0);
        }

        """

    static let multiplyByQuantizedMultiplier = """
        static int32_t kd_multiply_by_quantized_multiplier(int32_t x, int32_t multiplier, int shift) {
            const int left = shift > 0 ? shift : 0;
            const int right = shift > 0 ? 0 : -shift;
            const int32_t shifted = kd_i32((uint32_t)x << left);
            return kd_rdbpot(kd_srdhm(shifted, multiplier), right);
        }

        """

    /// ruy's x86 rescaling: two roundings half towards +infinity.
    static let ruy = """
        static int32_t kd_rescale_ruy(int32_t x, int32_t multiplier, int shift) {
            const int left = shift > 0 ? shift : 0;
            const int right = shift > 0 ? 0 : -shift;
            const int64_t product = (int64_t)kd_i32((uint32_t)x << left) * (int64_t)multiplier;
            const int32_t high = kd_i32((uint32_t)(uint64_t)kd_asr64(product + ((int64_t)1 << 30), 31));
            int32_t nudge;
            if (right == 0) return high;
            nudge = (int32_t)1 << (right - 1);
            if (high > INT32_MAX - nudge) return (int32_t)1 << (31 - right);
            return kd_asr32(high + nudge, right);
        }

        """

    /// Rounding of a Float32 value already clamped to a small range: half to even (XNNPACK) and
    /// half away from zero (`roundf`), with exact operations only.
    static let float32 = """
        static int32_t kd_round_half_even_f(float v) {
            int32_t i = (int32_t)v;
            const float fraction = v - (float)i;
            if (fraction > 0.5f || (fraction == 0.5f && (i & 1))) i += 1;
            if (fraction < -0.5f || (fraction == -0.5f && (i & 1))) i -= 1;
            return i;
        }

        """

    static let roundHalfAwayFloat = """
        static int32_t kd_round_half_away_f(float v) {
            int32_t i = (int32_t)v;
            const float fraction = v - (float)i;
            if (fraction >= 0.5f) i += 1;
            if (fraction <= -0.5f) i -= 1;
            return i;
        }

        """

    static let roundHalfAwayDouble = """
        static int32_t kd_round_half_away_d(double v) {
            int32_t i = (int32_t)v;
            const double fraction = v - (double)i;
            if (fraction >= 0.5) i += 1;
            if (fraction <= -0.5) i -= 1;
            return i;
        }

        """

    /// gemmlowp's fixed-point exp on negative values and reciprocal, for the reference softmax.
    static let fixedPointExp = """
        static int32_t kd_srmbpot(int32_t x, int exponent) {
            int32_t threshold;
            if (exponent == 0) return x;
            if (exponent < 0) return kd_rdbpot(x, -exponent);
            threshold = (int32_t)(((int64_t)1 << (31 - exponent)) - 1);
            if (x > threshold) return INT32_MAX;
            if (x < -threshold) return INT32_MIN;
            return kd_i32((uint32_t)x << exponent);
        }

        static int32_t kd_exp_quarter(int32_t a) {
            const int32_t constant_term = 1895147668;
            const int32_t one_third = 715827883;
            const int32_t x = kd_wrap_add(a, (int32_t)1 << 28);
            const int32_t x2 = kd_srdhm(x, x);
            const int32_t x3 = kd_srdhm(x2, x);
            const int32_t x4 = kd_srdhm(x2, x2);
            const int32_t x4_over_4 = kd_srmbpot(x4, -2);
            const int32_t poly = kd_srmbpot(kd_wrap_add(kd_srdhm(kd_wrap_add(x4_over_4, x3), one_third), x2), -1);
            return kd_wrap_add(constant_term, kd_srdhm(constant_term, kd_wrap_add(x, poly)));
        }

        /* exp(a) for a <= 0 in Q5.26; the result in Q0.31. */
        static int32_t kd_exp_on_negative_values(int32_t a) {
            static const int32_t multipliers[7] = {1672461947, 1302514674, 790015084, 290630308, 39332535, 720401, 242};
            const int32_t one_quarter = (int32_t)1 << 24;
            const int32_t a_mod = kd_wrap_sub((int32_t)((uint32_t)a & (uint32_t)(one_quarter - 1)), one_quarter);
            const int32_t remainder = kd_wrap_sub(a_mod, a);
            int32_t result = kd_exp_quarter(kd_srmbpot(a_mod, 5));
            int k;
            for (k = 0; k < 7; ++k) {
                if ((uint32_t)remainder & ((uint32_t)1 << (24 + k))) result = kd_srdhm(result, multipliers[k]);
            }
            return a == 0 ? INT32_MAX : result;
        }

        static int32_t kd_rounding_half_sum(int32_t a, int32_t b) {
            const int64_t sum = (int64_t)a + (int64_t)b;
            return (int32_t)((sum + (sum >= 0 ? 1 : -1)) / 2);
        }

        /* 1 / (1 + a) for a in [0, 1) in Q0.31, three Newton-Raphson steps in Q2.29. */
        static int32_t kd_one_over_one_plus_x(int32_t a) {
            const int32_t half_denominator = kd_rounding_half_sum(a, INT32_MAX);
            int32_t x = kd_wrap_add(1515870810, kd_srdhm(half_denominator, -1010580540));
            int i;
            for (i = 0; i < 3; ++i) {
                const int32_t one_minus = kd_wrap_sub((int32_t)1 << 29, kd_srdhm(half_denominator, x));
                x = kd_wrap_add(x, kd_srmbpot(kd_srdhm(x, one_minus), 2));
            }
            return kd_srmbpot(x, 1);
        }

        """
}
