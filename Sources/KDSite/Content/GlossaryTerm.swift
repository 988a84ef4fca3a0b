import Foundation

/// One glossary entry: `glossary/slug.md` with front matter `term` and `aliases`, and a
/// Markdown body (the definition; it may hold math and snippets).
public struct GlossaryTerm: Sendable {
    /// From the file name: `teacher-model.md` → `teacher-model`; the anchor on the glossary page.
    public var slug: String
    public var term: Located<String>
    public var aliases: [Located<String>]
    public var markdown: MarkdownSource

    public var file: SourceFile { markdown.file }

    /// The term and its aliases: every phrase that links here on first use in a lesson.
    public var phrases: [Located<String>] { [term] + aliases }

    static func read(_ file: SourceFile, slug: String, diagnostics: inout DiagnosticList) -> GlossaryTerm? {
        let context = "glossary front matter"
        let (front, mapping) = FrontMatter.mapping(
            of: file, context: context, keys: ["term", "aliases"], needs: "'term: …'",
            diagnostics: &diagnostics)
        guard let map = mapping else { return nil }
        let term = map.string("term", in: context, diagnostics: &diagnostics)
        let aliases = map.strings("aliases", in: context, required: false, diagnostics: &diagnostics) ?? []
        for phrase in [term].compactMap(\.self) + aliases
        where phrase.value.trimmingCharacters(in: .whitespaces).isEmpty {
            diagnostics.error("a glossary phrase cannot be blank", at: phrase.location)
        }
        guard let term else { return nil }
        return GlossaryTerm(
            slug: slug, term: term, aliases: aliases,
            markdown: MarkdownSource(file: file, text: front.body, firstLine: front.bodyFirstLine))
    }
}
