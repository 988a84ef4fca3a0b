import Foundation
import KDMarkdown

/// `{{ kd.name }}` and `{{ kd.SLUG.name }}`: a value a snippet exported, cited in prose.
/// `kd.name` is the current page's; `kd.SLUG.name` the lesson SLUG's. An unknown one is an
/// error at its position; known ones are replaced by the value's text (escaped as text).
struct ValueReferences {
    /// Exported values per `SnippetProgram.pageID`.
    var values: [String: [String: String]]
    /// Pages whose program failed: their missing values are not reported (the failure is).
    var failedPages: Set<String> = []

    struct Reference: Equatable {
        var token: String
        var page: String?
        var name: String
        var range: Range<String.Index>
    }

    /// Every `{{ kd.… }}` in `text`, in order.
    static func references(in text: String) -> [Reference] {
        var found: [Reference] = []
        var searchStart = text.startIndex
        while let open = text.range(of: "{{", range: searchStart..<text.endIndex) {
            guard let close = text.range(of: "}}", range: open.upperBound..<text.endIndex) else { break }
            let inner = text[open.upperBound..<close.lowerBound].trimmingCharacters(in: .whitespaces)
            if inner.hasPrefix("kd.") {
                let parts = inner.dropFirst(3).split(separator: ".", omittingEmptySubsequences: false).map(String.init)
                let token = String(text[open.lowerBound..<close.upperBound])
                if parts.count == 1 {
                    found.append(Reference(token: token, page: nil, name: parts[0], range: open.lowerBound..<close.upperBound))
                } else if parts.count == 2 {
                    found.append(Reference(token: token, page: parts[0], name: parts[1], range: open.lowerBound..<close.upperBound))
                } else {
                    found.append(Reference(token: token, page: "", name: inner, range: open.lowerBound..<close.upperBound))
                }
            }
            searchStart = close.upperBound
        }
        return found
    }

    /// The value `reference` names on page `pageID`, or nil.
    func value(of reference: Reference, on pageID: String) -> String? {
        values[reference.page ?? pageID]?[reference.name]
    }

    /// `text` with every reference replaced; unknown ones diagnosed at `location(reference)`.
    func substitute(in text: String, on pageID: String, diagnostics: inout DiagnosticList,
                    location: (Reference) -> FileLocation) -> String {
        let references = Self.references(in: text)
        guard !references.isEmpty else { return text }
        var result = ""
        var cursor = text.startIndex
        for reference in references {
            result += text[cursor..<reference.range.lowerBound]
            if let value = value(of: reference, on: pageID) {
                result += value
            } else if failedPages.contains(reference.page ?? pageID) {
                result += reference.token
            } else {
                let spelled = reference.page.map { $0.isEmpty ? reference.name : "kd.\($0).\(reference.name)" } ?? "kd.\(reference.name)"
                let known = (values[reference.page ?? pageID] ?? [:]).keys
                let hint = Suggestion.didYouMean(reference.name, in: known)
                diagnostics.error("unknown value '\(spelled)'\(hint)", at: location(reference))
                result += reference.token
            }
            cursor = reference.range.upperBound
        }
        return result + text[cursor...]
    }

    /// The page's tree with every reference in its text replaced.
    func resolve(_ page: ParsedPage, pageID: String, diagnostics: inout DiagnosticList) -> Node {
        rewrite(page.document.mergingAdjacentText(), page: page, pageID: pageID, diagnostics: &diagnostics)
    }

    private func rewrite(_ node: Node, page: ParsedPage, pageID: String, diagnostics: inout DiagnosticList) -> Node {
        if case .text(let text) = node.kind, text.contains("{{") {
            let start = node.range.map { page.location($0.start) } ?? page.source.location(line: 1, column: 1)
            var from = start
            let replaced = substitute(in: text, on: pageID, diagnostics: &diagnostics) { reference in
                let found = page.file.find(reference.token, from: from.line, column: from.column) ?? start
                from = FileLocation(path: found.path, line: found.line, column: found.column + 1)
                return found
            }
            return Node(.text(replaced), range: node.range)
        }
        var copy = node
        copy.children = node.children.map { rewrite($0, page: page, pageID: pageID, diagnostics: &diagnostics) }
        return copy
    }
}
