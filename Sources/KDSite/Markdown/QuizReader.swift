import KDMarkdown

/// Reads every ```` ```quiz ```` fence of a page into a `Quiz`, with the YAML's positions
/// mapped to the Markdown file's lines (the YAML starts on the line after the fence).
/// Checks: required keys, at least two choices, at least one correct. Ids unique across the
/// site are checked by the build, which sees every page.
enum QuizReader {
    static let keys = ["id", "question", "choices", "explain"]

    static func quizzes(in page: ParsedPage, diagnostics: inout DiagnosticList) -> [Quiz] {
        page.document.codeBlocks.compactMap { block -> Quiz? in
            guard FenceInfo(block.info).isQuiz, let range = block.node.range else { return nil }
            let fenceLine = page.source.firstLine + range.start.line - 1
            let yaml = YAMLSource(file: page.file, text: block.literal, firstLine: fenceLine + 1)
            let fence = page.location(range.start)
            return read(yaml, fence: fence, fenceLine: range.start.line, diagnostics: &diagnostics)
        }
    }

    private static func read(_ yaml: YAMLSource, fence: FileLocation, fenceLine: Int, diagnostics: inout DiagnosticList)
        -> Quiz?
    {
        let before = diagnostics.items.count
        guard let root = yaml.parse(diagnostics: &diagnostics) else {
            if diagnostics.items.count == before {
                diagnostics.error("empty quiz; it needs id, question and choices", at: fence)
            }
            return nil
        }
        let context = "quiz"
        guard let map = root.mapping(context, diagnostics: &diagnostics) else { return nil }
        map.rejectUnknownKeys(allowed: keys, in: context, diagnostics: &diagnostics)
        let id = map.string("id", in: context, diagnostics: &diagnostics)
        if let id, !Slug.isValid(id.value) {
            diagnostics.error(
                "quiz id '\(id.value)' must be lowercase words joined by hyphens, like 'teacher-role'", at: id.location)
        }
        let question = map.string("question", in: context, diagnostics: &diagnostics)
        let explain = map.string("explain", in: context, required: false, diagnostics: &diagnostics)
        var choices: [Quiz.Choice] = []
        let choicesValue = map.value("choices", in: context, required: true, diagnostics: &diagnostics)
        if let choicesValue, let items = choicesValue.sequence("'choices'", diagnostics: &diagnostics) {
            for item in items {
                guard let choice = item.mapping("a choice", diagnostics: &diagnostics) else { continue }
                choice.rejectUnknownKeys(allowed: ["text", "correct"], in: "a choice", diagnostics: &diagnostics)
                let text = choice.string("text", in: "a choice", diagnostics: &diagnostics)
                let correct = choice.bool("correct", in: "a choice", required: false, diagnostics: &diagnostics)
                if let text { choices.append(Quiz.Choice(text: text, correct: correct?.value ?? false)) }
            }
            if items.count < 2 {
                diagnostics.error(
                    "a quiz needs at least two choices; this one has \(items.count)", at: choicesValue.location)
            } else if !choices.isEmpty, choices.count == items.count, !choices.contains(where: \.correct) {
                diagnostics.error(
                    "no choice is marked 'correct: true'; mark the right answer", at: choicesValue.location)
            }
        }
        guard let id, let question, choices.count >= 2, choices.contains(where: \.correct) else { return nil }
        return Quiz(id: id, question: question, choices: choices, explain: explain, fenceLine: fenceLine)
    }
}
