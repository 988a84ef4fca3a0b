import KDMarkdown

/// Collects a page's ```` ```swift ```` blocks, numbered in document order, into the
/// `SnippetProgram` the runner executes, and checks their fence options.
enum SnippetCollector {
    static func program(for page: ParsedPage, id: String, timeout: Int?, diagnostics: inout DiagnosticList)
        -> SnippetProgram
    {
        var blocks: [SnippetBlock] = []
        var fences: [(line: Int, info: String)] = []
        for block in page.document.codeBlocks {
            let fence = FenceInfo(block.info)
            guard fence.isSwift, let range = block.node.range else { continue }
            let fenceLine = page.source.firstLine + range.start.line - 1
            for problem in fence.problems() {
                diagnostics.error(
                    problem.message,
                    at: infoLocation(page, fenceLine: fenceLine, info: block.info, offset: problem.offset))
            }
            blocks.append(
                SnippetBlock(number: blocks.count + 1, code: block.literal, fence: fence, firstLine: fenceLine + 1))
            fences.append((fenceLine, block.info))
        }
        for problem in FenceRules.problems(in: blocks) {
            let (line, info) = fences[problem.block]
            let offset = blocks[problem.block].fence.options.first { $0.name == problem.option }?.offset ?? 0
            diagnostics.error(problem.message, at: infoLocation(page, fenceLine: line, info: info, offset: offset))
        }
        return SnippetProgram(pageID: id, path: page.file.path, timeout: timeout, blocks: blocks)
    }

    /// Where byte `offset` of the info string lies on the fence line.
    private static func infoLocation(_ page: ParsedPage, fenceLine: Int, info: String, offset: Int) -> FileLocation {
        guard let start = page.file.find(info, from: fenceLine), start.line == fenceLine else {
            return page.file.location(line: fenceLine)
        }
        return page.file.location(line: fenceLine, column: start.column + offset)
    }
}
