import Foundation
import Testing

@testable import KDNotebook

@Suite("Console rendering")
struct ConsoleRendererTests {
    @Test func figuresAreSavedAsSVGFiles() throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent(
            "kdnotebook-console-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: directory) }
        var console = ConsoleRenderer(directory: directory.path)
        let figure = Chart.bar("Model size (int8)", categories: ["a"], values: [1]).render()
        let text = console.render(.figure(figure))
        let file = directory.appendingPathComponent("figure-1-model-size-int8.svg")
        #expect(text == "[figure] Model size (int8) -> \(file.path)\n  \(figure.summary)\n")
        #expect(try String(contentsOf: file, encoding: .utf8) == figure.svg)
        #expect(console.render(.figure(figure)).contains("figure-2-model-size-int8.svg"))
    }

    @Test func exportsTablesAndWidgetsAreText() {
        var console = ConsoleRenderer(directory: ".")
        #expect(
            console.render(.export(ExportedValue(name: "acc", value: .double(0.9812), format: .percent(digits: 1))))
                == "kd.acc = 98.1%\n")
        #expect(console.render(.table(TableTests.sizes)) == TableTests.sizes.text())
        #expect(console.render(.blockStart(BlockStart(index: 0, line: 1))) == "")
        let slider = console.render(.widget(.temperatureSlider(logits: [Float(0), 0], labels: ["a", "b"])))
        #expect(slider == "[temperature slider] T = 1.0 (0.5…20.0): a 0.5000, b 0.5000\n")
    }

    @Test(arguments: [
        ("Validation accuracy (%)", "validation-accuracy"), ("T = 4", "t-4"), ("ÉÉ", nil), ("  a  b ", "a-b"),
    ])
    func slugs(title: String, expected: String?) {
        #expect(ConsoleRenderer.slug(title) == expected)
    }

    @Test func theModeComesFromTheEnvironment() {
        #expect(Notebook.mode(from: [:]) == .console(directory: "."))
        #expect(Notebook.mode(from: ["KDNOTEBOOK_OUTPUT_DIR": "/tmp/x"]) == .console(directory: "/tmp/x"))
        #expect(Notebook.mode(from: ["KDNOTEBOOK_FD": "7"]) == .records(7))
    }
}
