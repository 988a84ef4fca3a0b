import KDEngine
import Testing

@testable import KDNotebook

@Suite("Tensor overloads")
struct TensorOverloadTests {
    @Test func heatmapFromATensorMatchesArrays() {
        let values = Tensor(shape: [2, 3], scalars: [1, 2, 3, 4, 5, 6])
        let fromTensor = Chart.heatmap("H", rows: ["a", "b"], columns: ["x", "y", "z"], values: values)
        let fromArrays = Chart.heatmap(
            "H", rows: ["a", "b"], columns: ["x", "y", "z"], values: [[1, 2, 3], [4, 5, 6]])
        #expect(fromTensor == fromArrays)
    }

    @Test func sliderFromARowOfLogits() {
        let logits = Tensor(shape: [1, 3], scalars: [2, 1, 0])
        #expect(
            Widget.temperatureSlider(logits: logits, labels: ["a", "b", "c"])
                == Widget.temperatureSlider(logits: [Float(2), 1, 0], labels: ["a", "b", "c"]))
    }

    @Test(
        arguments: [([0.0, 0.5, 1.0], 1.0), ([0.0, 3, 16], 16.0), ([0.0, 40], 40.0), ([Double.nan, 0.2], 1.0)]
            as [([Double], Double)])
    func automaticMaximum(pixels: [Double], expected: Double) {
        #expect(DigitImage.automaticMaximum([pixels]) == expected)
    }
}
