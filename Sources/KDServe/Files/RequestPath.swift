/// The path of a request, checked and split into the names to look up inside the output
/// folder — or refused.
///
/// The target is percent-decoded once, then split on `/`. It is refused (the server answers
/// 404) when it could name anything outside the folder or anything ambiguous:
///
/// - a component `.` or `..`, however it was written (`..`, `%2e%2e`, `.%2E`);
/// - a `/` that was percent-encoded (`%2f`), a backslash (`\` or `%5c`), a NUL byte (`%00`);
/// - a target that is not origin-form (`http://host/…`, `*`), or does not start with `/`;
/// - a malformed escape (`%zz`, a trailing `%`) or bytes that are not UTF-8.
///
/// Empty components (`//`) are skipped, as a file system would. Symbolic links are handled
/// where files are opened (`SiteDirectory`), since only the disk knows them.
public struct RequestPath: Hashable, Sendable, CustomStringConvertible {
    /// The names to walk, in order; empty for the root.
    public let components: [String]
    /// Whether the target ended with `/` (a folder was asked for).
    public let isFolder: Bool

    /// Parses the path part of a request target (`/lessons/the-teacher/?x=1` → `lessons`,
    /// `the-teacher`, folder); nil when the target is refused.
    public init?(target: String) {
        let pathPart = target.prefix { $0 != "?" && $0 != "#" }
        guard pathPart.first == "/" else { return nil }
        var components: [String] = []
        // Split before decoding, so that an encoded `/` stays inside its component and is refused there.
        for raw in pathPart.utf8.split(separator: UInt8(ascii: "/"), omittingEmptySubsequences: true) {
            guard let bytes = Self.percentDecoded(raw), let name = String(validating: bytes, as: UTF8.self) else {
                return nil
            }
            guard Self.isAllowed(name) else { return nil }
            components.append(name)
        }
        self.components = components
        self.isFolder = pathPart.hasSuffix("/") || components.isEmpty
    }

    /// A path already split and checked (the server's own constants).
    init(components: [String], isFolder: Bool) {
        precondition(components.allSatisfy(Self.isAllowed), "request path components must be plain names")
        self.components = components
        self.isFolder = isFolder || components.isEmpty
    }

    /// The canonical path (`/lessons/the-teacher/`), as a redirect writes it.
    public var description: String {
        "/" + components.map(Self.percentEncoded).joined(separator: "/") + (isFolder && !components.isEmpty ? "/" : "")
    }

    /// The last component's extension, lowercased (`html`); nil when it has none.
    public var fileExtension: String? {
        guard let last = components.last, let dot = last.lastIndex(of: "."), dot != last.startIndex else { return nil }
        return last[last.index(after: dot)...].lowercased()
    }

    // MARK: - Rules

    private static func isAllowed(_ name: String) -> Bool {
        if name == "." || name == ".." { return false }
        return !name.utf8.contains { $0 == 0 || $0 == UInt8(ascii: "/") || $0 == UInt8(ascii: "\\") }
    }

    /// Decodes `%XX` escapes; nil for a malformed one.
    private static func percentDecoded(_ raw: Substring.UTF8View.SubSequence) -> [UInt8]? {
        var bytes: [UInt8] = []
        bytes.reserveCapacity(raw.count)
        var iterator = raw.makeIterator()
        while let byte = iterator.next() {
            guard byte == UInt8(ascii: "%") else {
                bytes.append(byte)
                continue
            }
            guard let high = iterator.next().flatMap(hexValue), let low = iterator.next().flatMap(hexValue) else {
                return nil
            }
            bytes.append(high << 4 | low)
        }
        return bytes
    }

    private static func hexValue(_ byte: UInt8) -> UInt8? {
        switch byte {
        case UInt8(ascii: "0")...UInt8(ascii: "9"): byte - UInt8(ascii: "0")
        case UInt8(ascii: "a")...UInt8(ascii: "f"): byte - UInt8(ascii: "a") + 10
        case UInt8(ascii: "A")...UInt8(ascii: "F"): byte - UInt8(ascii: "A") + 10
        default: nil
        }
    }

    /// Escapes everything but unreserved characters and a few safe in a path.
    private static func percentEncoded(_ name: String) -> String {
        var text = ""
        for byte in name.utf8 {
            switch byte {
            case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "A")...UInt8(ascii: "Z"),
                UInt8(ascii: "0")...UInt8(ascii: "9"),
                UInt8(ascii: "-"), UInt8(ascii: "."), UInt8(ascii: "_"), UInt8(ascii: "~"):
                text.unicodeScalars.append(Unicode.Scalar(byte))
            default:
                let hex = String(byte, radix: 16, uppercase: true)
                text += "%" + (hex.count == 1 ? "0" : "") + hex
            }
        }
        return text
    }
}
