import KDMarkdown

/// Renders one page's Markdown to HTML through KDMarkdown's `HTMLRenderer`, with the site's
/// hooks: quizzes, swift blocks and their outputs, other code highlighted, math through the
/// math plugin, links between pages made relative, glossary links, heading anchors.
/// Problems found while rendering (a math error) are collected in `diagnostics`.
final class MarkdownHTML {
    let site: SiteContext
    let page: ParsedPage
    let pageID: String
    /// Where the page is written, for relative links.
    let outputPath: String
    /// Quizzes by the parser line of their fence.
    let quizzes: [Int: Quiz]
    /// Swift block numbers by the parser line of their fence.
    let blockNumbers: [Int: Int]
    var diagnostics = DiagnosticList()

    init(
        site: SiteContext, page: ParsedPage, pageID: String, outputPath: String, quizzes: [Quiz] = [],
        program: SnippetProgram? = nil
    ) {
        self.site = site
        self.page = page
        self.pageID = pageID
        self.outputPath = outputPath
        self.quizzes = Dictionary(quizzes.map { ($0.fenceLine, $0) }, uniquingKeysWith: { first, _ in first })
        var numbers: [Int: Int] = [:]
        for block in program?.blocks ?? [] { numbers[block.firstLine - page.source.firstLine] = block.number }
        self.blockNumbers = numbers
    }

    var root: String { SiteLayout.root(from: outputPath) }

    /// HTML of a whole document (block level), walkthrough steps grouped into their stepper.
    func render(_ document: Node) -> String {
        let grouped = Walkthrough.group(document, page: page, diagnostics: &diagnostics)
        return renderer(headingIDs: HeadingIDs()).render(grouped)
    }

    /// HTML of a short Markdown text from YAML (a quiz's question, an FAQ heading) without
    /// its paragraph: inline markup, math and `{{ kd.… }}` values, positioned at `location`.
    func renderInline(_ text: String, at location: FileLocation) -> String {
        let document = resolved(text, at: location)
        if document.children.count == 1, case .paragraph = document.children[0].kind {
            return renderInline(children: document.children[0].children, fallbackLocation: location)
        }
        return renderer(headingIDs: HeadingIDs(), fallbackLocation: location).render(document)
    }

    /// HTML of inline nodes (a heading's content) without a wrapping element: rendered as a
    /// paragraph, whose `<p>` is then removed.
    func renderInline(children: [Node], fallbackLocation: FileLocation? = nil) -> String {
        var html = renderer(headingIDs: HeadingIDs(), fallbackLocation: fallbackLocation).render(
            Node(.paragraph, children: children))
        if html.hasPrefix("<p>") { html.removeFirst(3) }
        while html.hasSuffix("\n") { html.removeLast() }
        if html.hasSuffix("</p>") { html.removeLast(4) }
        return html
    }

    /// HTML of a block-level Markdown text from YAML (a quiz's explanation).
    func renderBlock(_ text: String, at location: FileLocation) -> String {
        renderer(headingIDs: HeadingIDs(), fallbackLocation: location).render(resolved(text, at: location))
    }

    /// A short Markdown text from YAML, parsed, with its `{{ kd.… }}` values (in prose and in
    /// formulas) replaced; an unknown value is placed at its token when the scalar maps 1:1 to
    /// the file, other problems at `location`.
    private func resolved(_ text: String, at location: FileLocation) -> Node {
        let place = ValueReferences.locator(inScalar: text, at: location, in: page.file)
        return site.values.resolve(Markdown.parse(text), pageID: pageID, diagnostics: &diagnostics) { _ in place }
    }

    // MARK: - Hooks

    private func renderer(headingIDs: HeadingIDs, fallbackLocation: FileLocation? = nil) -> HTMLRenderer {
        var renderer = HTMLRenderer()
        renderer.headingID = { _, text in headingIDs.next(for: text) }
        renderer.link = { [unowned self] destination, title, content in
            link(destination, title: title, content: content)
        }
        renderer.codeBlock = { [unowned self] info, literal, range in
            fallbackLocation == nil ? codeBlock(info: info, literal: literal, range: range) : nil
        }
        if let math = site.plugins.math {
            renderer.math = { [unowned self] tex, display, range in
                do {
                    return try math.render(tex: tex, display: display)
                } catch {
                    let at = fallbackLocation ?? location(of: error, in: tex, range: range)
                    diagnostics.error("\(error)", at: at)
                    return nil
                }
            }
        }
        return renderer
    }

    /// Where a math error lies in the file: the formula's start (its opening delimiter), or —
    /// for a `MathRenderError` — the offending character, found by locating the TeX's first
    /// line after the delimiter and adding the error's line and column.
    private func location(of error: any Error, in tex: String, range: SourceRange?) -> FileLocation {
        let start = range.map { page.location($0.start) } ?? page.source.location(line: 1, column: 1)
        guard let error = error as? MathRenderError,
            let firstLine = tex.split(separator: "\n", omittingEmptySubsequences: false).first, !firstLine.isEmpty,
            let texStart = page.file.find(String(firstLine), from: start.line, column: start.column)
        else { return start }
        if error.line == 1 {
            return page.file.location(line: texStart.line, column: texStart.column + error.column - 1)
        }
        let line = texStart.line + error.line - 1
        let texLine = tex.split(separator: "\n", omittingEmptySubsequences: false).dropFirst(error.line - 1).first ?? ""
        let fileLine = line <= page.file.lines.count ? page.file.lines[line - 1] : ""
        let shift = fileLine.hasSuffix(texLine) ? fileLine.utf8.count - texLine.utf8.count : 0
        return page.file.location(line: line, column: shift + error.column)
    }

    private func link(_ destination: String, title: String, content: String) -> String? {
        let titleAttribute = title.isEmpty ? "" : " title=\"\(escapeHTML(title))\""
        if destination.hasPrefix(GlossaryLinker.scheme) {
            return termLink(slug: String(destination.dropFirst(GlossaryLinker.scheme.count)), content: content)
        }
        guard case .page(let target) = LinkResolver.resolve(destination, from: page.file, layout: site.layout) else {
            return nil
        }
        if target.hasPrefix(SiteLayout.glossary + "#") {
            return termLink(slug: String(target.dropFirst(SiteLayout.glossary.count + 1)), content: content)
        }
        return "<a href=\"\(escapeHTML(href(target)))\"\(titleAttribute)>\(content)</a>"
    }

    private func termLink(slug: String, content: String) -> String {
        let summary = site.termSummaries[slug]?.summary ?? ""
        let tip = summary.isEmpty ? "" : " title=\"\(escapeHTML(summary))\""
        return
            "<a href=\"\(escapeHTML(href(SiteLayout.glossary + "#" + slug)))\" data-term=\"\(escapeHTML(slug))\"\(tip)>\(content)</a>"
    }

    /// `target` (an output path) relative to this page.
    func href(_ target: String) -> String {
        root + target
    }
}
