import Foundation

/// The checks that keep `build` and `clean` from deleting a folder kdsite did not make.
///
/// A build replaces its output folder whole, and `clean` empties it, so both refuse
/// (`EnvironmentError`, exit 2) when the output
/// - is the content folder, lies inside it, or contains it;
/// - is the current folder, the home folder or `/`, or contains one of them;
/// - exists, is not empty, and was not made by kdsite: it lacks the marker file
///   `.kdsite-output` that every build writes, and holds more than the files a build keeps
///   (`README.md`, which the repository commits in `Site/`).
///
/// An output written before the marker existed (only the names a build writes, with
/// `index.html` and `sitemap.xml`) is accepted, and gains the marker when it is rebuilt.
/// Paths are compared after resolving symbolic links.
public enum OutputFolder {
    /// The marker file a build writes into the output. A dotfile: static hosts do not serve it.
    public static let marker = ".kdsite-output"
    static let markerText = "made by kdsite; kdsite build replaces this folder and kdsite clean empties it\n"

    /// The top-level names a build writes, for recognising an output made before the marker.
    static let builtNames: Set<String> = [
        SiteLayout.home, SiteLayout.notFound, SiteLayout.sitemap, "assets", "lessons", "glossary",
        "faq", "hackerspace", "map", "pagefind", "README.md",
    ]

    /// Throws unless `output` may be replaced by a build of `content` (or emptied by clean).
    public static func check(output: String, content: String) throws(EnvironmentError) {
        let target = resolved(output)
        let source = resolved(content)
        let refuse = { (reason: String) in
            EnvironmentError("refusing to use '\(output)' as the output folder: \(reason)")
        }
        if target == source {
            throw refuse(
                "it is the content folder '\(content)'; the build would replace it; pass --out with another folder, such as Site"
            )
        }
        if isInside(target, source) {
            throw refuse("it lies inside the content folder '\(content)'; pass --out with a folder outside it")
        }
        if isInside(source, target) {
            throw refuse(
                "it contains the content folder '\(content)'; pass --out with a folder of its own, such as Site")
        }
        let home = resolved(NSHomeDirectory())
        let current = resolved(FileManager.default.currentDirectoryPath)
        if target == "/" { throw refuse("it is the root folder") }
        if target == current || isInside(current, target) {
            throw refuse("it is or contains the current folder; pass --out with a folder of its own, such as Site")
        }
        if target == home || isInside(home, target) {
            throw refuse("it is or contains the home folder; pass --out with a folder of its own, such as Site")
        }
        try checkMadeByKdsite(output: output, resolvedPath: target)
    }

    /// Throws when `output` is an existing folder with files kdsite did not make.
    private static func checkMadeByKdsite(output: String, resolvedPath: String) throws(EnvironmentError) {
        let fm = FileManager.default
        var isDirectory: ObjCBool = false
        guard fm.fileExists(atPath: resolvedPath, isDirectory: &isDirectory) else { return }
        guard isDirectory.boolValue else {
            throw EnvironmentError("refusing to use '\(output)' as the output folder: it is a file, not a folder")
        }
        let names = Set((try? fm.contentsOfDirectory(atPath: resolvedPath)) ?? [])
        if names.contains(marker) || names.isSubset(of: StagedOutput.keptFiles) { return }
        let earlierBuild =
            names.isSubset(of: builtNames) && names.contains(SiteLayout.home) && names.contains(SiteLayout.sitemap)
        if earlierBuild { return }
        throw EnvironmentError(
            "refusing to use '\(output)' as the output folder: it is not empty and has no \(marker) file, so kdsite did not make it; "
                + "empty or remove it yourself, or pass --out with a new folder")
    }

    /// The absolute path with `.`, `..` and symbolic links resolved; for a path that does
    /// not exist yet, its nearest existing ancestor is resolved and the rest appended.
    static func resolved(_ path: String) -> String {
        let absolute = URL(fileURLWithPath: path).standardizedFileURL.path
        var existing = absolute
        var rest: [String] = []
        var base = realPath(existing)
        while base == nil, existing != "/", !existing.isEmpty {
            rest.insert((existing as NSString).lastPathComponent, at: 0)
            existing = (existing as NSString).deletingLastPathComponent
            base = realPath(existing)
        }
        let joined = rest.reduce(base ?? existing) { ($0 as NSString).appendingPathComponent($1) }
        return joined.count > 1 && joined.hasSuffix("/") ? String(joined.dropLast()) : joined
    }

    private static func realPath(_ path: String) -> String? {
        guard let real = realpath(path, nil) else { return nil }
        defer { free(real) }
        return String(cString: real)
    }

    /// True when `path` lies strictly inside `folder`.
    static func isInside(_ path: String, _ folder: String) -> Bool {
        if folder == "/" { return path != "/" }
        return path.hasPrefix(folder + "/")
    }
}
