import Foundation
import Testing

@testable import KDHighlight

/// The coloured runs of `code` as (kind, text) pairs, for readable expectations.
func runs(_ code: String, _ language: String = "swift") -> [Run] {
    let bytes = Array(code.utf8)
    return Highlighter.tokens(code, language: language).map {
        Run($0.kind, String(decoding: bytes[$0.range], as: UTF8.self))
    }
}

/// The text of every run of `kind`.
func texts(_ kind: TokenKind, in code: String, _ language: String = "swift") -> [String] {
    runs(code, language).filter { $0.kind == kind }.map(\.text)
}

struct Run: Equatable, CustomStringConvertible {
    var kind: TokenKind
    var text: String
    init(_ kind: TokenKind, _ text: String) {
        self.kind = kind
        self.text = text
    }
    var description: String { "\(kind)(\(text))" }
}

/// The text of `Fixtures/sample.<language>`.
func fixture(_ language: String) throws -> String {
    let url = try #require(Bundle.module.url(forResource: "sample", withExtension: language, subdirectory: "Fixtures"))
    return try String(contentsOf: url, encoding: .utf8)
}
