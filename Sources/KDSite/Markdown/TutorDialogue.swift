import KDMarkdown

/// A ```` ```tutor ```` block: a short guided dialogue, shown one line at a time with next
/// and back. The course opens with one in `Content/index.md`; any page may hold one.
///
/// ```yaml
/// - say: Hello! A big network is accurate, a microcontroller is small. Shall we fix that?
///   reply: How?
/// - say: Train a large **teacher**, then teach a small *student* to copy it.
/// ```
///
/// Each step is what the tutor says (Markdown, math allowed) and, on every step but the
/// last, the reader's `reply` that leads to the next one (inline Markdown; "Next" when
/// omitted).
struct TutorDialogue: Sendable {
    struct Step: Sendable {
        var say: Located<String>
        var reply: Located<String>?
    }

    var steps: [Step]

    static let keys = ["say", "reply"]

    /// Reads the YAML of a fence whose opening line is `fenceLine` (a line of `page`'s file);
    /// nil when it is malformed (then diagnosed).
    static func read(_ literal: String, page: ParsedPage, fenceLine: Int, diagnostics: inout DiagnosticList)
        -> TutorDialogue?
    {
        let yaml = YAMLSource(file: page.file, text: literal, firstLine: fenceLine + 1)
        let fence = page.file.location(line: fenceLine)
        let before = diagnostics.items.count
        guard let root = yaml.parse(diagnostics: &diagnostics) else {
            if diagnostics.items.count == before {
                diagnostics.error(
                    "empty tutor dialogue; list its steps as '- say: …' with a 'reply' on all but the last", at: fence)
            }
            return nil
        }
        guard let items = root.sequence("a tutor dialogue", diagnostics: &diagnostics) else { return nil }
        var steps: [Step] = []
        for (i, item) in items.enumerated() {
            guard let map = item.mapping("a tutor step", diagnostics: &diagnostics) else { continue }
            map.rejectUnknownKeys(allowed: keys, in: "a tutor step", diagnostics: &diagnostics)
            let say = map.string("say", in: "a tutor step", diagnostics: &diagnostics)
            let reply = map.string("reply", in: "a tutor step", required: false, diagnostics: &diagnostics)
            if let reply, i == items.count - 1 {
                diagnostics.error(
                    "the last step's reply '\(reply.value)' leads nowhere; remove it or add a step after it",
                    at: reply.location)
            }
            if let say { steps.append(Step(say: say, reply: reply)) }
        }
        if items.count < 2 {
            diagnostics.error(
                "a tutor dialogue needs at least two steps; this one has \(items.count)", at: root.location)
        }
        guard diagnostics.items.count == before else { return nil }
        return TutorDialogue(steps: steps)
    }
}
