/// Adds the live-reload script to an HTML page on its way out of the server. The built
/// `Site/` never contains it: only `kdsite serve` responses do.
///
/// The tag goes before the last `</body>` (any case), else before the last `</html>`, else at
/// the end. It is an external, same-origin script, so a page whose Content-Security-Policy
/// allows only `'self'` scripts still runs it. `data-kdsite-build` names the build the page
/// came from; the script reloads when the server reports another.
enum LiveScriptInjector {
    /// Where the script is served.
    static let scriptPath = "/__kdsite/live.js"

    static func tag(build: String) -> String {
        "<script src=\"\(scriptPath)\" data-kdsite-build=\"\(escapeAttribute(build))\" defer></script>"
    }

    static func inject(build: String, into page: [UInt8]) -> [UInt8] {
        let tag = Array(tag(build: build).utf8)
        let at = lastIndex(of: "</body", in: page) ?? lastIndex(of: "</html", in: page) ?? page.count
        var result: [UInt8] = []
        result.reserveCapacity(page.count + tag.count)
        result.append(contentsOf: page[..<at])
        result.append(contentsOf: tag)
        result.append(contentsOf: page[at...])
        return result
    }

    /// The start of the last ASCII-case-insensitive occurrence of `needle`.
    private static func lastIndex(of needle: String, in bytes: [UInt8]) -> Int? {
        let pattern = Array(needle.utf8)
        guard bytes.count >= pattern.count else { return nil }
        var start = bytes.count - pattern.count
        while start >= 0 {
            var matched = true
            for (offset, byte) in pattern.enumerated() where lowercased(bytes[start + offset]) != byte {
                matched = false
                break
            }
            if matched { return start }
            start -= 1
        }
        return nil
    }

    private static func lowercased(_ byte: UInt8) -> UInt8 {
        (UInt8(ascii: "A")...UInt8(ascii: "Z")).contains(byte) ? byte + 32 : byte
    }

    private static func escapeAttribute(_ text: String) -> String {
        text.replacing("&", with: "&amp;").replacing("\"", with: "&quot;").replacing("<", with: "&lt;")
    }
}
