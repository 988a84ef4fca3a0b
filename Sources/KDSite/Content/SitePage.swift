/// A content file that is one page of prose: the home page's introduction (`index.md`),
/// the FAQ (`faq.md`), the Hacker Space introduction (`hackerspace/index.md`). Front matter
/// is optional and may give a `title`.
public struct SitePage: Sendable {
    public var title: Located<String>?
    public var markdown: MarkdownSource

    public var file: SourceFile { markdown.file }

    static func read(_ file: SourceFile, diagnostics: inout DiagnosticList) -> SitePage {
        let (front, map) = FrontMatter.mapping(
            of: file, context: "front matter", keys: ["title"], needs: "a title", required: false,
            diagnostics: &diagnostics)
        let title = map?.string("title", in: "front matter", required: false, diagnostics: &diagnostics)
        return SitePage(
            title: title, markdown: MarkdownSource(file: file, text: front.body, firstLine: front.bodyFirstLine))
    }
}
