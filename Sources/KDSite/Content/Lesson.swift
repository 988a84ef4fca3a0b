/// One lesson: `lessons/NN-slug.md` with front matter
///
/// ```yaml
/// title: The teacher
/// summary: Train a large network on the digits …
/// order: 2
/// map: {label: Teacher, requires: [the-edge-constraint]}
/// timeout: 120        # optional, seconds for its snippets
/// ```
public struct Lesson: Sendable {
    /// From the file name without its number: `02-the-teacher.md` → `the-teacher`.
    public var slug: String
    public var title: Located<String>
    public var summary: Located<String>
    public var order: Located<Int>
    public var mapLabel: String
    /// Slugs of the lessons this one builds on (edges of the Distillation Map).
    public var requires: [Located<String>]
    public var timeout: Int?
    public var markdown: MarkdownSource

    public var file: SourceFile { markdown.file }

    static let keys = ["title", "summary", "order", "map", "timeout"]

    /// `NN-slug.md` → `slug`, or nil when the name does not have that shape.
    static func slug(fromFileName name: String) -> String? {
        guard name.hasSuffix(".md") else { return nil }
        let stem = name.dropLast(3)
        guard let dash = stem.firstIndex(of: "-"), dash > stem.startIndex,
            stem[..<dash].allSatisfy(\.isASCIIDigit)
        else { return nil }
        let slug = stem[stem.index(after: dash)...]
        return Slug.isValid(slug) ? String(slug) : nil
    }

    static func read(_ file: SourceFile, slug: String, diagnostics: inout DiagnosticList) -> Lesson? {
        let context = "lesson front matter"
        let (front, mapping) = FrontMatter.mapping(
            of: file, context: context, keys: keys, needs: "title, summary, order and map",
            diagnostics: &diagnostics)
        guard let map = mapping else { return nil }
        let title = map.string("title", in: context, diagnostics: &diagnostics)
        let summary = map.string("summary", in: context, diagnostics: &diagnostics)
        let order = map.int("order", in: context, diagnostics: &diagnostics)
        let timeout = map.int("timeout", in: context, required: false, diagnostics: &diagnostics)
        if let timeout, timeout.value <= 0 {
            diagnostics.error(
                "'timeout' must be a positive number of seconds, not \(timeout.value)", at: timeout.location)
        }
        var label: Located<String>?
        var requires: [Located<String>] = []
        if let node = map.mapping("map", in: context, diagnostics: &diagnostics) {
            node.rejectUnknownKeys(allowed: ["label", "requires"], in: "'map'", diagnostics: &diagnostics)
            label = node.string("label", in: "'map'", diagnostics: &diagnostics)
            requires = node.strings("requires", in: "'map'", required: false, diagnostics: &diagnostics) ?? []
        }
        if let label, label.value.count > MapSVG.labelLimit {
            diagnostics.warning(
                "map label '\(label.value)' is \(label.value.count) characters; keep it to \(MapSVG.labelLimit) so it fits its box on the map",
                at: label.location)
        }
        guard let title, let summary, let order, let label else { return nil }
        return Lesson(
            slug: slug, title: title, summary: summary, order: order, mapLabel: label.value,
            requires: requires, timeout: timeout?.value,
            markdown: MarkdownSource(file: file, text: front.body, firstLine: front.bodyFirstLine))
    }
}

/// Slugs name pages and anchors: lowercase ASCII letters, digits and single hyphens.
enum Slug {
    static func isValid(_ s: some StringProtocol) -> Bool {
        !s.isEmpty && !s.hasPrefix("-") && !s.hasSuffix("-") && !s.contains("--")
            && s.allSatisfy { ($0.isASCII && ($0.isLowercase || $0.isNumber)) || $0 == "-" }
    }
}

extension Character {
    var isASCIIDigit: Bool { isASCII && isNumber }
}
