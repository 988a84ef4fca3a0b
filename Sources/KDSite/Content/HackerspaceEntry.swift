/// A reader's deployment in the Hacker Space: `hackerspace/NAME.md` with front matter
///
/// ```yaml
/// device: Arduino Nano 33 BLE Sense
/// model: distilled student, int8
/// flash: "{{ kd.deploy-on-a-microcontroller.flashKB }} KB"
/// ram: "…"
/// accuracy: "…"
/// ```
///
/// and a Markdown body (how it was built, a photo link). `hackerspace/index.md` is not an
/// entry: it is the page's introduction.
public struct HackerspaceEntry: Sendable {
    public var slug: String
    public var fields: [String: Located<String>]
    public var markdown: MarkdownSource

    public var file: SourceFile { markdown.file }

    /// The fields every entry gives, in the order the Hacker Space table shows them.
    public static let fieldNames = ["device", "model", "flash", "ram", "accuracy"]

    static func read(_ file: SourceFile, slug: String, diagnostics: inout DiagnosticList) -> HackerspaceEntry? {
        let context = "hacker space front matter"
        let (front, mapping) = FrontMatter.mapping(
            of: file, context: context, keys: fieldNames, needs: fieldNames.joined(separator: ", "),
            diagnostics: &diagnostics)
        guard let map = mapping else { return nil }
        var fields: [String: Located<String>] = [:]
        for name in fieldNames {
            if let value = map.string(name, in: context, diagnostics: &diagnostics) { fields[name] = value }
        }
        guard fields.count == fieldNames.count else { return nil }
        return HackerspaceEntry(
            slug: slug, fields: fields,
            markdown: MarkdownSource(file: file, text: front.body, firstLine: front.bodyFirstLine))
    }
}
