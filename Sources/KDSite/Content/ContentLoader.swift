import Foundation

/// Reads a content folder into a `SiteContent`, collecting every problem it finds.
///
/// Layout: `site.yml`, `index.md` (optional), `lessons/NN-slug.md`, `glossary/slug.md`,
/// `faq.md` (optional), `hackerspace/index.md` and `hackerspace/slug.md` (optional),
/// `theme/` (read by the renderer), `data/` (read by snippets).
public struct ContentLoader: Sendable {
    /// The content folder as the user named it; diagnostics print paths under it.
    public var root: String

    public init(root: String) {
        self.root = root
    }

    /// Loads and validates. Throws `EnvironmentError` when the folder itself is missing;
    /// otherwise returns the content and the diagnostics.
    ///
    /// A file whose own errors keep it from loading (unreadable, a bad file name, broken or
    /// incomplete front matter) is left out and named in `SiteContent.unloaded`, so every other
    /// file is still checked; links, `map.requires` and `{{ kd.… }}` citations that name it are
    /// not reported again. A missing or broken `site.yml` is reported and replaced by a
    /// placeholder, so the pages are checked all the same.
    public func load() throws(EnvironmentError) -> (content: SiteContent, diagnostics: DiagnosticList) {
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: root, isDirectory: &isDirectory), isDirectory.boolValue else {
            throw EnvironmentError("no content folder '\(root)'; pass --content with the folder that holds site.yml")
        }
        var diagnostics = DiagnosticList()
        var unloaded = Set<String>()
        let configFile = readFile("site.yml", unloaded: &unloaded, diagnostics: &diagnostics)
        let config = configFile.flatMap { SiteConfig.read($0, diagnostics: &diagnostics) }
        if !exists("site.yml") {
            diagnostics.error(
                "missing site.yml; a site needs one with title, description and url",
                at: FileLocation(path: join("site.yml"), line: 1, column: 1))
        }
        let home = readFile("index.md", unloaded: &unloaded, diagnostics: &diagnostics).map {
            SitePage.read($0, diagnostics: &diagnostics)
        }
        let lessonResults = markdownFiles(in: "lessons").concurrentMap { name -> (String, Lesson?, DiagnosticList) in
            var found = DiagnosticList()
            var ignored = Set<String>()
            guard let file = readFile("lessons/" + name, unloaded: &ignored, diagnostics: &found) else {
                return ("lessons/" + name, nil, found)
            }
            guard let slug = Lesson.slug(fromFileName: name) else {
                found.error(
                    "lesson file name '\(name)' must look like 'NN-slug.md' (digits, a hyphen, then lowercase words joined by hyphens)",
                    at: file.location(line: 1))
                return ("lessons/" + name, nil, found)
            }
            return ("lessons/" + name, Lesson.read(file, slug: slug, diagnostics: &found), found)
        }
        for (path, lesson, found) in lessonResults {
            diagnostics.append(contentsOf: found)
            if lesson == nil { unloaded.insert(path) }
        }
        let lessons = lessonResults.compactMap(\.1)
        let terms = markdownFiles(in: "glossary").compactMap { name -> GlossaryTerm? in
            guard let file = readFile("glossary/" + name, unloaded: &unloaded, diagnostics: &diagnostics) else {
                return nil
            }
            let slug = String(name.dropLast(3))
            guard Slug.isValid(slug) else {
                diagnostics.error(
                    "glossary file name '\(name)' must be lowercase words joined by hyphens, like 'teacher-model.md'",
                    at: file.location(line: 1))
                unloaded.insert(file.relativePath)
                return nil
            }
            let term = GlossaryTerm.read(file, slug: slug, diagnostics: &diagnostics)
            if term == nil { unloaded.insert(file.relativePath) }
            return term
        }
        let faq = readFile("faq.md", unloaded: &unloaded, diagnostics: &diagnostics).map {
            SitePage.read($0, diagnostics: &diagnostics)
        }
        let hackerspaceIntro = readFile("hackerspace/index.md", unloaded: &unloaded, diagnostics: &diagnostics)
            .map { SitePage.read($0, diagnostics: &diagnostics) }
        let entries = markdownFiles(in: "hackerspace").filter { $0 != "index.md" }.compactMap {
            name -> HackerspaceEntry? in
            guard let file = readFile("hackerspace/" + name, unloaded: &unloaded, diagnostics: &diagnostics) else {
                return nil
            }
            let entry = HackerspaceEntry.read(file, slug: String(name.dropLast(3)), diagnostics: &diagnostics)
            if entry == nil { unloaded.insert(file.relativePath) }
            return entry
        }
        var content = SiteContent(
            root: root,
            config: config
                ?? SiteConfig.placeholder(
                    file: configFile ?? SourceFile(path: join("site.yml"), relativePath: "site.yml", text: "")),
            home: home,
            lessons: lessons.sorted { ($0.order.value, $0.slug) < ($1.order.value, $1.slug) },
            terms: terms.sorted { ($0.term.value.lowercased(), $0.slug) < ($1.term.value.lowercased(), $1.slug) },
            faq: faq, hackerspaceIntro: hackerspaceIntro, hackerspace: entries.sorted { $0.slug < $1.slug },
            unloaded: unloaded)
        ContentValidator.validate(&content, diagnostics: &diagnostics)
        return (content, diagnostics)
    }

    // MARK: - Files

    func join(_ relative: String) -> String {
        root.hasSuffix("/") ? root + relative : root + "/" + relative
    }

    private func exists(_ relative: String) -> Bool {
        FileManager.default.fileExists(atPath: join(relative))
    }

    /// `*.md` in a subfolder, sorted by name; empty when the folder is absent.
    private func markdownFiles(in folder: String) -> [String] {
        let names = (try? FileManager.default.contentsOfDirectory(atPath: join(folder))) ?? []
        return names.filter { $0.hasSuffix(".md") && !$0.hasPrefix(".") }.sorted()
    }

    /// The file as UTF-8 text; nil when absent (not an error here) or unreadable (diagnosed,
    /// and added to `unloaded`).
    private func readFile(_ relative: String, unloaded: inout Set<String>, diagnostics: inout DiagnosticList)
        -> SourceFile?
    {
        let path = join(relative)
        guard FileManager.default.fileExists(atPath: path) else { return nil }
        guard let data = FileManager.default.contents(atPath: path) else {
            diagnostics.error("cannot read '\(relative)'", at: FileLocation(path: path, line: 1, column: 1))
            unloaded.insert(relative)
            return nil
        }
        guard let text = String(validating: data, as: UTF8.self) else {
            diagnostics.error("'\(relative)' is not UTF-8 text", at: FileLocation(path: path, line: 1, column: 1))
            unloaded.insert(relative)
            return nil
        }
        return SourceFile(path: path, relativePath: relative, text: text)
    }
}

/// A problem with the environment rather than the content (a missing folder, no swiftc):
/// the command exits with status 2.
public struct EnvironmentError: Error, Sendable, CustomStringConvertible {
    public var message: String
    public init(_ message: String) { self.message = message }
    public var description: String { message }
}
