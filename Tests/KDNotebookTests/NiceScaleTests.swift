import Testing

@testable import KDNotebook

@Suite("Nice ticks")
struct NiceScaleTests {
    @Test(arguments: [
        (0.0, 1.0, 5, [0.0, 0.2, 0.4, 0.6, 0.8, 1.0], 1),
        (0.7, 0.98, 5, [0.7, 0.8, 0.9, 1.0], 1),
        (-3.2, 7.9, 5, [-5.0, 0.0, 5.0, 10.0], 0),
        (0.0, 340_008.0, 5, [0, 100_000, 200_000, 300_000, 400_000], 0),
        (0.051, 0.0532, 4, [0.05, 0.052, 0.054], 3),
        (1.0, 20.0, 6, [0.0, 5.0, 10.0, 15.0, 20.0], 0),
    ])
    func looseTicks(lower: Double, upper: Double, count: Int, expected: [Double], digits: Int) {
        let scale = NiceScale(lower: lower, upper: upper, count: count)
        #expect(scale.ticks == expected)
        #expect(scale.fractionDigits == digits)
        #expect(scale.domain.lowerBound <= lower && scale.domain.upperBound >= upper)
    }

    @Test func tightTicksStayInsideTheData() {
        let scale = NiceScale(lower: 1, upper: 20, count: 6, tight: true)
        #expect(scale.ticks == [5, 10, 15, 20])
        #expect(scale.domain == 1...20)
    }

    @Test func integerStepsForCounts() {
        let scale = NiceScale(lower: 1, upper: 3, count: 8, tight: true, integers: true)
        #expect(scale.step == 1)
        #expect(scale.ticks == [1, 2, 3])
    }

    @Test func ticksAreExactDecimals() {
        let scale = NiceScale(lower: 0, upper: 0.9, count: 10)
        #expect(scale.ticks.contains(0.3))
        #expect(scale.ticks.contains(0.7))
    }

    @Test func aSingleValueGetsARange() {
        let scale = NiceScale(lower: 5, upper: 5)
        #expect(scale.domain.lowerBound < 5 && scale.domain.upperBound > 5)
        let zero = NiceScale(lower: 0, upper: 0)
        #expect(zero.domain.lowerBound < 0 && zero.domain.upperBound > 0)
    }

    @Test(arguments: [
        (0.6, true, 0.5), (2.9, true, 2.0), (3.1, true, 5.0), (7.5, true, 10.0), (1.1, false, 2.0), (50.0, false, 50.0),
        (0.051, false, 0.1),
    ])
    func niceNumbers(x: Double, round: Bool, expected: Double) {
        #expect(abs(NiceScale.nice(x, round: round) - expected) < 1e-12)
    }

    @Test func byteAxesTickInTheirUnit() {
        let ticks = Axis(format: .bytes).ticks(values: [0, 340_008], count: 5, tight: false, integers: false)
        #expect(ticks.labels == ["0 KB", "100 KB", "200 KB", "300 KB", "400 KB"])
        #expect(ticks.scale.ticks[1] == 102_400)
    }

    @Test func percentAxesChooseTheirDigits() {
        let ticks = Axis(format: .percent(digits: 3)).ticks(
            values: [0.9, 0.96], count: 5, tight: false, integers: false)
        #expect(ticks.labels == ["90%", "92%", "94%", "96%"])
    }
}
