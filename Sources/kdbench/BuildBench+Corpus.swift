import Foundation

extension BuildBench {
    /// A deterministic corpus of lessons: prose with inline and display math, headings, lists,
    /// a table, a code block, links to other lessons, and a quiz — the same Markdown body for
    /// kdsite and for Hugo, with front matter in each one's format. The code block is
    /// `swift norun`: the suite measures rendering, not snippet execution (suite `execution`).
    struct Corpus {
        var lessons: Int

        func slug(_ i: Int) -> String { "lesson-\(i)" }
        func fileName(_ i: Int) -> String { String(format: "%04d-", i) + slug(i) + ".md" }

        /// Lesson `i`'s Markdown body (1-based `i`).
        func body(_ i: Int) -> String {
            let next = i < lessons ? "[the next lesson](\(fileName(i + 1)))" : "the first lesson"
            var text = """
                A teacher model with logits $z_i$ produces soft targets $p_i = \\frac{e^{z_i/T}}{\\sum_j e^{z_j/T}}$ at a
                temperature $T$, and a student model learns from them. This is lesson \(i); go on to \(next).

                ## Definitions

                The loss mixes the hard labels with the teacher's distribution:

                $$
                \\mathcal{L} = \\alpha \\, \\mathrm{CE}(y, \\sigma(z_s)) + (1 - \\alpha) \\, T^2 \\, \\mathrm{KL}(\\sigma(z_t/T) \\,\\|\\, \\sigma(z_s/T))
                $$

                - A *small* student with $n_\\ell$ units in layer $\\ell$.
                - An **edge device** with limited flash, where `weights_int8` are stored.
                - Dark knowledge: the ratio $p_a / p_b$ for two wrong classes $a \\ne b$.

                ## A table

                | symbol | meaning |
                | --- | --- |
                | $T$ | temperature |
                | $\\alpha$ | weight of the hard-label term |

                ```swift norun
                let logits = Tensor(shape: [1, 3], scalars: [2, 1, 0])
                print(softmax(logits, temperature: 4))
                ```

                """
            for paragraph in 0..<4 {
                text +=
                    "Paragraph \(paragraph + 1) of lesson \(i) discusses how $x_{\(paragraph)} * y_{\(paragraph)}$ changes when the "
                text +=
                    "temperature rises, why the gradient scales as $1/T^2$, and what a quantized edge device can store. "
                text += "Costs such as $5 and $10 stay text, and so does `a $ in code`.\n\n"
            }
            text += """
                ```quiz
                id: quiz-\(i)
                question: Does raising $T$ change the ranking of the classes?
                choices:
                  - text: No, only how soft the distribution is
                    correct: true
                  - text: Yes
                explain: Dividing all logits by the same $T$ keeps their order.
                ```

                """
            return text
        }

        func writeKdsite(to content: URL, theme: URL) throws {
            let fm = FileManager.default
            try fm.createDirectory(at: content.appendingPathComponent("lessons"), withIntermediateDirectories: true)
            try fm.createDirectory(at: content.appendingPathComponent("glossary"), withIntermediateDirectories: true)
            try fm.copyItem(at: theme, to: content.appendingPathComponent("theme"))
            try write(
                "title: Bench\ndescription: A generated corpus.\nurl: https://example.org/bench/\n",
                content.appendingPathComponent("site.yml"))
            for (slug, term) in [
                ("teacher-model", "teacher model"), ("student-model", "student model"), ("temperature", "temperature"),
                ("soft-targets", "soft targets"), ("dark-knowledge", "dark knowledge"), ("edge-device", "edge device"),
            ] {
                try write(
                    "---\nterm: \(term)\n---\n\nThe \(term), defined. It has a formula $a^2$.\n",
                    content.appendingPathComponent("glossary/\(slug).md"))
            }
            for i in 1...lessons {
                let requires = i == 1 ? "[]" : "[\(slug(i / 2))]"
                let front =
                    "---\ntitle: Lesson \(i)\nsummary: Generated lesson \(i).\norder: \(i)\nmap: {label: L\(i), requires: \(requires)}\n---\n\n"
                try write(front + body(i), content.appendingPathComponent("lessons/" + fileName(i)))
            }
        }

        func writeHugo(to site: URL) throws {
            let fm = FileManager.default
            let layouts = site.appendingPathComponent("layouts/_default")
            try fm.createDirectory(at: layouts, withIntermediateDirectories: true)
            try fm.createDirectory(
                at: site.appendingPathComponent("content/lessons"), withIntermediateDirectories: true)
            try write(
                "baseURL = 'https://example.org/bench/'\ntitle = 'Bench'\ndisableKinds = ['taxonomy', 'term', 'RSS', 'sitemap']\n",
                site.appendingPathComponent("config.toml"))
            let page =
                "<!doctype html><html><head><title>{{ .Title }}</title></head><body><h1>{{ .Title }}</h1>{{ .TableOfContents }}{{ .Content }}</body></html>\n"
            try write(page, layouts.appendingPathComponent("single.html"))
            try write(
                "<!doctype html><html><body>{{ range .Pages }}<a href=\"{{ .RelPermalink }}\">{{ .Title }}</a>{{ end }}</body></html>\n",
                layouts.appendingPathComponent("list.html"))
            for i in 1...lessons {
                let front = "---\ntitle: Lesson \(i)\nsummary: Generated lesson \(i).\nweight: \(i)\n---\n\n"
                let hugoBody = body(i).replacingOccurrences(of: ".md)", with: "/)")
                try write(front + hugoBody, site.appendingPathComponent("content/lessons/" + fileName(i)))
            }
        }

        private func write(_ text: String, _ url: URL) throws {
            try Data(text.utf8).write(to: url)
        }
    }
}
