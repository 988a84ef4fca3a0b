import Foundation
import KDMarkdown

extension SiteRenderer {
    /// `faq/index.html` from `faq.md`: what comes before the first `##` is the introduction;
    /// each `##` heading is a question, answered by everything up to the next one, shown as a
    /// `<details>` with the question as its summary.
    func faq(diagnostics: inout DiagnosticList) -> OutputFile? {
        guard let faq = content.faq, let prepared = pages[faq.file.relativePath] else { return nil }
        let path = SiteLayout.faq
        let ids = HeadingIDs()
        var intro: [Node] = []
        var sections: [(heading: Node, answer: [Node])] = []
        for node in prepared.document.children {
            if case .heading(2) = node.kind {
                sections.append((node, []))
            } else if sections.isEmpty {
                intro.append(node)
            } else {
                sections[sections.count - 1].answer.append(node)
            }
        }
        let renderer = html(for: prepared, outputPath: path)
        let questions: [[String: Any]] = sections.map { heading, answer in
            [
                "id": ids.next(for: heading.plainText),
                "question": renderer.renderInline(children: heading.children),
                "answer": renderer.render(Node(.document, children: answer)),
            ]
        }
        var data: [String: Any] = ["title": faq.title?.value ?? "Frequently asked questions", "questions": questions]
        if !intro.isEmpty { data["intro"] = renderer.render(Node(.document, children: intro)) }
        diagnostics.append(contentsOf: renderer.diagnostics)
        return frame.page(
            "faq", data: data, outputPath: path, kind: "faq", title: data["title"] as? String,
            description: "Questions readers ask about \(content.config.title).", current: .faq)
    }
}
