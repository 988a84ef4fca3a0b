import Foundation

extension SiteRenderer {
    /// `glossary/index.html`: every term as an anchored section, with its aliases and body.
    func glossary(diagnostics: inout DiagnosticList) -> OutputFile {
        let path = SiteLayout.glossary
        var terms: [[String: Any]] = []
        for term in content.terms {
            guard let prepared = pages[term.file.relativePath] else { continue }
            var entry: [String: Any] = [
                "slug": term.slug, "term": term.term.value,
                "body": renderDocument(prepared, outputPath: path, diagnostics: &diagnostics),
            ]
            if !term.aliases.isEmpty { entry["aliases"] = term.aliases.map(\.value).joined(separator: ", ") }
            terms.append(entry)
        }
        return frame.page(
            "glossary", data: ["terms": terms], outputPath: path, kind: "glossary", title: "Glossary",
            description: "The terms of \(content.config.title), defined.", current: .glossary)
    }
}
