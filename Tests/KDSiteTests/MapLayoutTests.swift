import Foundation
import Testing

@testable import KDSite

/// The Distillation Map's layered layout.
@Suite("Map layout")
struct MapLayoutTests {
    func lessons(_ requires: [String: [String]], order: [String]) -> [Lesson] {
        order.enumerated().map { i, slug in
            let file = SourceFile(path: "\(slug).md", relativePath: "lessons/\(slug).md", text: "")
            let at = FileLocation(path: file.path, line: 1, column: 1)
            return Lesson(
                slug: slug, title: Located(slug, at: at), summary: Located("", at: at), order: Located(i + 1, at: at),
                mapLabel: slug, requires: (requires[slug] ?? []).map { Located($0, at: at) }, timeout: nil,
                markdown: MarkdownSource(file: file, text: "", firstLine: 1))
        }
    }

    let metrics = MapLayout.Metrics(boxBreadth: 100, boxDepth: 40, gapBreadth: 10, gapDepth: 20)

    @Test func layersFollowTheLongestPath() {
        let graph = LessonGraph(
            lessons(["b": ["a"], "c": ["a"], "d": ["b", "c"], "e": ["a", "d"]], order: ["a", "b", "c", "d", "e"]))
        #expect(graph.layers() == [0, 1, 1, 2, 3])
    }

    @Test func boxesOfALayerDoNotOverlapAndLayersAreSpaced() {
        let graph = LessonGraph(
            lessons(["b": ["a"], "c": ["a"], "d": ["b", "c"], "e": ["a", "d"]], order: ["a", "b", "c", "d", "e"]))
        let layout = MapLayout(graph, metrics: metrics)
        let byDepth = Dictionary(grouping: layout.boxes, by: \.depth)
        #expect(byDepth.keys.sorted() == [20, 80, 140, 200])
        for boxes in byDepth.values {
            let centres = boxes.map(\.breadth).sorted()
            for (a, b) in zip(centres, centres.dropFirst()) {
                #expect(b - a >= metrics.boxBreadth + metrics.gapBreadth)
            }
        }
        #expect(layout.depthExtent == 4 * 40 + 3 * 20)
    }

    @Test func longEdgesPassThroughTheirOwnLane() throws {
        let graph = LessonGraph(lessons(["b": ["a"], "c": ["b"], "d": ["a", "c"]], order: ["a", "b", "c", "d"]))
        let layout = MapLayout(graph, metrics: metrics)
        let long = try #require(layout.edges.first { $0.from == 0 && $0.to == 3 })
        #expect(long.points.count == 4, "two dummy points for the two layers it crosses")
        for point in long.points.dropFirst().dropLast() {
            for box in layout.boxes where box.depth == point.depth {
                #expect(abs(box.breadth - point.breadth) >= metrics.boxBreadth / 2, "the lane avoids the boxes")
            }
        }
        let short = try #require(layout.edges.first { $0.from == 0 && $0.to == 1 })
        #expect(short.points.count == 2)
    }

    @Test func layoutIsDeterministic() {
        let graph = LessonGraph(lessons(["b": ["a"], "c": ["a"], "d": ["c", "b"]], order: ["a", "b", "c", "d"]))
        #expect(MapLayout(graph, metrics: metrics) == MapLayout(graph, metrics: metrics))
        let svg = MapSVG(graph: graph, orientation: .horizontal).render { "\($0.slug).html" }
        #expect(svg == MapSVG(graph: graph, orientation: .horizontal).render { "\($0.slug).html" })
        #expect(svg.components(separatedBy: "data-map-node=").count == 5)
    }
}
