import KDMarkdown

/// Reports links to pages that do not exist (`[x](lessons/02-techer.md)`), suggesting the
/// closest page, and warns about absolute paths.
enum LinkChecker {
    static func check(_ page: ParsedPage, layout: SiteLayout, diagnostics: inout DiagnosticList) {
        page.document.forEachDescendant { node in
            let destination: String
            switch node.kind {
            case .link(let d, _): destination = d
            case .image(let s, _): destination = s
            default: return
            }
            let location = page.location(of: node)
            switch LinkResolver.resolve(destination, from: page.file, layout: layout) {
            case .unknownPage(let path) where layout.unloaded.contains(path):
                break
            case .unknownPage(let path):
                let hint = suggestion(for: path, in: layout, from: page.file)
                diagnostics.error("link to unknown page '\(destination)'\(hint)", at: location)
            case .absolutePath:
                diagnostics.warning(
                    "absolute link '\(destination)' breaks when the site is opened from disk or served under a sub-path; use a relative link",
                    at: location)
            case .asWritten, .page:
                break
            }
        }
    }

    /// The closest existing page in the same folder, compared by file name, written the way
    /// the author wrote links (relative to the linking file).
    private static func suggestion(for path: String, in layout: SiteLayout, from file: SourceFile) -> String {
        let folder = path.split(separator: "/").dropLast().joined(separator: "/")
        let name = String(path.split(separator: "/").last ?? "")
        let siblings = layout.targets.keys.filter {
            $0.split(separator: "/").dropLast().joined(separator: "/") == folder
        }
        let names = siblings.map { String($0.split(separator: "/").last ?? "") }
        guard let closest = Suggestion.closest(to: name, in: names) else { return "" }
        let fileFolder = file.relativePath.split(separator: "/").dropLast().joined(separator: "/")
        let written = folder == fileFolder ? closest : (folder.isEmpty ? closest : folder + "/" + closest)
        let prefix = fileFolder.isEmpty || folder == fileFolder ? "" : "../"
        return "; did you mean '\(prefix)\(written)'?"
    }
}
