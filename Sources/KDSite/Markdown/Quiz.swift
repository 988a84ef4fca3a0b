/// A ```` ```quiz ```` block: one multiple-choice question.
///
/// ```yaml
/// id: teacher-role
/// question: What does the teacher give the student?
/// choices:
///   - text: Hard labels only
///   - text: Soft targets that carry dark knowledge
///     correct: true
/// explain: Its probabilities over all classes ($T > 1$) …
/// ```
///
/// Texts are Markdown (inline), so they may hold math and code.
public struct Quiz: Sendable {
    public var id: Located<String>
    public var question: Located<String>
    public var choices: [Choice]
    public var explain: Located<String>?
    /// Parser line of the opening fence, to find the quiz again when rendering its block.
    public var fenceLine: Int

    public struct Choice: Sendable {
        public var text: Located<String>
        public var correct: Bool
    }
}
