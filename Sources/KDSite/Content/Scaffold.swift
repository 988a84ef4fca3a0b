import Foundation
import KDMarkdown

/// `kdsite new lesson|term NAME`: writes a new content file that builds as it is, for the
/// author to fill in.
public enum Scaffold {
    public enum Kind: String, CaseIterable, Sendable {
        case lesson, term
    }

    /// Creates the file and returns its path. NAME may be a title ("Weight sharing") or a slug
    /// ("weight-sharing"). Throws `ScaffoldError` when NAME gives no slug or the slug is taken.
    public static func create(_ kind: Kind, named name: String, content root: String) throws -> String {
        let slug = slugify(name, asciiOnly: true)
        guard !slug.isEmpty else {
            throw ScaffoldError("'\(name)' makes no slug; use ASCII letters or digits (they name the file)")
        }
        let title = titleCase(name, slug: slug)
        let loader = ContentLoader(root: root)
        guard FileManager.default.fileExists(atPath: loader.join("site.yml")) else {
            throw ScaffoldError("no site.yml in '\(root)'; pass --content with the course's content folder")
        }
        switch kind {
        case .lesson:
            let folder = loader.join("lessons")
            let names = ((try? FileManager.default.contentsOfDirectory(atPath: folder)) ?? []).filter {
                $0.hasSuffix(".md")
            }.sorted()
            if let taken = names.first(where: { Lesson.slug(fromFileName: $0) == slug }) {
                throw ScaffoldError("lesson '\(slug)' exists already: \(folder)/\(taken)")
            }
            let numbers = names.compactMap { Int($0.prefix { $0.isNumber }) }
            let next = (numbers.max() ?? 0) + 1
            let previous = names.last.flatMap(Lesson.slug(fromFileName:))
            let path = folder + "/" + String(format: "%02d", next) + "-" + slug + ".md"
            try write(lesson(title: title, slug: slug, order: next, after: previous), to: path)
            return path
        case .term:
            let path = loader.join("glossary") + "/" + slug + ".md"
            guard !FileManager.default.fileExists(atPath: path) else {
                throw ScaffoldError("term '\(slug)' exists already: \(path)")
            }
            try write(term(title: title), to: path)
            return path
        }
    }

    static func lesson(title: String, slug: String, order: Int, after previous: String?) -> String {
        let requires = previous.map { "[\($0)]" } ?? "[]"
        return """
            ---
            title: \(yamlQuoted(title))
            summary: \(yamlQuoted("What the reader can do after this lesson, in one sentence."))
            order: \(order)
            map: {label: \(yamlQuoted(String(title.prefix(MapSVG.labelLimit)))), requires: \(requires)}
            ---

            Open with the question this lesson answers, and why it matters on a small device.

            ## First idea

            Explain one idea, then show it with a snippet that runs when the site is built:

            ```swift
            print("hello from \(slug)")
            ```

            ```quiz
            id: \(slug)-check
            question: Which statement does this lesson support?
            choices:
              - text: The first idea, as explained above
                correct: true
              - text: A common misconception about it
            explain: Say why the right answer is right, and why the other is tempting.
            ```

            """
    }

    static func term(title: String) -> String {
        """
        ---
        term: \(yamlQuoted(title))
        aliases: []
        ---

        One sentence that defines \(title.lowercased()); it is the tooltip on every link to this entry.
        Then say more: a formula, an example, a snippet.

        """
    }

    /// `weight-sharing` → `Weight sharing`; a title is kept as written.
    static func titleCase(_ name: String, slug: String) -> String {
        guard name == slug else { return name.trimmingCharacters(in: .whitespaces) }
        let words = slug.split(separator: "-").joined(separator: " ")
        return words.prefix(1).uppercased() + words.dropFirst()
    }

    static func yamlQuoted(_ s: String) -> String {
        "\"" + s.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "\"", with: "\\\"") + "\""
    }

    private static func write(_ text: String, to path: String) throws {
        let url = URL(fileURLWithPath: path)
        try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
        try Data(text.utf8).write(to: url, options: .withoutOverwriting)
    }
}

public struct ScaffoldError: Error, CustomStringConvertible {
    public var description: String
    init(_ description: String) { self.description = description }
}
