/// The Distillation Map as a graph: an edge from each lesson to every lesson it requires.
/// It must name known lessons and have no cycle; its layers drive the map's layout.
public struct LessonGraph: Sendable {
    public let lessons: [Lesson]
    private let index: [String: Int]

    public init(_ lessons: [Lesson]) {
        self.lessons = lessons
        var index: [String: Int] = [:]
        for (i, lesson) in lessons.enumerated() where index[lesson.slug] == nil { index[lesson.slug] = i }
        self.index = index
    }

    /// Indices of the lessons that `i` requires, known ones only, without repeats.
    public func requirements(of i: Int) -> [Int] {
        var seen = Set<Int>()
        return lessons[i].requires.compactMap { index[$0.value] }.filter { $0 != i && seen.insert($0).inserted }
    }

    /// `unloaded`: slugs of lessons left out for their own errors; requiring one is not an error.
    func validate(unloaded: Set<String> = [], diagnostics: inout DiagnosticList) {
        for lesson in lessons {
            for required in lesson.requires {
                if required.value == lesson.slug {
                    diagnostics.error("lesson '\(lesson.slug)' cannot require itself", at: required.location)
                } else if index[required.value] == nil, !unloaded.contains(required.value) {
                    let hint = Suggestion.didYouMean(required.value, in: lessons.map(\.slug))
                    diagnostics.error(
                        "unknown lesson '\(required.value)' in map.requires\(hint)", at: required.location)
                }
            }
        }
        reportCycles(diagnostics: &diagnostics)
    }

    /// Depth-first search; each back edge closes a cycle, reported at the `requires` entry
    /// that closes it, naming the whole loop.
    private func reportCycles(diagnostics: inout DiagnosticList) {
        enum Mark { case fresh, active, done }
        var marks = [Mark](repeating: .fresh, count: lessons.count)
        var path: [Int] = []

        func visit(_ i: Int) {
            marks[i] = .active
            path.append(i)
            for required in lessons[i].requires {
                guard let j = index[required.value], j != i else { continue }
                switch marks[j] {
                case .fresh:
                    visit(j)
                case .active:
                    reportCycle(Array(path[(path.lastIndex(of: j) ?? 0)...]), diagnostics: &diagnostics)
                case .done:
                    break
                }
            }
            path.removeLast()
            marks[i] = .done
        }
        for i in lessons.indices where marks[i] == .fresh { visit(i) }
    }

    /// Reports the loop `cycle[0] requires cycle[1] … requires cycle[0]` once, at the edge most
    /// likely to be the mistake: a lesson requiring one that comes later in the course.
    private func reportCycle(_ cycle: [Int], diagnostics: inout DiagnosticList) {
        let edges = cycle.indices.map { k in (from: cycle[k], to: cycle[(k + 1) % cycle.count]) }
        let pick = edges.firstIndex { lessons[$0.to].order.value > lessons[$0.from].order.value } ?? edges.count - 1
        let rotated = Array(cycle[pick...] + cycle[..<pick])
        let loop = (rotated + [rotated[0]]).map { lessons[$0].slug }
        let edge = edges[pick]
        let at =
            lessons[edge.from].requires.first { $0.value == lessons[edge.to].slug }?.location
            ?? lessons[edge.from].file.location(line: 1)
        diagnostics.error("map.requires forms a cycle: \(loop.joined(separator: " → "))", at: at)
    }

    /// The layer of every lesson: 0 for those that require nothing, else one more than the
    /// deepest requirement (longest path). Assumes no cycle (validated first); a cycle's
    /// lessons fall back to layer 0 rather than looping.
    public func layers() -> [Int] {
        var layer = [Int?](repeating: nil, count: lessons.count)
        var visiting = Set<Int>()
        func depth(_ i: Int) -> Int {
            if let known = layer[i] { return known }
            guard visiting.insert(i).inserted else { return 0 }
            let value = requirements(of: i).map { depth($0) + 1 }.max() ?? 0
            visiting.remove(i)
            layer[i] = value
            return value
        }
        return lessons.indices.map(depth)
    }
}
