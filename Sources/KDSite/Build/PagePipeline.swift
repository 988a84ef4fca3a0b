import KDMarkdown

/// The per-page stages between loading and rendering: parse every Markdown body, read its
/// quizzes and swift blocks, check its links; then, once snippet values are known, substitute
/// them and link glossary terms.
struct PagePipeline {
    let content: SiteContent
    let layout: SiteLayout
    private let lessonByPath: [String: Lesson]
    /// By content-relative path.
    private(set) var parsed: [String: ParsedPage] = [:]
    private(set) var quizzes: [String: [Quiz]] = [:]
    private(set) var programs: [SnippetProgram] = []
    private var programByPath: [String: SnippetProgram] = [:]

    init(content: SiteContent) {
        self.content = content
        self.layout = SiteLayout(content)
        self.lessonByPath = Dictionary(
            content.lessons.map { ($0.file.relativePath, $0) }, uniquingKeysWith: { first, _ in first })
    }

    /// The name snippet values are filed under for the page at `path`: a lesson's slug, else
    /// the path without `.md` (`glossary/temperature`, `faq`).
    static func pageID(path: String, lessonByPath: [String: Lesson]) -> String {
        if let lesson = lessonByPath[path] { return lesson.slug }
        return path.hasSuffix(".md") ? String(path.dropLast(3)) : path
    }

    /// Parses every page (on all cores), reads its quizzes and swift blocks, checks its links,
    /// then checks quiz ids across the site.
    mutating func parseAndCheck(diagnostics: inout DiagnosticList) {
        struct PageResult: Sendable {
            var page: ParsedPage
            var quizzes: [Quiz]
            var program: SnippetProgram
            var diagnostics: DiagnosticList
        }
        let layout = layout
        let lessonByPath = lessonByPath
        let results = content.allMarkdown.concurrentMap { source -> PageResult in
            var found = DiagnosticList()
            let page = ParsedPage(source)
            let quizzes = QuizReader.quizzes(in: page, diagnostics: &found)
            LinkChecker.check(page, layout: layout, diagnostics: &found)
            let path = source.file.relativePath
            let id = PagePipeline.pageID(path: path, lessonByPath: lessonByPath)
            let program = SnippetCollector.program(
                for: page, id: id, timeout: lessonByPath[path]?.timeout, diagnostics: &found)
            return PageResult(page: page, quizzes: quizzes, program: program, diagnostics: found)
        }
        var seenQuizzes: [String: Located<String>] = [:]
        for result in results {
            let path = result.page.file.relativePath
            diagnostics.append(contentsOf: result.diagnostics)
            for quiz in result.quizzes {
                if let first = seenQuizzes[quiz.id.value] {
                    diagnostics.error(
                        "duplicate quiz id '\(quiz.id.value)'; quiz ids must be unique across the site",
                        at: quiz.id.location,
                        note: .init("'\(quiz.id.value)' first used here", at: first.location))
                } else {
                    seenQuizzes[quiz.id.value] = quiz.id
                }
            }
            parsed[path] = result.page
            quizzes[path] = result.quizzes
            programs.append(result.program)
            programByPath[path] = result.program
        }
    }

    /// Every page ready to render: values substituted; in lessons, first uses of glossary
    /// terms linked.
    func prepare(values: ValueReferences, diagnostics: inout DiagnosticList) -> [String: PreparedPage] {
        let pages = parsed.sorted { $0.key < $1.key }
        let terms = content.terms
        let lessonByPath = lessonByPath, programByPath = programByPath, quizzes = quizzes
        let results = pages.concurrentMap { path, page -> (PreparedPage, DiagnosticList) in
            var found = DiagnosticList()
            let id = PagePipeline.pageID(path: path, lessonByPath: lessonByPath)
            var document = values.resolve(page, pageID: id, diagnostics: &found)
            if lessonByPath[path] != nil {
                var linker = GlossaryLinker(terms: terms)
                document = linker.rewrite(document) ?? document
            }
            let program =
                programByPath[path] ?? SnippetProgram(pageID: id, path: page.file.path, timeout: nil, blocks: [])
            return (
                PreparedPage(
                    parsed: page, pageID: id, document: document, quizzes: quizzes[path] ?? [], program: program), found
            )
        }
        var result: [String: PreparedPage] = [:]
        for (prepared, found) in results {
            diagnostics.append(contentsOf: found)
            result[prepared.parsed.file.relativePath] = prepared
        }
        return result
    }
}
