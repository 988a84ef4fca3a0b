import Hummingbird

/// The `Content-Type` of a file of the site, from its extension: Hummingbird's table, with
/// `charset=utf-8` on text (every text file kdsite writes is UTF-8), and
/// `application/octet-stream` for what it does not know.
enum ContentType {
    static let html = "text/html; charset=utf-8"
    static let javascript = "text/javascript; charset=utf-8"
    static let eventStream = "text/event-stream; charset=utf-8"

    static func forExtension(_ fileExtension: String?) -> String {
        guard let fileExtension, let media = MediaType.getMediaType(forExtension: fileExtension) else {
            return "application/octet-stream"
        }
        let type = "\(media.type.rawValue)/\(media.subType)"
        return isText(media) ? type + "; charset=utf-8" : type
    }

    static func isHTML(_ fileExtension: String?) -> Bool {
        fileExtension == "html" || fileExtension == "htm"
    }

    private static func isText(_ media: MediaType) -> Bool {
        if media.type.rawValue == "text" { return true }
        return ["json", "ld+json", "xml", "xhtml+xml", "manifest+json", "svg+xml", "javascript"].contains(media.subType)
    }
}
