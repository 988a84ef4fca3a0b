import Foundation

extension SiteRenderer {
    /// `hackerspace/index.html`: the introduction (`hackerspace/index.md`), then a table of
    /// the deployments readers sent and each one's story.
    func hackerspace(diagnostics: inout DiagnosticList) -> OutputFile? {
        guard content.hackerspaceIntro != nil || !content.hackerspace.isEmpty else { return nil }
        let path = SiteLayout.hackerspace
        var entries: [[String: Any]] = []
        for entry in content.hackerspace {
            guard let prepared = pages[entry.file.relativePath] else { continue }
            var row: [String: Any] = ["slug": entry.slug, "body": renderDocument(prepared, outputPath: path, diagnostics: &diagnostics)]
            for name in HackerspaceEntry.fieldNames {
                if let field = entry.fields[name] { row[name] = text(field, pageID: prepared.pageID, diagnostics: &diagnostics) }
            }
            entries.append(row)
        }
        var data: [String: Any] = [
            "title": content.hackerspaceIntro?.title?.value ?? "Hacker Space",
            "entries": entries, "hasEntries": !entries.isEmpty,
        ]
        if let intro = content.hackerspaceIntro, let prepared = pages[intro.file.relativePath] {
            data["intro"] = renderDocument(prepared, outputPath: path, diagnostics: &diagnostics)
        }
        return frame.page("hackerspace", data: data, outputPath: path, kind: "hackerspace", title: data["title"] as? String,
                          description: "Readers' deployments of the course's models on real devices.", current: .hackerspace)
    }
}
