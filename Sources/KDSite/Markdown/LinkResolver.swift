/// What a link in the Markdown points at. Links to other content files are written as
/// relative paths to their `.md` file (`[the teacher](02-the-teacher.md)`,
/// `[T](../glossary/temperature.md#formula)`), which also work when the Markdown is read on
/// GitHub; the build checks that the file exists and rewrites the link to its page.
public enum LinkTarget: Hashable, Sendable {
    /// Kept as written: another site, an in-page anchor, a file that is not a page.
    case asWritten
    /// A page of the site: its output path and fragment (`glossary/index.html#temperature`).
    case page(String)
    /// A `.md` link to no page of the site: the normalised content path it named.
    case unknownPage(String)
    /// An absolute path (`/lessons/…`), which breaks from `file://` and under a sub-path.
    case absolutePath
}

enum LinkResolver {
    static func resolve(_ destination: String, from file: SourceFile, layout: SiteLayout) -> LinkTarget {
        if destination.isEmpty || destination.hasPrefix("#") || hasScheme(destination) { return .asWritten }
        if destination.hasPrefix("/") { return .absolutePath }
        let (path, fragment) = split(destination)
        guard path.hasSuffix(".md") else { return .asWritten }
        let normalized = normalize(path, relativeTo: file.relativePath)
        guard let target = layout.targets[normalized] else { return .unknownPage(normalized) }
        guard let fragment else { return .page(target) }
        let base = target.split(separator: "#", maxSplits: 1).first.map(String.init) ?? target
        return .page(base + "#" + fragment)
    }

    /// `mailto:`, `https:` … : a scheme is letters, digits, `+ - .` before the first `:`,
    /// starting with a letter.
    static func hasScheme(_ s: String) -> Bool {
        guard let colon = s.firstIndex(of: ":"), let first = s.first, first.isLetter, first.isASCII else {
            return false
        }
        return s[..<colon].allSatisfy { $0.isASCII && ($0.isLetter || $0.isNumber || "+-.".contains($0)) }
    }

    private static func split(_ destination: String) -> (path: String, fragment: String?) {
        guard let hash = destination.firstIndex(of: "#") else { return (destination, nil) }
        return (String(destination[..<hash]), String(destination[destination.index(after: hash)...]))
    }

    /// `../glossary/t.md` from `lessons/02-x.md` → `glossary/t.md`.
    static func normalize(_ path: String, relativeTo filePath: String) -> String {
        var parts = filePath.split(separator: "/").dropLast().map(String.init)
        for part in path.split(separator: "/") {
            switch part {
            case ".": continue
            case "..": if !parts.isEmpty { parts.removeLast() }
            default: parts.append(String(part))
            }
        }
        return parts.joined(separator: "/")
    }
}
