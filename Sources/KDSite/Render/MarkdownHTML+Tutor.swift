import KDMarkdown

extension MarkdownHTML {
    /// A ```` ```tutor ```` block through the theme's `tutor` template: every step in an
    /// ordered list (what the tutor says, then the reader's reply), so the whole dialogue
    /// reads as a transcript without JavaScript; the reader script (`tutor.js`) shows it one
    /// step at a time with next and back. Empty when the YAML is wrong (then diagnosed).
    func tutorHTML(literal: String, range: SourceRange?) -> String {
        let fenceLine = page.source.firstLine + (range?.start.line ?? 1) - 1
        guard let dialogue = TutorDialogue.read(literal, page: page, fenceLine: fenceLine, diagnostics: &diagnostics)
        else { return "" }
        let steps: [[String: Any]] = dialogue.steps.enumerated().map { i, step in
            var data: [String: Any] = ["number": i + 1, "say": renderBlock(step.say.value, at: step.say.location)]
            if let reply = step.reply { data["reply"] = renderInline(reply.value, at: reply.location) }
            return data
        }
        return site.theme.render("tutor", ["steps": steps, "count": steps.count])
    }
}
