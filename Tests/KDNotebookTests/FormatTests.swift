import Testing

@testable import KDNotebook

@Suite("Value formats")
struct FormatTests {
    @Test(arguments: [
        (3.14159, 2, "3.14"), (0.125, 2, "0.13"), (2.675, 2, "2.68"), (1.005, 2, "1.00"), (-0.004, 2, "0.00"),
        (-1.5, 0, "-2"),
        (1.5, 0, "2"), (0, 3, "0.000"), (999.9996, 3, "1000.000"), (-12.345, 1, "-12.3"), (1e-7, 4, "0.0000"),
    ])
    func fixed(value: Double, digits: Int, expected: String) {
        #expect(DecimalText.fixed(value, digits: digits) == expected)
    }

    @Test func fixedWithGrouping() {
        #expect(DecimalText.fixed(1_234_567.891, digits: 2, grouping: true) == "1,234,567.89")
        #expect(DecimalText.fixed(-999.5, digits: 0, grouping: true) == "-1,000")
        #expect(DecimalText.fixed(100, digits: 0, grouping: true) == "100")
        #expect(DecimalText.fixed(1e17, digits: 1, grouping: true) == "100,000,000,000,000,000.0")
    }

    @Test func nonFinite() {
        #expect(DecimalText.fixed(.nan, digits: 2) == "nan")
        #expect(DecimalText.fixed(-.infinity, digits: 2) == "-inf")
        #expect(ValueFormat.percent(digits: 1).text(.infinity) == "inf%")
    }

    @Test(arguments: [
        (0.000123, 2, "1.23e-4"), (123456.0, 1, "1.2e5"), (9.996, 2, "1.00e1"), (-0.5, 0, "-5e-1"), (1.0, 2, "1.00e0"),
        (0.0, 1, "0.0e0"),
    ])
    func scientific(value: Double, digits: Int, expected: String) {
        #expect(DecimalText.scientific(value, digits: digits) == expected)
    }

    @Test(arguments: [
        (0.0, "0 B"), (512.0, "512 B"), (1023.0, "1023 B"), (1024.0, "1.0 KB"), (3277.0, "3.2 KB"),
        (1_048_575.0, "1.0 MB"), (1_572_864.0, "1.5 MB"), (340_008.0, "332.0 KB"), (3.5 * 1_073_741_824, "3.5 GB"),
    ])
    func bytes(value: Double, expected: String) {
        #expect(ValueFormat.bytes.text(value) == expected)
    }

    @Test func bytesWithDigits() {
        #expect(ValueFormat.bytes(digits: 2).text(3277) == "3.20 KB")
        #expect(ValueFormat.bytes(digits: 0).text(1_048_000) == "1023 KB")
    }

    @Test func percentAndInteger() {
        #expect(ValueFormat.percent(digits: 1).text(0.98125) == "98.1%")
        #expect(ValueFormat.percent(digits: 0).text(1) == "100%")
        #expect(ValueFormat.integer.text(1_234_567.4) == "1,234,567")
        #expect(ValueFormat.integer.text(.int(1797)) == "1,797")
    }

    @Test func plainKeepsTheGivenType() {
        #expect(ValueFormat.plain.text(.int(1797)) == "1797")
        #expect(ValueFormat.plain.text(.float(0.981)) == "0.981")
        #expect(ValueFormat.plain.text(.double(0.1)) == "0.1")
        #expect(ValueFormat.plain.text(.string("int8")) == "int8")
        #expect(ValueFormat.percent(digits: 1).text(.string("n/a")) == "n/a")
        #expect(ValueFormat.fixed(digits: 2).text(Float(0.981).notebookScalar) == "0.98")
    }

    @Test func trimmed() {
        #expect(DecimalText.trimmed("12.50") == "12.5")
        #expect(DecimalText.trimmed("40.00") == "40")
        #expect(DecimalText.trimmed("-0.00") == "0")
        #expect(DecimalText.trimmed("100") == "100")
    }

    @Test(arguments: ["acc", "studentAccuracy", "_x", "a1"])
    func validExportNames(name: String) {
        #expect(ExportName.isValid(name))
    }

    @Test(arguments: ["", "1a", "a b", "a-b", "kd.x", "é"])
    func invalidExportNames(name: String) {
        #expect(!ExportName.isValid(name))
    }

    @Test func exportedValueCarriesValueAndText() {
        let exported = ExportedValue(name: "acc", value: .double(0.98125), format: .percent(digits: 1))
        #expect(exported.text == "98.1%")
        #expect(exported.value == .double(0.98125))
        #expect(ExportedValue(name: "n", value: .int(1797), format: nil).text == "1797")
    }
}
