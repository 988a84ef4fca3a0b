import Foundation
import Testing

@testable import KDNotebook

@Suite("Temperature slider")
struct WidgetTests {
    let slider = TemperatureSlider(logits: [4, 1, 0.5, -2], labels: ["3", "5", "8", "<1>"])

    @Test func probabilitiesAreASoftmax() {
        for t in [0.5, 1, 4, 100] {
            let p = slider.probabilities(at: t)
            #expect(abs(p.reduce(0, +) - 1) < 1e-12)
            #expect(p == p.sorted(by: >))
            let z: [Double] = [4, 1, 0.5, -2]
            let expected = exp(z[0] / t) / z.map { exp($0 / t) }.reduce(0, +)
            #expect(abs(p[0] - expected) < 1e-12)
        }
        #expect(slider.probabilities(at: 1000).allSatisfy { abs($0 - 0.25) < 0.01 })
    }

    @Test func markupFollowsThePageContract() throws {
        let html = slider.html(id: "w1")
        #expect(html.contains("data-logits=\"[4.0,1.0,0.5,-2.0]\""))
        #expect(html.contains("data-labels=\"[&quot;3&quot;,&quot;5&quot;,&quot;8&quot;,&quot;&lt;1&gt;&quot;]\""))
        #expect(html.contains("data-temperature=\"1.0\""))
        #expect(
            html.contains("type=\"range\" data-widget=\"temperature\" min=\"0.5\" max=\"20\" step=\"0.1\" value=\"1\""))
        let p = slider.probabilities(at: 1)
        #expect(html.contains("data-prob=\"0\">\(DecimalText.fixed(p[0], digits: 4))</span>"))
        #expect(html.contains("data-prob=\"3\">"))
        // The bar's length is its rect's width in a one-unit viewBox, not a style attribute.
        #expect(
            html.contains(
                "<rect class=\"kd-fill-s1\" fill=\"#2563eb\" width=\"\(DecimalText.fixed(p[0], digits: 4))\" height=\"1\">"
            ))
        #expect(!html.contains("style="))
        try XMLCheck.assertWellFormed(html)
    }

    @Test func theRecordKeepsTheLogits() throws {
        let widget = Widget.temperatureSlider(logits: [Double(2.5), -1], labels: ["a", "b"], temperature: 4)
        let line = try NotebookRecord(sequence: 0, block: 0, payload: .widget(widget)).jsonLine()
        let text = String(decoding: line, as: UTF8.self)
        #expect(text.contains(#""logits":[2.5,-1]"#))
        #expect(text.contains(#""type":"temperatureSlider""#))
        #expect(try NotebookRecord.decodeLines(line)[0].payload == .widget(widget))
    }
}
