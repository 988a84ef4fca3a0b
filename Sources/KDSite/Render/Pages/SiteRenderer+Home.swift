import Foundation

extension SiteRenderer {
    /// `index.html`: the course's title and description, the introduction from `index.md`,
    /// the outline of lessons, and the Distillation Map in small.
    func home(diagnostics: inout DiagnosticList) -> OutputFile {
        let path = SiteLayout.home
        let root = SiteLayout.root(from: path)
        var lessons: [[String: Any]] = []
        for (index, lesson) in content.lessons.enumerated() {
            lessons.append([
                "number": String(format: "%02d", index + 1),
                "title": text(lesson.title, pageID: lesson.slug, diagnostics: &diagnostics),
                "summary": text(lesson.summary, pageID: lesson.slug, diagnostics: &diagnostics),
                "href": SiteLayout.lesson(lesson.slug),
            ])
        }
        var data: [String: Any] = [
            "lessons": lessons,
            "map": MapSVG(graph: LessonGraph(content.lessons), orientation: .vertical, quizIDs: quizIDsByLesson)
                .render { root + SiteLayout.lesson($0.slug) },
        ]
        if let first = content.lessons.first { data["first"] = ["href": SiteLayout.lesson(first.slug)] }
        if let home = content.home, let prepared = pages[home.file.relativePath] {
            data["intro"] = renderDocument(prepared, outputPath: path, diagnostics: &diagnostics)
        }
        return frame.page(
            "home", data: data, outputPath: path, kind: "home", title: nil,
            description: content.config.description, current: nil)
    }

    /// Each lesson's quiz ids by slug, for the map's `data-quizzes`.
    var quizIDsByLesson: [String: [String]] {
        var ids: [String: [String]] = [:]
        for lesson in content.lessons {
            ids[lesson.slug] = pages[lesson.file.relativePath]?.quizzes.map(\.id.value) ?? []
        }
        return ids
    }

    /// `map/index.html`: the Distillation Map, drawn left to right.
    func map() -> OutputFile {
        let path = SiteLayout.map
        let root = SiteLayout.root(from: path)
        let svg = MapSVG(graph: LessonGraph(content.lessons), orientation: .horizontal, quizIDs: quizIDsByLesson)
            .render { root + SiteLayout.lesson($0.slug) }
        return frame.page(
            "map", data: ["map": "<div class=\"map-scroll\">\(svg)</div>"], outputPath: path, kind: "map",
            title: "Distillation Map", description: "The lessons of the course and how they build on each other.",
            current: .map)
    }
}
