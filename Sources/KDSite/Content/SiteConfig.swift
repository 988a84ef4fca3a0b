/// `Content/site.yml`: the course's name and where it will be published.
///
/// ```yaml
/// title: "Knowledge Distillation"
/// subtitle: "squeezing big AI into tiny chips"
/// description: "A course …"
/// url: "https://example.org/kd/"     # the published address; sitemap.xml needs it
/// language: en                        # optional, default en
/// ```
public struct SiteConfig: Sendable {
    public var title: String
    public var subtitle: String?
    public var description: String
    /// Absolute, ends with `/`.
    public var url: String
    public var language: String
    public var file: SourceFile

    static let keys = ["title", "subtitle", "description", "url", "language"]

    /// The path part of `url` (`/kd/`), for the one page that cannot use relative links: 404.html.
    public var basePath: String {
        guard let scheme = url.range(of: "://") else { return "/" }
        let rest = url[scheme.upperBound...]
        guard let slash = rest.firstIndex(of: "/") else { return "/" }
        return String(rest[slash...])
    }

    /// Stands in for a `site.yml` that is missing or broken (already diagnosed), so the pages
    /// are still checked; a build with it never writes, since the error stands.
    static func placeholder(file: SourceFile) -> SiteConfig {
        SiteConfig(
            title: "", subtitle: nil, description: "", url: "https://example.invalid/", language: "en", file: file)
    }

    static func read(_ file: SourceFile, diagnostics: inout DiagnosticList) -> SiteConfig? {
        let yaml = YAMLSource(file: file, text: file.text, firstLine: 1)
        guard let root = yaml.parse(diagnostics: &diagnostics) else {
            if !diagnostics.hasErrors {
                diagnostics.error("site.yml is empty; it needs title, description and url", at: file.location(line: 1))
            }
            return nil
        }
        guard let map = root.mapping("site.yml", diagnostics: &diagnostics) else { return nil }
        map.rejectUnknownKeys(allowed: keys, in: "site.yml", diagnostics: &diagnostics)
        let context = "site.yml"
        let title = map.string("title", in: context, diagnostics: &diagnostics)
        let subtitle = map.string("subtitle", in: context, required: false, diagnostics: &diagnostics)
        let description = map.string("description", in: context, diagnostics: &diagnostics)
        let url = map.string("url", in: context, diagnostics: &diagnostics)
        let language = map.string("language", in: context, required: false, diagnostics: &diagnostics)
        if let url, !(url.value.hasPrefix("https://") || url.value.hasPrefix("http://")) || url.value.contains(" ") {
            diagnostics.error(
                "'url' must be an absolute http(s) address such as 'https://example.org/course/', not '\(url.value)'",
                at: url.location)
            return nil
        }
        guard let title, let description, let url else { return nil }
        return SiteConfig(
            title: title.value, subtitle: subtitle?.value, description: description.value,
            url: url.value.hasSuffix("/") ? url.value : url.value + "/",
            language: language?.value ?? "en", file: file)
    }
}
