import KDMarkdown

/// Links the first use of each glossary term (or one of its aliases) in a page to its entry:
/// matches ignore ASCII case, sit on word boundaries, and may take a plural `s`; text inside
/// headings, links, images and code is left alone. The link is a `.link` node whose
/// destination is `kdsite-term:SLUG`, which the renderer turns into `a[data-term=SLUG]`.
///
/// Matching works on UTF-8 bytes: letters beyond ASCII must match exactly.
struct GlossaryLinker: MarkupRewriter {
    static let scheme = "kdsite-term:"

    /// (phrase lowercased, term slug), longest phrase first so "soft targets" wins over "targets".
    private let phrases: [(phrase: [UInt8], slug: String)]
    private let termCount: Int
    private var linked: Set<String> = []

    init(terms: [GlossaryTerm], excluding slug: String? = nil) {
        var entries: [(phrase: [UInt8], slug: String)] = []
        for term in terms where term.slug != slug {
            for phrase in term.phrases where !phrase.value.isEmpty {
                entries.append((phrase.value.utf8.map(Self.lowercased), term.slug))
            }
        }
        entries.sort { a, b in
            a.phrase.count != b.phrase.count
                ? a.phrase.count > b.phrase.count : a.phrase.lexicographicallyPrecedes(b.phrase)
        }
        phrases = entries
        termCount = Set(entries.map(\.slug)).count
    }

    mutating func rewrite(_ node: Node) -> Node? {
        switch node.kind {
        case .heading, .link, .image, .codeBlock, .code, .htmlBlock, .htmlInline, .math:
            return node
        default:
            break
        }
        guard linked.count < termCount else { return node }
        var copy = node
        copy.children = node.children.flatMap { child -> [Node] in
            if case .text(let text) = child.kind { return link(text, range: child.range) }
            return rewrite(child).map { [$0] } ?? []
        }
        return copy
    }

    /// `text` split around the first use of each not-yet-linked term.
    private mutating func link(_ text: String, range: SourceRange?) -> [Node] {
        guard linked.count < termCount else { return [Node(.text(text), range: range)] }
        let bytes = Array(text.utf8)
        let lowered = bytes.map(Self.lowercased)
        var nodes: [Node] = []
        var plainStart = 0
        var i = 0
        while i < bytes.count {
            guard i == 0 || !Self.isWord(lowered[i - 1]), let match = firstMatch(in: lowered, at: i) else {
                i += 1
                continue
            }
            if plainStart < i {
                nodes.append(Node(.text(Self.string(bytes[plainStart..<i])), range: nodes.isEmpty ? range : nil))
            }
            let word = Self.string(bytes[i..<(i + match.length)])
            nodes.append(Node(.link(destination: Self.scheme + match.slug, title: ""), children: [Node(.text(word))]))
            linked.insert(match.slug)
            i += match.length
            plainStart = i
        }
        if nodes.isEmpty { return [Node(.text(text), range: range)] }
        if plainStart < bytes.count { nodes.append(Node(.text(Self.string(bytes[plainStart...])))) }
        return nodes
    }

    private func firstMatch(in text: [UInt8], at i: Int) -> (slug: String, length: Int)? {
        for entry in phrases {
            if let found = match(entry, in: text, at: i) { return found }
        }
        return nil
    }

    /// The phrase at `i`, with an optional plural `s`, ending on a word boundary.
    private func match(_ entry: (phrase: [UInt8], slug: String), in text: [UInt8], at i: Int) -> (
        slug: String, length: Int
    )? {
        let n = entry.phrase.count
        guard text[i] == entry.phrase[0], i + n <= text.count, !linked.contains(entry.slug),
            text[i..<(i + n)].elementsEqual(entry.phrase)
        else { return nil }
        var end = i + n
        if end < text.count, text[end] == UInt8(ascii: "s"), end + 1 == text.count || !Self.isWord(text[end + 1]) {
            end += 1
        }
        guard end == text.count || !Self.isWord(text[end]) else { return nil }
        return (entry.slug, end - i)
    }

    private static func lowercased(_ byte: UInt8) -> UInt8 {
        byte >= UInt8(ascii: "A") && byte <= UInt8(ascii: "Z") ? byte + 32 : byte
    }

    /// Letters, digits, `_`, and every byte of a non-ASCII character.
    private static func isWord(_ byte: UInt8) -> Bool {
        byte >= 0x80 || byte == UInt8(ascii: "_")
            || (byte >= UInt8(ascii: "a") && byte <= UInt8(ascii: "z"))
            || (byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "9"))
    }

    private static func string(_ bytes: ArraySlice<UInt8>) -> String {
        String(decoding: bytes, as: UTF8.self)
    }
}
