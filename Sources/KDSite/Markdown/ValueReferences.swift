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
                    found.append(
                        Reference(token: token, page: nil, name: parts[0], range: open.lowerBound..<close.upperBound))
                } else if parts.count == 2 {
                    found.append(
                        Reference(
                            token: token, page: parts[0], name: parts[1], range: open.lowerBound..<close.upperBound))
                } else {
                    found.append(
                        Reference(token: token, page: "", name: inner, range: open.lowerBound..<close.upperBound))
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
    /// `replacement` turns a value into the text put in its place (TeX for a formula).
    func substitute(
        in text: String, on pageID: String, diagnostics: inout DiagnosticList,
        replacement: (String) -> String = { $0 },
        location: (Reference) -> FileLocation
    ) -> String {
        let references = Self.references(in: text)
        guard !references.isEmpty else { return text }
        var result = ""
        var cursor = text.startIndex
        for reference in references {
            result += text[cursor..<reference.range.lowerBound]
            if let value = value(of: reference, on: pageID) {
                result += replacement(value)
            } else if failedPages.contains(reference.page ?? pageID) {
                result += reference.token
            } else {
                let spelled =
                    reference.page.map { $0.isEmpty ? reference.name : "kd.\($0).\(reference.name)" }
                    ?? "kd.\(reference.name)"
                let known = (values[reference.page ?? pageID] ?? [:]).keys
                let hint = Suggestion.didYouMean(reference.name, in: known)
                diagnostics.error("unknown value '\(spelled)'\(hint)", at: location(reference))
                result += reference.token
            }
            cursor = reference.range.upperBound
        }
        return result + text[cursor...]
    }

    /// The page's tree with every reference in its text and its formulas replaced.
    func resolve(_ page: ParsedPage, pageID: String, diagnostics: inout DiagnosticList) -> Node {
        resolve(page.document.mergingAdjacentText(), pageID: pageID, diagnostics: &diagnostics) { range in
            let start = range.map { page.location($0.start) } ?? page.source.location(line: 1, column: 1)
            var from = start
            return { reference in
                let found = page.file.find(reference.token, from: from.line, column: from.column) ?? start
                from = FileLocation(path: found.path, line: found.line, column: found.column + 1)
                return found
            }
        }
    }

    /// `node` with every reference in its text and formulas replaced. `locator` gives, for a
    /// node's source range, the function that places each of its references in the file, in
    /// order. A value in a formula becomes TeX (`TeXText.literal`), so it is typeset, never
    /// read as commands.
    func resolve(
        _ node: Node, pageID: String, diagnostics: inout DiagnosticList,
        locator: (SourceRange?) -> (Reference) -> FileLocation
    ) -> Node {
        switch node.kind {
        case .text(let text) where text.contains("{{"):
            let replaced = substitute(in: text, on: pageID, diagnostics: &diagnostics, location: locator(node.range))
            return Node(.text(replaced), range: node.range)
        case .math(let tex, let display) where tex.contains("{{"):
            let replaced = substitute(
                in: tex, on: pageID, diagnostics: &diagnostics,
                replacement: TeXText.literal, location: locator(node.range))
            return Node(.math(tex: replaced, display: display), range: node.range)
        default:
            var copy = node
            copy.children = node.children.map {
                resolve($0, pageID: pageID, diagnostics: &diagnostics, locator: locator)
            }
            return copy
        }
    }
}
