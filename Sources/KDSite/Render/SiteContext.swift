import KDMarkdown

/// What every page's rendering shares: the content, where pages live, the theme, the
/// plugins, snippet results, and each glossary term's one-line definition for tooltips.
struct SiteContext: Sendable {
    let content: SiteContent
    let layout: SiteLayout
    let theme: Theme
    let plugins: RenderPlugins
    /// Per `SnippetProgram.pageID`.
    let outputs: [String: SnippetOutputs]
    /// Term slug → (term, first sentence of its definition).
    let termSummaries: [String: (term: String, summary: String)]
    /// Whether the build makes a search index (Pagefind found); without one, the search box
    /// says search is off instead of fetching an index that is not there.
    let search: Bool
    /// The values snippets exported, for `{{ kd.… }}` in front matter and quizzes.
    let values: ValueReferences

    init(
        content: SiteContent, layout: SiteLayout, theme: Theme, plugins: RenderPlugins,
        outputs: [String: SnippetOutputs],
        termSummaries: [String: (term: String, summary: String)], search: Bool = false
    ) {
        self.content = content
        self.layout = layout
        self.theme = theme
        self.plugins = plugins
        self.outputs = outputs
        self.termSummaries = termSummaries
        self.search = search
        self.values = Self.values(outputs: outputs, content: content)
    }

    /// The exported values; a lesson whose program failed, or which was left out for its own
    /// errors, has its citations left as written rather than reported as unknown.
    static func values(outputs: [String: SnippetOutputs], content: SiteContent) -> ValueReferences {
        let failed = Set(outputs.filter { !$0.value.succeeded }.keys)
        return ValueReferences(values: outputs.mapValues(\.values), failedPages: failed.union(content.unloadedLessons))
    }

    static func summaries(of terms: [GlossaryTerm], pages: [String: ParsedPage]) -> [String: (
        term: String, summary: String
    )] {
        var result: [String: (String, String)] = [:]
        for term in terms {
            var first = ""
            pages[term.file.relativePath]?.document.forEachDescendant { node in
                if first.isEmpty, case .paragraph = node.kind { first = node.plainText }
            }
            result[term.slug] = (term.term.value, firstSentence(of: first))
        }
        return result
    }

    /// Up to the first ". " (or the whole text), at most 160 characters.
    static func firstSentence(of text: String) -> String {
        let flat = text.split(whereSeparator: \.isNewline).joined(separator: " ")
        let sentence = flat.range(of: ". ").map { String(flat[..<$0.lowerBound]) + "." } ?? flat
        return sentence.count > 160 ? String(sentence.prefix(159)) + "…" : sentence
    }
}
