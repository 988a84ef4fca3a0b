/// Where every page of the site is written, and which content file makes which page, so
/// a Markdown link to `../glossary/temperature.md` becomes a link to the glossary page.
///
/// Every page is a file at a fixed path; links between pages are relative and name the file
/// (`../../glossary/index.html#temperature`), so the site works from `file://` and under any
/// sub-path.
public struct SiteLayout: Sendable {
    public static let home = "index.html"
    public static let glossary = "glossary/index.html"
    public static let faq = "faq/index.html"
    public static let hackerspace = "hackerspace/index.html"
    public static let map = "map/index.html"
    public static let notFound = "404.html"
    public static let sitemap = "sitemap.xml"

    public static func lesson(_ slug: String) -> String { "lessons/\(slug)/index.html" }

    /// Content-relative path of a Markdown file → the output path (with a fragment for a
    /// glossary term or a Hacker Space entry).
    public let targets: [String: String]
    /// Content files left out for their own errors (`SiteContent.unloaded`): a link to one is
    /// not reported again.
    public let unloaded: Set<String>

    public init(_ content: SiteContent) {
        var targets: [String: String] = [:]
        if let home = content.home { targets[home.file.relativePath] = Self.home }
        for lesson in content.lessons { targets[lesson.file.relativePath] = Self.lesson(lesson.slug) }
        for term in content.terms { targets[term.file.relativePath] = Self.glossary + "#" + term.slug }
        if let faq = content.faq { targets[faq.file.relativePath] = Self.faq }
        if let intro = content.hackerspaceIntro { targets[intro.file.relativePath] = Self.hackerspace }
        for entry in content.hackerspace { targets[entry.file.relativePath] = Self.hackerspace + "#" + entry.slug }
        self.targets = targets
        self.unloaded = content.unloaded
    }

    /// The prefix that leads from the page at `outputPath` back to the site's root:
    /// `""` for `index.html`, `"../../"` for `lessons/x/index.html`.
    public static func root(from outputPath: String) -> String {
        String(repeating: "../", count: outputPath.count { $0 == "/" })
    }
}
