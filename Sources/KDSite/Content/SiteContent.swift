/// Everything `Content/` holds, loaded and validated: the model every later stage reads.
public struct SiteContent: Sendable {
    /// The content folder as the user named it (`Content`), the prefix of every diagnostic path.
    public var root: String
    public var config: SiteConfig
    /// `index.md`: the home page's introduction, when present.
    public var home: SitePage?
    /// Sorted by `order`.
    public var lessons: [Lesson]
    /// Sorted by term, case-insensitively.
    public var terms: [GlossaryTerm]
    public var faq: SitePage?
    public var hackerspaceIntro: SitePage?
    /// Sorted by slug.
    public var hackerspace: [HackerspaceEntry]
    /// Content-relative paths of files left out because their own errors kept them from
    /// loading; what names them is not reported again.
    public var unloaded: Set<String> = []

    /// Slugs of the lessons left out (from their file names).
    public var unloadedLessons: Set<String> {
        Set(
            unloaded.compactMap { path in
                path.hasPrefix("lessons/") ? Lesson.slug(fromFileName: String(path.dropFirst("lessons/".count))) : nil
            })
    }

    public func lesson(_ slug: String) -> Lesson? { lessons.first { $0.slug == slug } }
    public func term(_ slug: String) -> GlossaryTerm? { terms.first { $0.slug == slug } }

    /// Every Markdown body of the site, lessons first, for passes that look at all pages.
    public var allMarkdown: [MarkdownSource] {
        [home?.markdown].compactMap(\.self) + lessons.map(\.markdown) + terms.map(\.markdown)
            + [faq?.markdown, hackerspaceIntro?.markdown].compactMap(\.self) + hackerspace.map(\.markdown)
    }
}
