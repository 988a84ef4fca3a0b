import Foundation
import Mustache

/// The Mustache templates and static assets of `Content/theme/`.
///
/// Templates: `base` (the page frame; the page's own HTML arrives as `{{{content}}}`),
/// `header`, `footer` (partials), one per page kind — `home`, `lesson`, `glossary`, `faq`,
/// `hackerspace`, `map`, `notfound` — `quiz` for each quiz and `tutor` for each tutor dialogue. Assets: every file under
/// `theme/assets/` is copied to `assets/` with a content hash in its name
/// (`style.css` → `assets/style.1a2b3c4d.css`); templates find it as `{{assets.style_css}}`.
struct Theme: Sendable {
    static let required = [
        "base", "header", "footer", "home", "lesson", "glossary", "faq", "hackerspace", "map", "notfound", "quiz",
        "tutor",
    ]

    let library: MustacheLibrary
    /// Output path of each asset, keyed by its name with `.` as `_` (`style_css`).
    let assetPaths: [String: String]
    /// Output path → bytes.
    let assetFiles: [String: Data]

    /// Loads `folder`; problems (a missing template, a Mustache syntax error at its line and
    /// column) are diagnosed and make the result nil.
    static func load(from folder: String, diagnostics: inout DiagnosticList) -> Theme? {
        var isFolder: ObjCBool = false
        guard FileManager.default.fileExists(atPath: folder, isDirectory: &isFolder), isFolder.boolValue else {
            diagnostics.error(
                "no theme folder '\(folder)'; a site needs theme/ with its Mustache templates (copy the package's Content/theme to start)",
                at: FileLocation(path: folder, line: 1, column: 1))
            return nil
        }
        var library = MustacheLibrary()
        var ok = true
        for name in required {
            let path = folder + "/" + name + ".mustache"
            guard let data = FileManager.default.contents(atPath: path), let text = String(data: data, encoding: .utf8)
            else {
                diagnostics.error(
                    "missing template '\(name).mustache' in the theme", at: FileLocation(path: path, line: 1, column: 1)
                )
                ok = false
                continue
            }
            do {
                library.register(try MustacheTemplate(string: text), named: name)
            } catch let error as MustacheTemplate.ParserError {
                let context = error.context
                diagnostics.error(
                    "template syntax: \(describe(error.error))",
                    at: FileLocation(path: path, line: max(1, context.lineNumber), column: max(1, context.columnNumber))
                )
                ok = false
            } catch {
                diagnostics.error("template syntax: \(error)", at: FileLocation(path: path, line: 1, column: 1))
                ok = false
            }
        }
        let (paths, files) = loadAssets(from: folder + "/assets")
        return ok ? Theme(library: library, assetPaths: paths, assetFiles: files) : nil
    }

    private static func loadAssets(from folder: String) -> ([String: String], [String: Data]) {
        var paths: [String: String] = [:]
        var files: [String: Data] = [:]
        let names = (try? FileManager.default.contentsOfDirectory(atPath: folder)) ?? []
        for name in names.sorted() where !name.hasPrefix(".") {
            guard let data = FileManager.default.contents(atPath: folder + "/" + name) else { continue }
            let dot = name.lastIndex(of: ".") ?? name.endIndex
            let fingerprinted = "assets/\(name[..<dot]).\(Fingerprint.hex(of: data))\(name[dot...])"
            paths[name.replacingOccurrences(of: ".", with: "_")] = fingerprinted
            files[fingerprinted] = data
        }
        return (paths, files)
    }

    private static func describe(_ error: any Error) -> String {
        switch error as? MustacheTemplate.Error {
        case .sectionCloseNameIncorrect: "a section is closed with a name that does not match its opening"
        case .unfinishedName: "a tag is not closed with '}}'"
        case .expectedSectionEnd: "a section is opened but never closed"
        case .invalidSetDelimiter: "malformed set-delimiter tag"
        default: "\(error)"
        }
    }

    /// Renders template `name` with `data`.
    func render(_ name: String, _ data: [String: Any]) -> String {
        library.render(data, withTemplate: name) ?? ""
    }
}

/// A short content hash for asset names: 64-bit FNV-1a, as 8 hex digits. Not a security
/// hash; it only has to change when the file does.
enum Fingerprint {
    static func hex(of data: Data) -> String {
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        for byte in data {
            hash ^= UInt64(byte)
            hash = hash &* 0x0000_0100_0000_01B3
        }
        let folded = UInt32(truncatingIfNeeded: hash ^ (hash >> 32))
        let digits = String(folded, radix: 16)
        return String(repeating: "0", count: 8 - digits.count) + digits
    }
}
