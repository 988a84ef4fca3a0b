import Foundation
import KDMarkdown

extension SiteRenderer {
    /// `hackerspace/index.html`: the introduction (`hackerspace/index.md`) up to its first
    /// `##` heading, then a table of the deployments readers sent and each one's story, then
    /// the rest of the introduction from that heading on (how to add a deployment).
    func hackerspace(diagnostics: inout DiagnosticList) -> OutputFile? {
        guard content.hackerspaceIntro != nil || !content.hackerspace.isEmpty else { return nil }
        let path = SiteLayout.hackerspace
        var entries: [[String: Any]] = []
        for entry in content.hackerspace {
            guard let prepared = pages[entry.file.relativePath] else { continue }
            var row: [String: Any] = [
                "slug": entry.slug, "body": renderDocument(prepared, outputPath: path, diagnostics: &diagnostics),
            ]
            for name in HackerspaceEntry.fieldNames {
                if let field = entry.fields[name] {
                    row[name] = text(field, pageID: prepared.pageID, diagnostics: &diagnostics)
                }
            }
            entries.append(row)
        }
        var data: [String: Any] = [
            "title": content.hackerspaceIntro?.title?.value ?? "Hacker Space",
            "entries": entries, "hasEntries": !entries.isEmpty,
        ]
        if let intro = content.hackerspaceIntro, let prepared = pages[intro.file.relativePath] {
            let (intro, guide) = Self.splitAtFirstSection(prepared.document)
            if !intro.children.isEmpty {
                data["intro"] = renderDocument(prepared, outputPath: path, document: intro, diagnostics: &diagnostics)
            }
            if !guide.children.isEmpty {
                data["guide"] = renderDocument(prepared, outputPath: path, document: guide, diagnostics: &diagnostics)
            }
        }
        return frame.page(
            "hackerspace", data: data, outputPath: path, kind: "hackerspace", title: data["title"] as? String,
            description: "Readers' deployments of the course's models on real devices.", current: .hackerspace)
    }

    /// A document cut before its first level-2 heading: what comes before it, and the heading
    /// with everything after it (empty when there is no such heading).
    static func splitAtFirstSection(_ document: Node) -> (before: Node, from: Node) {
        let cut =
            document.children.firstIndex { node in
                if case .heading(level: 2) = node.kind { return true }
                return false
            } ?? document.children.endIndex
        return (
            Node(document.kind, children: Array(document.children[..<cut]), range: document.range),
            Node(document.kind, children: Array(document.children[cut...]), range: document.range)
        )
    }
}
