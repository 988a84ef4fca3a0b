/// A Markdown file split into its YAML front matter (between `---` lines at the top) and
/// its body, keeping where each starts so positions map back into the file.
struct FrontMatter: Sendable {
    /// The YAML text, or nil when the file has no front matter.
    var yaml: String?
    /// The file line of the YAML's first line.
    var yamlFirstLine: Int
    /// The Markdown after the front matter.
    var body: String
    /// The file line of the body's first line.
    var bodyFirstLine: Int

    /// Splits `file`; an opening `---` without a closing one is reported and the whole file
    /// is then read as body.
    static func split(_ file: SourceFile, diagnostics: inout DiagnosticList) -> FrontMatter {
        let lines = file.lines
        guard let first = lines.first, first.trimmingTrailingSpaces == "---" else {
            return FrontMatter(yaml: nil, yamlFirstLine: 1, body: file.text, bodyFirstLine: 1)
        }
        guard let close = lines.indices.dropFirst().first(where: { ["---", "..."].contains(lines[$0].trimmingTrailingSpaces) }) else {
            diagnostics.error("front matter is not closed; expected a line '---' after it", at: file.location(line: 1))
            return FrontMatter(yaml: nil, yamlFirstLine: 1, body: file.text, bodyFirstLine: 1)
        }
        let yaml = lines[1..<close].joined(separator: "\n")
        let body = lines[(close + 1)...].joined(separator: "\n")
        return FrontMatter(yaml: yaml, yamlFirstLine: 2, body: body, bodyFirstLine: close + 2)
    }
}

extension Substring {
    var trimmingTrailingSpaces: Substring {
        var s = self
        while let last = s.last, last == " " || last == "\t" { s = s.dropLast() }
        return s
    }
}
