import Testing

@testable import KDNotebook

@Suite("Tables")
struct TableTests {
    static var sizes: Table {
        var table = Table(
            "Teacher & student",
            columns: [
                .text("Model"), .number("Parameters", format: .integer), .number("Size", format: .bytes),
                .number("Accuracy", format: .percent(digits: 1)),
            ])
        table.row("Teacher", 85_002, 340_008, 0.9806)
        table.row("Student <int8>", 1_210, 1_450, 0.9417)
        return table
    }

    @Test func cellsKeepValueAndText() {
        let cell = Self.sizes.rows[0][3]
        #expect(cell.value == .double(0.9806))
        #expect(cell.text == "98.1%")
        #expect(Self.sizes.rows[1][1].text == "1,210")
    }

    @Test func textIsAligned() {
        #expect(
            Self.sizes.text() == """
                Teacher & student
                Model           Parameters      Size  Accuracy
                --------------  ----------  --------  --------
                Teacher             85,002  332.0 KB     98.1%
                Student <int8>       1,210    1.4 KB     94.2%

                """)
    }

    @Test func htmlIsEscapedWithNumericColumnsMarked() {
        let html = Self.sizes.html()
        #expect(
            html.hasPrefix(
                "<table class=\"kd-table\"><caption>Teacher &amp; student</caption><thead><tr><th scope=\"col\">Model</th>"
                    + "<th scope=\"col\" class=\"kd-num\">Parameters</th>"))
        #expect(html.contains("<td>Student &lt;int8&gt;</td><td class=\"kd-num\">1,210</td>"))
        #expect(html.hasSuffix("</tr></tbody></table>"))
    }

    @Test func automaticAlignmentFollowsTheCells() {
        var table = Table(columns: ["Name", "Count", "Mixed"])
        table.row("a", 1, 2)
        table.row("b", 2, "n/a")
        #expect(!table.isTrailing(0))
        #expect(table.isTrailing(1))
        #expect(!table.isTrailing(2))
    }

    @Test func unitsAppearInHeaders() {
        #expect(Table.Column.number("Size", unit: "KB").header == "Size (KB)")
        #expect(Table.Column.text("Model").header == "Model")
    }
}
