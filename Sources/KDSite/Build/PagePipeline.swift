import KDMarkdown

/// The per-page stages between loading and rendering: parse every Markdown body, read its
/// quizzes and swift blocks, check its links; then, once snippet values are known, substitute
/// them and link glossary terms.
struct PagePipeline {
    let content: SiteContent
    let layout: SiteLayout
    /// By content-relative path.
    private(set) var parsed: [String: ParsedPage] = [:]
    private(set) var quizzes: [String: [Quiz]] = [:]
    private(set) var programs: [SnippetProgram] = []
    private var programByPath: [String: SnippetProgram] = [:]

    init(content: SiteContent) {
        self.content = content
        self.layout = SiteLayout(content)
    }

    /// The name snippet values are filed under for the page at `relativePath`.
    func pageID(for source: MarkdownSource) -> String {
        let path = source.file.relativePath
        if let lesson = content.lessons.first(where: { $0.file.relativePath == path }) { return lesson.slug }
        if path.hasSuffix(".md") { return String(path.dropLast(3)) }
        return path
    }

    mutating func parseAndCheck(diagnostics: inout DiagnosticList) {
        var seenQuizzes: [String: Located<String>] = [:]
        for source in content.allMarkdown {
            let page = ParsedPage(source)
            let path = source.file.relativePath
            parsed[path] = page
            let pageQuizzes = QuizReader.quizzes(in: page, diagnostics: &diagnostics)
            for quiz in pageQuizzes {
                if let first = seenQuizzes[quiz.id.value] {
                    diagnostics.error("duplicate quiz id '\(quiz.id.value)'; quiz ids must be unique across the site", at: quiz.id.location,
                                      note: .init("'\(quiz.id.value)' first used here", at: first.location))
                } else {
                    seenQuizzes[quiz.id.value] = quiz.id
                }
            }
            quizzes[path] = pageQuizzes
            LinkChecker.check(page, layout: layout, diagnostics: &diagnostics)
            let timeout = content.lessons.first { $0.file.relativePath == path }?.timeout
            let program = SnippetCollector.program(for: page, id: pageID(for: source), timeout: timeout, diagnostics: &diagnostics)
            programs.append(program)
            programByPath[path] = program
        }
    }

    /// Every page ready to render: values substituted; in lessons, first uses of glossary
    /// terms linked.
    func prepare(values: ValueReferences, diagnostics: inout DiagnosticList) -> [String: PreparedPage] {
        let lessonPaths = Set(content.lessons.map(\.file.relativePath))
        var result: [String: PreparedPage] = [:]
        for (path, page) in parsed.sorted(by: { $0.key < $1.key }) {
            let id = pageID(for: page.source)
            var document = values.resolve(page, pageID: id, diagnostics: &diagnostics)
            if lessonPaths.contains(path) {
                var linker = GlossaryLinker(terms: content.terms)
                document = linker.rewrite(document) ?? document
            }
            let program = programByPath[path] ?? SnippetProgram(pageID: id, path: page.file.path, timeout: nil, blocks: [])
            result[path] = PreparedPage(parsed: page, pageID: id, document: document, quizzes: quizzes[path] ?? [], program: program)
        }
        return result
    }
}
