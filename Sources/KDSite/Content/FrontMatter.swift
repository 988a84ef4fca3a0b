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
        guard
            let close = lines.indices.dropFirst().first(where: {
                ["---", "..."].contains(lines[$0].trimmingTrailingSpaces)
            })
        else {
            diagnostics.error("front matter is not closed; expected a line '---' after it", at: file.location(line: 1))
            return FrontMatter(yaml: nil, yamlFirstLine: 1, body: file.text, bodyFirstLine: 1)
        }
        let yaml = lines[1..<close].joined(separator: "\n")
        let body = lines[(close + 1)...].joined(separator: "\n")
        return FrontMatter(yaml: yaml, yamlFirstLine: 2, body: body, bodyFirstLine: close + 2)
    }
}

extension FrontMatter {
    /// Splits `file` and reads its front matter as a mapping with only `keys` allowed.
    /// `needs` names what it must hold ("title, summary, order and map"), for the message when
    /// it is missing (only when `required`) or empty. Returns the split — for the body — and the
    /// mapping, nil once diagnosed or when optional front matter is absent.
    static func mapping(
        of file: SourceFile, context: String, keys: [String], needs: String, required: Bool = true,
        diagnostics: inout DiagnosticList
    ) -> (FrontMatter, YAMLMapping?) {
        let before = diagnostics.items.count
        let front = split(file, diagnostics: &diagnostics)
        guard let yaml = front.yaml else {
            if required, diagnostics.items.count == before {
                diagnostics.error(
                    "no front matter; start the file with a line '---', then \(needs), then '---'",
                    at: file.location(line: 1))
            }
            return (front, nil)
        }
        guard
            let root = YAMLSource(file: file, text: yaml, firstLine: front.yamlFirstLine).parse(
                diagnostics: &diagnostics)
        else {
            if required, diagnostics.items.count == before {
                diagnostics.error("empty front matter; it needs \(needs)", at: file.location(line: 1))
            }
            return (front, nil)
        }
        guard let map = root.mapping(context, diagnostics: &diagnostics) else { return (front, nil) }
        map.rejectUnknownKeys(allowed: keys, in: context, diagnostics: &diagnostics)
        return (front, map)
    }
}

extension Substring {
    var trimmingTrailingSpaces: Substring {
        var s = self
        while let last = s.last, last == " " || last == "\t" { s = s.dropLast() }
        return s
    }
}
