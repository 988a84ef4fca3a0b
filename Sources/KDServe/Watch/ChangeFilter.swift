/// Which changed paths under the content folder are worth a rebuild.
///
/// Ignored: hidden files and folders (`.git`, `.DS_Store`, `.#x.md` Emacs locks), editor
/// scratch files (`x.md~`, `.x.md.swp`, Vim's `4913` probe, JetBrains' `___jb_tmp___`), and
/// anything under `excluded` folders — the output folder and the snippet cache, should either
/// sit inside the content folder, so a build never triggers itself.
struct ChangeFilter: Sendable {
    /// Paths relative to the watched folder, without a trailing `/`.
    var excluded: [String] = []

    /// `relativePath` uses `/` and is relative to the watched folder.
    func accepts(_ relativePath: String) -> Bool {
        for folder in excluded where relativePath == folder || relativePath.hasPrefix(folder + "/") {
            return false
        }
        let components = relativePath.split(separator: "/")
        if components.contains(where: { $0.hasPrefix(".") }) { return false }
        guard let name = components.last else { return false }
        return
            !(name.hasSuffix("~") || name.hasSuffix(".swp") || name.hasSuffix(".swx") || name.hasSuffix(".swo")
            || name == "4913" || name.hasSuffix("___jb_tmp___") || name.hasSuffix("___jb_old___"))
    }
}
