/// Checks that span files: duplicate slugs and orders, the Distillation Map's edges, and
/// glossary phrases claimed twice. (Quizzes, links and `{{ kd.… }}` values are checked on
/// the parsed Markdown, in `Markdown/`.)
enum ContentValidator {
    static func validate(_ content: inout SiteContent, diagnostics: inout DiagnosticList) {
        checkLessons(content.lessons, diagnostics: &diagnostics)
        LessonGraph(content.lessons).validate(unloaded: content.unloadedLessons, diagnostics: &diagnostics)
        checkPhrases(content.terms, diagnostics: &diagnostics)
    }

    private static func checkLessons(_ lessons: [Lesson], diagnostics: inout DiagnosticList) {
        var bySlug: [String: Lesson] = [:]
        var byOrder: [Int: Lesson] = [:]
        for lesson in lessons.sorted(by: { $0.file.path < $1.file.path }) {
            if let first = bySlug[lesson.slug] {
                diagnostics.error(
                    "duplicate lesson slug '\(lesson.slug)'; rename one of the files",
                    at: lesson.file.location(line: 1),
                    note: .init("'\(lesson.slug)' is also \(first.file.relativePath)", at: first.file.location(line: 1))
                )
            } else {
                bySlug[lesson.slug] = lesson
            }
            if let first = byOrder[lesson.order.value] {
                diagnostics.error(
                    "duplicate order \(lesson.order.value); '\(first.slug)' has it already", at: lesson.order.location,
                    note: .init("order \(lesson.order.value) first given here", at: first.order.location))
            } else {
                byOrder[lesson.order.value] = lesson
            }
        }
    }

    /// A term or alias (compared case-insensitively) may name one glossary entry only.
    private static func checkPhrases(_ terms: [GlossaryTerm], diagnostics: inout DiagnosticList) {
        var owner: [String: (term: GlossaryTerm, phrase: Located<String>)] = [:]
        let phrases = terms.flatMap { term in term.phrases.map { (term: term, phrase: $0) } }
            .sorted { $0.phrase.location < $1.phrase.location }
        for (term, phrase) in phrases {
            let key = phrase.value.lowercased()
            if let first = owner[key] {
                guard first.term.slug != term.slug else {
                    diagnostics.error("'\(phrase.value)' is listed twice in this entry", at: phrase.location)
                    continue
                }
                diagnostics.error(
                    "'\(phrase.value)' is claimed by two glossary terms, '\(first.term.slug)' and '\(term.slug)'",
                    at: phrase.location,
                    note: .init("'\(first.term.slug)' claims it here", at: first.phrase.location))
            } else {
                owner[key] = (term, phrase)
            }
        }
    }
}
