import Foundation
import KDMarkdown

/// A page's Markdown after the passes (values substituted, glossary terms linked), with
/// its quizzes and swift blocks: what the renderer turns into HTML.
struct PreparedPage: Sendable {
    var parsed: ParsedPage
    var pageID: String
    var document: Node
    var quizzes: [Quiz]
    var program: SnippetProgram
}

/// Renders every page of the site from prepared Markdown, through the theme. Each page kind
/// lives in `Pages/SiteRenderer+Kind.swift`.
struct SiteRenderer: Sendable {
    let site: SiteContext
    /// Prepared pages by content-relative path (`lessons/02-the-teacher.md`).
    let pages: [String: PreparedPage]

    init(site: SiteContext, pages: [String: PreparedPage]) {
        self.site = site
        self.pages = pages
    }

    var frame: PageFrame { PageFrame(site: site) }
    var content: SiteContent { site.content }

    /// Every file of the site: pages, `404.html`, `sitemap.xml` and the theme's assets, sorted
    /// by path. Lessons are rendered on all cores.
    func render(diagnostics: inout DiagnosticList) -> [OutputFile] {
        var files: [OutputFile] = []
        files.append(home(diagnostics: &diagnostics))
        let renderer = self
        let lessons = Array(content.lessons.indices).concurrentMap { index -> (OutputFile, DiagnosticList) in
            var found = DiagnosticList()
            return (renderer.lesson(at: index, diagnostics: &found), found)
        }
        for (file, found) in lessons {
            files.append(file)
            diagnostics.append(contentsOf: found)
        }
        files.append(map())
        if !content.terms.isEmpty { files.append(glossary(diagnostics: &diagnostics)) }
        if let faq = faq(diagnostics: &diagnostics) { files.append(faq) }
        if let hackerspace = hackerspace(diagnostics: &diagnostics) { files.append(hackerspace) }
        files.append(notFound())
        files.append(sitemap(of: files.map(\.path)))
        for (path, data) in site.theme.assetFiles { files.append(OutputFile(path: path, data: data)) }
        return files.sorted { $0.path < $1.path }
    }

    /// A renderer for the prepared page at `relativePath`, writing to `outputPath`.
    func html(for prepared: PreparedPage, outputPath: String) -> MarkdownHTML {
        MarkdownHTML(
            site: site, page: prepared.parsed, pageID: prepared.pageID, outputPath: outputPath,
            quizzes: prepared.quizzes, program: prepared.program)
    }

    /// Renders a prepared page's document, collecting diagnostics.
    func renderDocument(
        _ prepared: PreparedPage, outputPath: String, document: Node? = nil, diagnostics: inout DiagnosticList
    ) -> String {
        let renderer = html(for: prepared, outputPath: outputPath)
        let result = renderer.render(document ?? prepared.document)
        diagnostics.append(contentsOf: renderer.diagnostics)
        return result
    }

    /// Text from front matter with its `{{ kd.… }}` values substituted.
    func text(_ value: Located<String>, pageID: String, diagnostics: inout DiagnosticList) -> String {
        site.values.substitute(in: value.value, on: pageID, diagnostics: &diagnostics) { _ in value.location }
    }
}
