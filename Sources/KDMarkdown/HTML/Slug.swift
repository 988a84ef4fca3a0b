import Foundation

/// A heading's anchor from its text: accents folded (`é` → `e`), lowercased, ASCII letters and
/// digits kept, runs of spaces, hyphens and underscores turned into one hyphen, everything else
/// dropped, no hyphen at either end. `"The α_1 Value!"` → `"the-1-value"`; `""` when nothing
/// is left.
public func slugify(_ s: String) -> String {
    let folded = s.folding(options: [.diacriticInsensitive, .caseInsensitive], locale: nil)
    var out: [UInt8] = []
    out.reserveCapacity(folded.utf8.count)
    var pendingHyphen = false
    for byte in folded.utf8 {
        if byte.isASCIIAlphanumeric {
            if pendingHyphen, !out.isEmpty { out.append(.hyphen) }
            pendingHyphen = false
            out.append(byte | (byte.isASCIILetter ? 0x20 : 0))
        } else if byte == .space || byte == .hyphen || byte == .underscore || byte == .tab || byte == .newline {
            pendingHyphen = true
        }
    }
    return String(decoding: out, as: UTF8.self)
}
