import Testing

@testable import KDMath

@Suite("Suggestions: the closest known name")
struct SuggestionTests {
    @Test(arguments: [
        ("frac", "fraq", 1), ("frac", "farc", 1), ("alpha", "alpah", 1), ("", "abc", 3),
        ("kitten", "sitting", 3), ("sum", "sum", 0), ("mathbb", "mathbf", 1),
    ])
    func editDistance(_ a: String, _ b: String, _ distance: Int) {
        let d = Suggestion.editDistance(Array(a.unicodeScalars), Array(b.unicodeScalars), limit: 10)
        #expect(d == distance)
    }

    @Test func givesUpBeyondTheLimit() {
        let d = Suggestion.editDistance(Array("abcdefgh".unicodeScalars), Array("zyxwvuts".unicodeScalars), limit: 2)
        #expect(d == 3)
    }

    @Test(arguments: [
        ("fraq", "\\frac"), ("sqr", "\\sqrt"), ("lamda", "\\lambda"), ("infinity", "\\infty"),
        ("leftarow", "\\leftarrow"), ("mathcall", "\\mathcal"), ("operatorame", "\\operatorname"),
        ("begn", "\\begin"), ("choose", "\\binom"), ("Bbb", "\\mathbb"),
    ])
    func commandSuggestion(_ typed: String, _ suggested: String) {
        #expect(Suggestion.command(for: typed) == suggested)
    }

    @Test func farFetchedNamesGetNoSuggestion() {
        #expect(Suggestion.command(for: "xyzzyplugh") == nil)
        #expect(Suggestion.environment(for: "tabular") == nil)
    }

    @Test func tiesPreferTheSameFirstLetterThenALetterLeftOutThenTheShorterName() {
        #expect(Suggestion.closest(to: "bet", among: ["eta", "bets", "beta"]) == "bets")
        #expect(Suggestion.closest(to: "bet", among: ["bat", "get"]) == "bat")
        #expect(Suggestion.closest(to: "cat", among: ["cut", "cats"]) == "cats")
        #expect(Suggestion.closest(to: "alignd", among: ["align", "align*", "aligned"]) == "aligned")
        #expect(Suggestion.closest(to: "lim", among: ["lim"]) == nil)
    }
}
