/// A strict check of the markup the converter writes: every tag closed in order, attribute
/// values quoted, only known elements, no unescaped `<`, `>` or `&` in text.
enum MarkupChecker {
    static let elements: Set<String> = [
        "math", "semantics", "annotation", "mi", "mn", "mo", "mtext", "mspace", "mrow", "mstyle", "mpadded",
        "mphantom", "mfrac", "msqrt", "mroot", "msub", "msup", "msubsup", "munder", "mover", "munderover",
        "mtable", "mtr", "mtd",
    ]

    /// The problems found, empty when the markup is well formed.
    static func problems(in markup: String) -> [String] {
        var problems: [String] = []
        var stack: [String] = []
        let chars = Array(markup.unicodeScalars)
        var i = 0
        while i < chars.count {
            let c = chars[i]
            if c == ">" { problems.append("bare '>' at \(i)") }
            if c == "&" {
                let rest = String(String.UnicodeScalarView(chars[i..<min(i + 6, chars.count)]))
                if !["&amp;", "&lt;", "&gt;", "&quot;"].contains(where: rest.hasPrefix) {
                    problems.append("bare '&' at \(i)")
                }
            }
            guard c == "<" else { i += 1; continue }
            guard let end = chars[i...].firstIndex(of: ">") else { problems.append("unclosed tag at \(i)"); break }
            let tag = String(String.UnicodeScalarView(chars[(i + 1)..<end]))
            if tag.hasPrefix("/") {
                let name = String(tag.dropFirst())
                if stack.last != name {
                    problems.append("</\(name)> closes <\(stack.last ?? "nothing")>")
                } else {
                    stack.removeLast()
                }
            } else {
                let name = String(tag.prefix { $0 != " " })
                if !elements.contains(name) { problems.append("unknown element <\(name)>") }
                if tag.filter({ $0 == "\"" }).count % 2 != 0 { problems.append("unbalanced quotes in <\(tag)>") }
                stack.append(name)
            }
            i = end + 1
        }
        if !stack.isEmpty { problems.append("unclosed elements \(stack)") }
        return problems
    }
}
