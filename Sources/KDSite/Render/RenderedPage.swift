import Foundation

/// One file of the built site.
public struct OutputFile: Sendable {
    /// Path inside the output folder, `/`-separated (`lessons/the-teacher/index.html`).
    public var path: String
    public var data: Data

    public init(path: String, data: Data) {
        self.path = path
        self.data = data
    }

    public init(path: String, text: String) {
        self.init(path: path, data: Data(text.utf8))
    }
}

/// Wraps a page's own HTML in the theme's `base` template: head, header with navigation,
/// footer. Every link in it is relative to the page.
struct PageFrame {
    let site: SiteContext

    enum Section: String, CaseIterable {
        case lessons, map, glossary, faq, hackerspace

        var label: String {
            switch self {
            case .lessons: "Lessons"
            case .map: "Map"
            case .glossary: "Glossary"
            case .faq: "FAQ"
            case .hackerspace: "Hacker Space"
            }
        }

        var path: String {
            switch self {
            case .lessons: SiteLayout.home + "#lessons"
            case .map: SiteLayout.map
            case .glossary: SiteLayout.glossary
            case .faq: SiteLayout.faq
            case .hackerspace: SiteLayout.hackerspace
            }
        }
    }

    /// The sections a site has: FAQ and Hacker Space only when their files exist.
    var sections: [Section] {
        Section.allCases.filter { section in
            switch section {
            case .faq: site.content.faq != nil
            case .hackerspace: site.content.hackerspaceIntro != nil || !site.content.hackerspace.isEmpty
            case .glossary: !site.content.terms.isEmpty
            case .lessons, .map: true
            }
        }
    }

    /// Data every template may use: `site`, `root`, `assets`, `nav`, `search` (a search index is built).
    func common(outputPath: String, current: Section?) -> [String: Any] {
        let config = site.content.config
        var siteData: [String: Any] = [
            "title": config.title, "description": config.description, "language": config.language, "url": config.url,
        ]
        if let subtitle = config.subtitle { siteData["subtitle"] = subtitle }
        return [
            "site": siteData,
            "root": SiteLayout.root(from: outputPath),
            "assets": site.theme.assetPaths,
            "nav": sections.map { ["label": $0.label, "href": $0.path, "current": $0 == current] as [String: Any] },
            "search": site.search,
        ]
    }

    /// The complete page: `template` rendered with `data` (plus the common data), inside `base`.
    func page(
        _ template: String, data: [String: Any], outputPath: String, kind: String, title: String?,
        description: String, current: Section?
    ) -> OutputFile {
        var values = common(outputPath: outputPath, current: current)
        values.merge(data) { _, new in new }
        let content = site.theme.render(template, values)
        let canonicalPath =
            outputPath.hasSuffix("index.html") ? String(outputPath.dropLast("index.html".count)) : outputPath
        var pageData: [String: Any] = [
            "kind": kind, "description": description, "canonical": site.content.config.url + canonicalPath,
        ]
        if let title { pageData["title"] = title }
        values["page"] = pageData
        values["content"] = content
        return OutputFile(path: outputPath, text: site.theme.render("base", values))
    }
}
