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
            case .unknownPage(let path):
                let hint = Suggestion.didYouMean(path, in: layout.targets.keys)
                diagnostics.error("link to unknown page '\(destination)' (\(path))\(hint)", at: location)
            case .absolutePath:
                diagnostics.warning("absolute link '\(destination)' breaks when the site is opened from disk or served under a sub-path; use a relative link", at: location)
            case .asWritten, .page:
                break
            }
        }
    }
}
