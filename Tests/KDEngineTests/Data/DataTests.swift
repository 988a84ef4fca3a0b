import Foundation
import Testing

@testable import KDEngine

@Suite("data")
struct DataTests {
    let digitsURL = packageRoot.appendingPathComponent("Content/data/digits.csv")

    @Test func digitsLoad() throws {
        let digits = try Digits.load(digitsURL)
        #expect(digits.inputs.shape == [1797, 64])
        #expect(digits.classCounts == [178, 182, 177, 183, 181, 182, 181, 179, 174, 180])
        #expect(digits.inputs.scalars.allSatisfy { (0...1).contains($0) })
        // The first sample is a 0; its third pixel is 5/16.
        #expect(digits.labels[0] == 0 && digits.inputs[0, 2] == 5 / 16)
    }

    @Test func stratifiedSplitIsSeededAndBalanced() throws {
        let digits = try Digits.load(digitsURL)
        let (train, test) = digits.split(testFraction: 0.2, seed: 0)
        #expect(train.count + test.count == 1797)
        for (c, total) in digits.classCounts.enumerated() {
            #expect(test.classCounts[c] == Int((Double(total) * 0.2).rounded()))
        }
        let again = digits.split(testFraction: 0.2, seed: 0)
        #expect(again.test == test && again.train == train)
        #expect(digits.split(testFraction: 0.2, seed: 1).test != test)
    }

    @Test(arguments: [
        ("a,b,label\n1,2,3\n1,x,3\n", "data.csv:3:3: error: 'x' is not a number (column 'b')"),
        ("a,b,label\n1,2\n", "data.csv:2:1: error: expected 3 fields, found 2"),
        ("", "data.csv: error: file is empty; expected a header row"),
        ("a,b\n\n1,2\n\n4,nan\n", "data.csv:5:3: error: 'nan' is not a number (column 'b')"),
    ])
    func csvErrorsNameTheLine(text: String, message: String) {
        #expect(throws: DataError.self) { try CSVTable.parse(text, path: "data.csv") }
        do {
            _ = try CSVTable.parse(text, path: "data.csv")
        } catch {
            #expect("\(error)" == message)
        }
    }

    @Test func digitsErrorsNameTheLineAndColumn() throws {
        let header = (0..<64).map { "p\($0)" }.joined(separator: ",") + ",label\n"
        let good = Array(repeating: "1", count: 64).joined(separator: ",") + ",3\n"
        let badPixel = Array(repeating: "1", count: 63).joined(separator: ",") + ",17,3\n"
        let badLabel = Array(repeating: "1", count: 64).joined(separator: ",") + ",12\n"
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent(
            "kdengine-data-\(UInt64.random(in: 0...UInt64.max))")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        let file = dir.appendingPathComponent("digits.csv")
        try (header + good + badPixel).write(to: file, atomically: true, encoding: .utf8)
        #expect(throws: DataError(path: file.path, line: 3, column: 127, message: "pixel 'p63' is 17, outside 0...16"))
        {
            try Digits.load(file)
        }
        try (header + good + good + badLabel).write(to: file, atomically: true, encoding: .utf8)
        #expect(throws: DataError(path: file.path, line: 4, column: 129, message: "label '12' is not a digit 0...9")) {
            try Digits.load(file)
        }
        #expect(throws: DataError.self) { try Digits.load(dir.appendingPathComponent("missing.csv")) }
    }

    @Test func shiftAugmentationMovesPixels() {
        var image = [Float](repeating: 0, count: 64)
        image[3 * 8 + 3] = 1
        let batch = Tensor(shape: [200, 64], scalars: Array((0..<200).map { _ in image }.joined()))
        var g = SeededGenerator(seed: 1)
        let shifted = Augmentation.shift(maxPixels: 1, side: 8).apply(to: batch, using: &g)
        var positions = Set<Int>()
        for s in 0..<200 {
            let row = Array(shifted.scalars[s * 64..<(s + 1) * 64])
            #expect(row.reduce(0, +) == 1)
            positions.insert(row.firstIndex(of: 1)!)
        }
        #expect(positions.count == 9)  // every shift of −1…1 in x and y occurs
    }
}

@Suite("SHA-256 and CRC32")
struct HashingTests {
    // NIST FIPS 180-4 examples (CSRC "SHA256.pdf", "SHA2_Additional.pdf").
    @Test(arguments: [
        ("", "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855"),
        ("abc", "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad"),
        (
            "abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq",
            "248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1"
        ),
        (
            "abcdefghbcdefghicdefghijdefghijkefghijklfghijklmghijklmnhijklmnoijklmnopjklmnopqklmnopqrlmnopqrsmnopqrstnopqrstu",
            "cf5b16a778af8380036ce59e7b0492370b249b11e8f07a51afac45037afee9d1"
        ),
    ])
    func nistVectors(message: String, digest: String) {
        #expect(SHA256.hash(message).hexString == digest)
    }

    @Test func millionAsAndIncrementalFeeding() {
        var hasher = SHA256()
        let chunk = [UInt8](repeating: UInt8(ascii: "a"), count: 1000)
        for _ in 0..<1000 { hasher.update(chunk) }
        #expect(hasher.finalize().hexString == "cdc76e5c9914fb9281a1c7e284d73e67f1809a48a497200e046d39ccc7112cd0")
        var pieces = SHA256()
        for byte in "abc".utf8 { pieces.update([byte]) }
        #expect(pieces.finalize() == SHA256.hash("abc"))
    }

    @Test func crc32CheckValue() {
        #expect(CRC32.checksum(Array("123456789".utf8)) == 0xCBF4_3926)
    }
}
