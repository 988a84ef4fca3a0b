import Foundation
import Testing

@testable import KDNotebook

@Suite("Figures")
struct FigureTests {
    static let three: [Double] = [
        0, 0, 7, 15, 13, 1, 0, 0, 0, 8, 13, 6, 15, 4, 0, 0, 0, 2, 1, 13, 13, 0, 0, 0, 0, 0, 2, 15, 11, 1, 0, 0,
        0, 0, 0, 1, 12, 12, 1, 0, 0, 0, 0, 0, 1, 10, 8, 0, 0, 0, 8, 4, 5, 14, 9, 0, 0, 0, 7, 13, 13, 9, 0, 0,
    ]

    @Test func aDigitIsSquaresOfInk() throws {
        let figure = DigitImage.figure([Self.three], captions: ["label 3"], maximum: 16, title: "Digit", id: "d")
        try XMLCheck.assertWellFormed(figure.svg)
        let inked = Self.three.filter { $0 > 0 }.count
        #expect(figure.svg.contains("<g class=\"kd-fill-ink\" fill=\"#111827\"><rect "))  // the pixels inherit the ink
        #expect(figure.svg.components(separatedBy: "fill-opacity=").count - 1 == inked)
        #expect(figure.svg.contains("fill-opacity=\"0.94\""))  // 15 / 16
        #expect(figure.svg.contains("width=\"162\""))  // 1.5 × (80 + 2 × 14): no wider than that
        #expect(figure.svg.contains(">label 3</text>"))
        #expect(
            figure.summary
                == "An 8 by 8 grayscale image of a handwritten digit, label 3: \(inked) of 64 pixels carry ink, "
                + "in rows 1–8 and columns 2–7; 0 at full intensity.")
        #expect(figure.kind == .digit)
    }

    @Test func aSheetOfDigitsWrapsAtTen() throws {
        let figure = DigitImage.figure(
            Array(repeating: Self.three, count: 12), captions: Array(repeating: "3", count: 12),
            maximum: 16, title: "Digits", id: "s")
        try XMLCheck.assertWellFormed(figure.svg)
        #expect(figure.svg.contains("viewBox=\"0 0 954 "))  // 10 tiles of 80 and 11 gaps of 14
        #expect(figure.kind == .digits)
        #expect(figure.summary.hasPrefix("12 images of 8 by 8 pixels: image 1, 3; "))
    }

    @Test func aBlankDigitSaysSo() {
        #expect(
            DigitImage.describe(Array(repeating: 0, count: 64), side: 8, caption: nil, maximum: 16)
                == "An 8 by 8 grayscale image of a handwritten digit; it is blank.")
    }

    @Test func aDistributionEmphasisesItsMostLikelyClass() throws {
        let p = [0.05, 0.7, 0.25]
        let figure = Distribution.figure(p, labels: ["cat", "dog", "fox"], title: "T = 1", id: "p")
        try XMLCheck.assertWellFormed(figure.svg)
        #expect(figure.kind == .distribution)
        #expect(figure.svg.components(separatedBy: "fill-opacity=\"0.45\"").count - 1 == 2)
        #expect(figure.svg.contains(">0.700</text>"))
        let entropy = -p.reduce(0) { $0 + $1 * log($1) }
        #expect(
            figure.summary.hasPrefix(
                "Probability distribution over 3 classes; most likely dog (0.700); entropy "
                    + DecimalText.fixed(entropy, digits: 3) + " nats."))
    }

    @Test func figureIdentifiersAreStableAndDistinct() {
        let a = Figure.identifier(sequence: 3, content: "Loss")
        #expect(a == Figure.identifier(sequence: 3, content: "Loss"))
        #expect(a != Figure.identifier(sequence: 4, content: "Loss"))
        #expect(a != Figure.identifier(sequence: 3, content: "Accuracy"))
        #expect(a.hasPrefix("kdf3-") && a.count == 11)
    }
}
