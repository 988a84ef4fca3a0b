import Foundation

extension SiteRenderer {
    /// `lessons/SLUG/index.html`: number, title and summary, the table of contents, the body
    /// (quizzes and snippet outputs included), links to the previous and next lessons.
    func lesson(at index: Int, diagnostics: inout DiagnosticList) -> OutputFile {
        let lesson = content.lessons[index]
        let path = SiteLayout.lesson(lesson.slug)
        guard let prepared = pages[lesson.file.relativePath] else {
            preconditionFailure("lesson \(lesson.slug) was not prepared")
        }
        let toc = TableOfContents.entries(of: prepared.document)
        let title = text(lesson.title, pageID: lesson.slug, diagnostics: &diagnostics)
        var data: [String: Any] = [
            "lesson": [
                "number": index + 1, "count": content.lessons.count, "title": title,
                "summary": text(lesson.summary, pageID: lesson.slug, diagnostics: &diagnostics),
                "slug": lesson.slug,
            ] as [String: Any],
            "toc": toc.map { entry in
                [
                    "level": entry.level, "text": entry.text, "id": entry.id,
                    "html": html(for: prepared, outputPath: path).renderInline(children: entry.content),
                ] as [String: Any]
            },
            "hasTOC": toc.count >= 2,
            "body": renderDocument(prepared, outputPath: path, diagnostics: &diagnostics),
        ]
        for (key, i) in [("previous", index - 1), ("next", index + 1)] where content.lessons.indices.contains(i) {
            let other = content.lessons[i]
            data[key] = [
                "title": text(other.title, pageID: other.slug, diagnostics: &diagnostics),
                "href": SiteLayout.lesson(other.slug),
            ]
        }
        return frame.page(
            "lesson", data: data, outputPath: path, kind: "lesson", title: title,
            description: lesson.summary.value, current: .lessons)
    }
}
