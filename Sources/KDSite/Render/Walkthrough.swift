import KDMarkdown

/// The walkthrough stepper, at build time: a page's ```` ```swift step=N of=FILE ```` blocks
/// become one `<section data-walkthrough=FILE>` where the first of them stood.
///
/// The section holds an ordered list of steps, `li[data-step=N]` (N from 1, in document
/// order), each with its note — the prose between the previous step and this one — then the
/// step's code and its outputs, rendered as any swift block is. Prose before the first step
/// stays before the section; prose after the last one follows it. Without JavaScript the
/// list reads top to bottom like the Markdown; the reader script (`walkthrough.js`) turns it
/// into the "1 / 9" stepper over the whole file, with `data-current` on the section.
///
/// A step must stand at the top level of the page (not in a list or a quote), the steps of
/// two files must not interleave, and no heading may sit between two steps (the stepper
/// would hide it and the table of contents would point into a hidden note).
struct Walkthrough {
    let file: String
    /// Indices of the steps' code blocks among the document's top-level children.
    var blocks: [Int]

    /// `document` with each walkthrough's region replaced by its section; problems are
    /// diagnosed and leave the region as it was.
    static func group(_ document: Node, page: ParsedPage, diagnostics: inout DiagnosticList) -> Node {
        let found = find(in: document, page: page, diagnostics: &diagnostics)
        guard !found.isEmpty else { return document }
        var valid: [Walkthrough] = []
        for walkthrough in found
        where walkthrough.check(document, against: found, page: page, diagnostics: &diagnostics) {
            valid.append(walkthrough)
        }
        var result = document
        // From the last region back, so earlier indices stay valid.
        for (number, walkthrough) in valid.enumerated().reversed() {
            let region = walkthrough.blocks[0]...walkthrough.blocks[walkthrough.blocks.count - 1]
            result.children.replaceSubrange(
                region, with: walkthrough.nodes(from: document.children, number: number + 1))
        }
        return result
    }

    /// The walkthroughs of `document` in order of their first step; a step below the top
    /// level is diagnosed and left out.
    private static func find(in document: Node, page: ParsedPage, diagnostics: inout DiagnosticList) -> [Walkthrough] {
        var result: [Walkthrough] = []
        for (index, child) in document.children.enumerated() {
            if let file = stepFile(child) {
                if let i = result.firstIndex(where: { $0.file == file }) {
                    result[i].blocks.append(index)
                } else {
                    result.append(Walkthrough(file: file, blocks: [index]))
                }
                continue
            }
            child.forEachDescendant { node in
                guard let file = stepFile(node) else { return }
                diagnostics.error(
                    "walkthrough step of '\(file)' is nested in a list or quote; put its fence at the start of a line, outside any block",
                    at: page.location(of: node))
            }
        }
        return result
    }

    /// The FILE of a `swift step=N of=FILE` block, nil for any other node.
    private static func stepFile(_ node: Node) -> String? {
        guard case .codeBlock(let info, _) = node.kind else { return nil }
        let fence = FenceInfo(info)
        guard fence.isSwift, fence.value("step") != nil else { return nil }
        return fence.value("of")
    }

    /// True when this walkthrough's region holds no heading and no step of another file.
    private func check(
        _ document: Node, against all: [Walkthrough], page: ParsedPage, diagnostics: inout DiagnosticList
    ) -> Bool {
        let region = blocks[0]...blocks[blocks.count - 1]
        var ok = true
        for other in all where other.file != file {
            if let inside = other.blocks.first(where: region.contains) {
                diagnostics.error(
                    "walkthroughs '\(file)' and '\(other.file)' interleave; finish the steps of one before the other starts",
                    at: page.location(of: document.children[inside]))
                ok = false
                break
            }
        }
        for index in region {
            guard case .heading = document.children[index].kind else { continue }
            diagnostics.error(
                "heading between two steps of walkthrough '\(file)'; the stepper shows one step's note at a time, so put headings before its first step or after its last",
                at: page.location(of: document.children[index]))
            ok = false
        }
        return ok
    }

    /// The section that replaces the region: raw HTML around the original nodes, so notes,
    /// code and outputs render through the page's usual hooks.
    private func nodes(from children: [Node], number: Int) -> [Node] {
        let name = escapeHTML(file)
        let titleID = "walkthrough-\(number)"
        var nodes = [
            html(
                """
                <section class="walkthrough" data-walkthrough="\(name)" data-current="1" aria-labelledby="\(titleID)">
                <div class="walkthrough-bar">
                <p class="walkthrough-title" id="\(titleID)"><span class="eyebrow">Walkthrough</span> <code>\(name)</code></p>
                <div class="walkthrough-nav" hidden>
                <button type="button" data-step-prev>Previous</button>
                <span class="walkthrough-count" data-step-count aria-live="polite">1 / \(blocks.count)</span>
                <button type="button" data-step-next>Next</button>
                </div>
                </div>
                <ol class="walkthrough-steps">
                """)
        ]
        var previous = blocks[0]
        for (k, index) in blocks.enumerated() {
            nodes.append(html("<li class=\"walkthrough-step\" data-step=\"\(k + 1)\">"))
            let note = k == 0 ? [] : Array(children[(previous + 1)..<index])
            if !note.isEmpty {
                nodes.append(html("<div class=\"walkthrough-note\">"))
                nodes.append(contentsOf: note)
                nodes.append(html("</div>"))
            }
            nodes.append(children[index])
            nodes.append(html("</li>"))
            previous = index
        }
        nodes.append(html("</ol>\n</section>"))
        return nodes
    }

    private func html(_ text: String) -> Node {
        Node(.htmlBlock(text + "\n"))
    }
}
