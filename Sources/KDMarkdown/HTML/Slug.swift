import Foundation

/// A heading's anchor from its text, as GitHub and Hugo make them: accents folded (`é` → `e`),
/// lowercased, the letters and digits of every script kept (`α`, `中`, `²`; combining marks
/// that survive folding stay with their letter), runs of spaces, hyphens and underscores
/// turned into one hyphen, everything else dropped, no hyphen at either end.
/// `"The α_1 Value!"` → `"the-α-1-value"`; `""` when nothing is left.
///
/// The anchor goes into `id` as it is: HTML allows any character but whitespace there, so
/// nothing is percent-encoded; whoever writes it into an attribute escapes it as HTML.
/// With `asciiOnly` (file names) only ASCII letters and digits are kept:
/// `"The α_1 Value!"` → `"the-1-value"`.
public func slugify(_ s: String, asciiOnly: Bool = false) -> String {
    let folded = s.folding(options: [.diacriticInsensitive, .caseInsensitive], locale: nil)
    var out = String.UnicodeScalarView()
    var pendingHyphen = false
    for scalar in folded.unicodeScalars {
        switch SlugCharacter(scalar, asciiOnly: asciiOnly) {
        case .word:
            if pendingHyphen, !out.isEmpty { out.append("-") }
            pendingHyphen = false
            out.append(contentsOf: scalar.properties.lowercaseMapping.unicodeScalars)
        case .mark:
            if !pendingHyphen, !out.isEmpty { out.append(scalar) }
        case .separator:
            pendingHyphen = true
        case .dropped:
            break
        }
    }
    return String(out)
}

/// What one Unicode scalar of a heading becomes in its anchor.
private enum SlugCharacter {
    /// A letter or digit: kept, lowercased.
    case word
    /// A combining mark: kept after a letter.
    case mark
    /// Whitespace, `-`, `_`: one hyphen between words.
    case separator
    case dropped

    init(_ scalar: Unicode.Scalar, asciiOnly: Bool) {
        if scalar.isASCII {
            let c = Character(scalar)
            if c.isLetter || c.isNumber {
                self = .word
            } else {
                self = c == " " || c == "-" || c == "_" || c == "\t" || c == "\n" ? .separator : .dropped
            }
            return
        }
        if asciiOnly {
            self = .dropped
            return
        }
        switch scalar.properties.generalCategory {
        case .uppercaseLetter, .lowercaseLetter, .titlecaseLetter, .modifierLetter, .otherLetter,
            .decimalNumber, .letterNumber, .otherNumber:
            self = .word
        case .nonspacingMark, .spacingMark, .enclosingMark:
            self = .mark
        default:
            self = scalar.properties.isWhitespace ? .separator : .dropped
        }
    }
}
