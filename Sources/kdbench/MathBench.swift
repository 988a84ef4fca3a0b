import KDMath

#if canImport(Glibc)
    import Glibc
#endif

/// TeX → MathML speed: typical inline formulas of the course, and display formulas with
/// fractions, large operators and environments. Target: ≥ 50,000 inline formulas/s, one core.
enum MathBench {
    static let inline = [
        #"\sigma(z_i/T)"#, #"p_i = \frac{e^{z_i/T}}{\sum_j e^{z_j/T}}"#, #"T^2"#, #"\alpha \in [0, 1]"#,
        #"r = S(q - Z)"#, #"s_t = s_f + (s_i - s_f)(1 - t/n)^3"#, #"\mathrm{KL}(p \| q)"#,
        #"H(p) = -\sum_i p_i \log p_i"#, #"\mathbf{y} = \mathbf{W}\mathbf{x} + \mathbf{b}"#, #"\theta_{t+1}"#,
        #"\mathbb{R}^{m \times n}"#, #"\hat{y} = \arg\max_k p_k"#, #"q \in \{-128, \dots, 127\}"#,
        #"\beta_1 = 0.9"#, #"\mathcal{L}_{\mathrm{KD}}"#, #"x \sim \mathcal{N}(0, 1)"#,
    ]

    static let display = [
        #"\mathcal{L}_{\mathrm{KD}} = \alpha \, \mathcal{L}_{\mathrm{CE}}(y, \sigma(z_s)) + (1 - \alpha) \, T^2 \, \mathrm{KL}\left(\sigma(z_t/T) \,\|\, \sigma(z_s/T)\right)"#,
        #"D_{\mathrm{KL}}(P \,\|\, Q) = \sum_{x \in \mathcal{X}} P(x) \log \frac{P(x)}{Q(x)}"#,
        #"\begin{aligned} m_t &= \beta_1 m_{t-1} + (1 - \beta_1) g_t \\ v_t &= \beta_2 v_{t-1} + (1 - \beta_2) g_t^2 \\ \theta_t &= \theta_{t-1} - \eta \frac{\hat{m}_t}{\sqrt{\hat{v}_t} + \epsilon} \end{aligned}"#,
        #"\operatorname{ReLU}(x) = \begin{cases} x & \text{if } x > 0 \\ 0 & \text{otherwise} \end{cases}"#,
        #"\mathbf{A} = \begin{pmatrix} a_{11} & a_{12} \\ a_{21} & a_{22} \end{pmatrix}"#,
        #"q = \operatorname{clamp}\left(\left\lfloor \frac{r}{S} \right\rceil + Z, \; q_{\min}, \; q_{\max}\right)"#,
    ]

    static func run(_ report: inout BenchReport) throws {
        // CPU time of this thread is what "on one core" means; wall time is also shown, as it
        // drops when other processes share the cores.
        let (inlineCPU, inlineWall) = try rates(of: inline, display: false, rounds: 4_000)
        report.record(
            "math", "typical inline formulas (CPU time)", inlineCPU, "formula/s", note: "target ≥ 50000, one core")
        report.record("math", "typical inline formulas (wall time)", inlineWall, "formula/s")
        report.record("math", "CPU time per inline formula", 1e6 / inlineCPU, "µs")
        let (displayCPU, _) = try rates(of: display, display: true, rounds: 1_000)
        report.record("math", "display formulas, CPU (envs, fractions)", displayCPU, "formula/s")
        var bytes = 0
        for tex in inline { bytes += try MathML.render(tex, display: false).utf8.count }
        report.record("math", "MathML bytes per inline formula", Double(bytes) / Double(inline.count), "bytes")
    }

    /// Formulas converted per second of CPU time and of wall time: `rounds` passes over
    /// `formulas`, the median of 5 runs after a warm-up.
    private static func rates(of formulas: [String], display: Bool, rounds: Int) throws -> (cpu: Double, wall: Double) {
        var sink = 0
        var cpuTimes: [Double] = []
        let wall = try measure {
            let start = cpuSeconds()
            for _ in 0..<rounds {
                for tex in formulas { sink &+= try MathML.render(tex, display: display).utf8.count }
            }
            cpuTimes.append(cpuSeconds() - start)
        }
        precondition(sink > 0)
        let cpu = cpuTimes.sorted()[cpuTimes.count / 2]
        let count = Double(rounds * formulas.count)
        return (count / cpu, count / wall)
    }

    /// CPU time used by the calling thread so far, in seconds.
    private static func cpuSeconds() -> Double {
        var time = timespec()
        clock_gettime(CLOCK_THREAD_CPUTIME_ID, &time)
        return Double(time.tv_sec) + Double(time.tv_nsec) / 1e9
    }
}
