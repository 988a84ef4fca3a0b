import KDMarkdown

/// Links the first use of each glossary term (or one of its aliases) in a page to its entry:
/// matches are case-insensitive, on word boundaries, and may take a plural `s`; text inside
/// headings, links, images and code is left alone. The link is a `.link` node whose
/// destination is `kdsite-term:SLUG`, which the renderer turns into `a[data-term=SLUG]`.
struct GlossaryLinker: MarkupRewriter {
    static let scheme = "kdsite-term:"

    /// (phrase lowercased, term slug), longest phrase first so "soft targets" wins over "targets".
    private let phrases: [(phrase: [Character], slug: String)]
    private var linked: Set<String> = []

    init(terms: [GlossaryTerm], excluding slug: String? = nil) {
        var entries: [(phrase: [Character], slug: String)] = []
        for term in terms where term.slug != slug {
            for phrase in term.phrases where !phrase.value.isEmpty {
                entries.append((Array(phrase.value.lowercased()), term.slug))
            }
        }
        entries.sort { a, b in
            a.phrase.count != b.phrase.count ? a.phrase.count > b.phrase.count : String(a.phrase) < String(b.phrase)
        }
        phrases = entries
    }

    mutating func rewrite(_ node: Node) -> Node? {
        switch node.kind {
        case .heading, .link, .image, .codeBlock, .code, .htmlBlock, .htmlInline, .math:
            return node
        default:
            break
        }
        var copy = node
        copy.children = node.children.flatMap { child -> [Node] in
            if case .text(let text) = child.kind { return link(text, range: child.range) }
            return rewrite(child).map { [$0] } ?? []
        }
        return copy
    }

    /// `text` split around the first use of each not-yet-linked term.
    private mutating func link(_ text: String, range: SourceRange?) -> [Node] {
        guard linked.count < Set(phrases.map(\.slug)).count else { return [Node(.text(text), range: range)] }
        let characters = Array(text)
        let lowered = characters.map { Character($0.lowercased()) }
        var nodes: [Node] = []
        var plainStart = 0
        var i = 0
        while i < characters.count {
            guard i == 0 || !lowered[i - 1].isWordCharacter, let match = firstMatch(in: lowered, at: i) else {
                i += 1
                continue
            }
            if plainStart < i { nodes.append(Node(.text(String(characters[plainStart..<i])), range: nodes.isEmpty ? range : nil)) }
            let word = String(characters[i..<(i + match.length)])
            nodes.append(Node(.link(destination: Self.scheme + match.slug, title: ""), children: [Node(.text(word))]))
            linked.insert(match.slug)
            i += match.length
            plainStart = i
        }
        if plainStart < characters.count {
            nodes.append(Node(.text(String(characters[plainStart...])), range: nodes.isEmpty ? range : nil))
        }
        return nodes
    }

    private func firstMatch(in text: [Character], at i: Int) -> (slug: String, length: Int)? {
        for entry in phrases {
            if let found = match(entry, in: text, at: i) { return found }
        }
        return nil
    }

    /// The phrase at `i`, with an optional plural `s`, ending on a word boundary.
    private func match(_ entry: (phrase: [Character], slug: String), in text: [Character], at i: Int) -> (slug: String, length: Int)? {
        guard !linked.contains(entry.slug), i + entry.phrase.count <= text.count,
              text[i..<(i + entry.phrase.count)].elementsEqual(entry.phrase) else { return nil }
        var end = i + entry.phrase.count
        if end < text.count, text[end] == "s", end + 1 == text.count || !text[end + 1].isWordCharacter { end += 1 }
        guard end == text.count || !text[end].isWordCharacter else { return nil }
        return (entry.slug, end - i)
    }
}

extension Character {
    var isWordCharacter: Bool { isLetter || isNumber || self == "_" }
}
