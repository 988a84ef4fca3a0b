import Foundation
import KDMarkdown

extension SiteRenderer {
    /// `404.html`. A server shows it at any depth, so relative links cannot work; its links
    /// start from the path of `site.yml`'s `url` instead (`/course/`).
    func notFound() -> OutputFile {
        frame.page(
            "notfound", data: ["root": content.config.basePath], outputPath: SiteLayout.notFound, kind: "notfound",
            title: "Page not found", description: "This page is not in the course.", current: nil)
    }

    /// `sitemap.xml`: the address of every HTML page but 404.html, from `site.yml`'s `url`.
    func sitemap(of paths: [String]) -> OutputFile {
        var xml =
            "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<urlset xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\">\n"
        for path in paths.sorted() where path.hasSuffix(".html") && path != SiteLayout.notFound {
            let pretty = path.hasSuffix("index.html") ? String(path.dropLast("index.html".count)) : path
            xml += "  <url><loc>\(escapeHTML(content.config.url + pretty))</loc></url>\n"
        }
        return OutputFile(path: SiteLayout.sitemap, text: xml + "</urlset>\n")
    }
}
