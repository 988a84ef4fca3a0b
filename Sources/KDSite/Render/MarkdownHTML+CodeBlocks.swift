import KDMarkdown

extension MarkdownHTML {
    /// A fenced block: a quiz, a tutor dialogue, a swift snippet with its outputs, or code in another language.
    func codeBlock(info: String, literal: String, range: SourceRange?) -> String? {
        let fence = FenceInfo(info)
        if fence.isQuiz {
            guard let line = range?.start.line, let quiz = quizzes[line] else { return nil }
            return quizHTML(quiz)
        }
        if fence.language == "tutor" { return tutorHTML(literal: literal, range: range) }
        guard fence.isShown else { return "" }
        var classes = ["code-block"]
        var attributes = ""
        if !fence.language.isEmpty { attributes += " data-language=\"\(escapeHTML(fence.language))\"" }
        if fence.isSwift, fence.has("norun") { classes.append("norun") }
        let language = fence.language.isEmpty ? "" : " class=\"language-\(escapeHTML(fence.language))\""
        let code = site.plugins.highlighter?.highlight(literal, language: fence.language) ?? escapeHTML(literal)
        var html =
            "<div class=\"\(classes.joined(separator: " "))\"\(attributes)><pre><code\(language)>\(code)</code></pre></div>\n"
        if fence.isSwift, let line = range?.start.line, let number = blockNumbers[line] {
            html += outputsHTML(block: number)
        }
        return html
    }

    /// `<figure class="kd-output" data-block=N>` with the block's outputs, or nothing when
    /// it produced none (or snippets did not run).
    func outputsHTML(block number: Int) -> String {
        guard let outputs = site.outputs[pageID]?.blocks[number], !outputs.isEmpty else { return "" }
        var html = "<figure class=\"kd-output\" data-block=\"\(number)\">\n"
        for output in outputs {
            switch output {
            case .text(let text):
                html += "<pre class=\"text\">\(escapeHTML(text))</pre>\n"
            case .html(let markup):
                html += markup + "\n"
            case .failure(let message):
                html += "<pre class=\"failure\">\(escapeHTML(message))</pre>\n"
            }
        }
        return html + "</figure>\n"
    }

    /// The quiz as a form that works without JavaScript: radio choices, and the answer with
    /// its explanation in a `<details>`. The reader script checks answers through the page
    /// contract (`data-quiz`, `data-quiz-check`, `data-quiz-feedback`).
    func quizHTML(_ quiz: Quiz) -> String {
        let choices: [[String: Any]] = quiz.choices.enumerated().map { index, choice in
            [
                "index": index, "quizID": quiz.id.value, "correct": choice.correct,
                "text": renderInline(choice.text.value, at: choice.text.location),
            ]
        }
        let correct = choices.filter { $0["correct"] as? Bool == true }
        let answers: [[String: Any]] = correct.enumerated().map { i, choice in
            ["text": choice["text"] ?? "", "last": i == correct.count - 1]
        }
        var data: [String: Any] = [
            "id": quiz.id.value,
            "question": renderInline(quiz.question.value, at: quiz.question.location),
            "choices": choices,
            "answers": answers,
        ]
        if let explain = quiz.explain { data["explain"] = renderBlock(explain.value, at: explain.location) }
        return site.theme.render("quiz", data)
    }
}
