import Yams

/// YAML embedded in a content file — front matter, or the body of a ```` ```quiz ```` fence —
/// parsed with Yams, with every node's mark mapped back to a `FileLocation` in that file.
///
/// The YAML's line `n` is the file's line `firstLine + n - 1`. When the file line is longer
/// than the YAML line (a fence indented inside a list), the difference is the column shift.
struct YAMLSource: Sendable {
    let file: SourceFile
    let text: String
    let firstLine: Int
    private let lines: [Substring]

    init(file: SourceFile, text: String, firstLine: Int) {
        self.file = file
        self.text = text
        self.firstLine = firstLine
        self.lines = text.split(separator: "\n", omittingEmptySubsequences: false)
    }

    /// Where a Yams mark (1-based line, column in Unicode scalars) lies in the file.
    func location(_ mark: Mark?) -> FileLocation {
        guard let mark else { return file.location(line: firstLine) }
        return location(line: mark.line, scalarColumn: mark.column)
    }

    func location(line: Int, scalarColumn: Int) -> FileLocation {
        let fileLine = firstLine + line - 1
        guard line >= 1, line <= lines.count, fileLine >= 1, fileLine <= file.lines.count else {
            return file.location(line: min(max(fileLine, 1), max(file.lines.count, 1)))
        }
        let yamlLine = lines[line - 1]
        let sourceLine = file.lines[fileLine - 1]
        let shift = sourceLine.hasSuffix(yamlLine) ? sourceLine.utf8.count - yamlLine.utf8.count : 0
        let bytes = yamlLine.unicodeScalars.prefix(max(0, scalarColumn - 1)).reduce(0) { $0 + UTF8.width($1) }
        return file.location(line: fileLine, column: shift + bytes + 1)
    }

    /// The root node; nil when the text is empty or malformed (then diagnosed).
    func parse(diagnostics: inout DiagnosticList) -> YAMLValue? {
        do {
            // Typed readers convert scalars themselves, so no implicit-type resolution (a
            // regular expression per scalar) is needed: the basic resolver tags all as text.
            guard let node = try Yams.compose(yaml: text, .basic, .default, .utf8) else { return nil }
            return YAMLValue(node: node, source: self)
        } catch let error as YamlError {
            diagnose(error, diagnostics: &diagnostics)
        } catch {
            diagnostics.error("malformed YAML: \(error)", at: file.location(line: firstLine))
        }
        return nil
    }

    private func diagnose(_ error: YamlError, diagnostics: inout DiagnosticList) {
        switch error {
        case let .scanner(_, problem, mark, _), let .parser(_, problem, mark, _), let .composer(_, problem, mark, _):
            diagnostics.error("malformed YAML: \(problem)", at: location(mark))
        case let .duplicatedKeysInMapping(duplicates, context):
            let key = duplicates.first ?? ""
            let first = location(context.mark)
            let second = secondOccurrence(of: key, after: context.mark)
            diagnostics.error(
                "duplicate key '\(key)'", at: second ?? first,
                note: second == nil ? nil : .init("'\(key)' first given here", at: first))
        case let .reader(problem, _, _, _):
            diagnostics.error("malformed YAML: \(problem)", at: file.location(line: firstLine))
        default:
            diagnostics.error("malformed YAML: \(error)", at: file.location(line: firstLine))
        }
    }

    /// The next line after `mark` that gives `key` at the same column: the repeated key.
    private func secondOccurrence(of key: String, after mark: Mark) -> FileLocation? {
        guard mark.line >= 1 else { return nil }
        for n in stride(from: mark.line + 1, through: lines.count, by: 1) {
            let line = lines[n - 1].unicodeScalars
            guard line.count >= mark.column - 1 else { continue }
            let rest = String(String.UnicodeScalarView(line.dropFirst(mark.column - 1)))
            let indent = line.prefix(mark.column - 1).allSatisfy { $0 == " " || $0 == "-" }
            if indent, ["\(key):", "\"\(key)\":", "'\(key)':"].contains(where: rest.hasPrefix) {
                return location(line: n, scalarColumn: mark.column)
            }
        }
        return nil
    }
}
