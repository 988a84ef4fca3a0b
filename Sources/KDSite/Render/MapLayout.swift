/// A layered drawing of the Distillation Map (Sugiyama style): each lesson sits in the layer
/// one past its deepest requirement; an edge that spans several layers passes through one
/// dummy point per layer it crosses, so it runs in its own lane instead of through boxes;
/// within a layer, items are ordered by the mean position of their neighbours (barycenter
/// sweeps, down then up) to cut crossings.
///
/// Coordinates are abstract: `depth` grows along the layers, `breadth` across them. The SVG
/// maps them to y/x (vertical) or x/y (horizontal).
struct MapLayout: Equatable {
    struct Box: Equatable {
        var lesson: Int
        /// Centre.
        var breadth: Double
        var depth: Double
    }

    struct Edge: Equatable {
        var from: Int
        var to: Int
        /// Centres from the required lesson to the one that requires it, dummies between.
        var points: [(breadth: Double, depth: Double)]

        static func == (a: Edge, b: Edge) -> Bool {
            a.from == b.from && a.to == b.to && a.points.elementsEqual(b.points) { $0 == $1 }
        }
    }

    var boxes: [Box]
    var edges: [Edge]
    var breadthExtent: Double
    var depthExtent: Double

    /// Box size along the breadth and depth axes, and the gaps between them.
    struct Metrics {
        var boxBreadth: Double
        var boxDepth: Double
        var gapBreadth: Double
        var gapDepth: Double
        var laneBreadth: Double = 18
    }

    /// An item of a layer: a lesson's box or a point an edge passes through.
    private enum Item: Hashable {
        case lesson(Int)
        case dummy(edge: Int, layer: Int)
    }

    init(_ graph: LessonGraph, metrics m: Metrics) {
        let layerOf = graph.layers()
        let layerCount = (layerOf.max() ?? -1) + 1
        var layers = [[Item]](repeating: [], count: layerCount)
        for i in graph.lessons.indices { layers[layerOf[i]].append(.lesson(i)) }

        // Edges from each requirement down to the lesson; dummies in the layers between.
        var edgeList: [(from: Int, to: Int)] = []
        for i in graph.lessons.indices {
            for j in graph.requirements(of: i) where layerOf[j] < layerOf[i] { edgeList.append((j, i)) }
        }
        var neighbours: [Item: [Item]] = [:]  // item → items in the layer above it
        var below: [Item: [Item]] = [:]
        for (e, edge) in edgeList.enumerated() {
            var previous = Item.lesson(edge.from)
            for layer in (layerOf[edge.from] + 1)..<(layerOf[edge.to] + 1) {
                let item = layer == layerOf[edge.to] ? Item.lesson(edge.to) : Item.dummy(edge: e, layer: layer)
                if case .dummy = item { layers[layer].append(item) }
                neighbours[item, default: []].append(previous)
                below[previous, default: []].append(item)
                previous = item
            }
        }

        // Barycenter ordering.
        func reorder(_ l: Int, by adjacent: [Item: [Item]], reference: [Item]) {
            var position: [Item: Double] = [:]
            for (index, item) in reference.enumerated() { position[item] = Double(index) }
            let keyed = layers[l].enumerated().map { index, item -> (Double, Int, Item) in
                let others = adjacent[item] ?? []
                let key =
                    others.isEmpty
                    ? Double(index) : others.map { position[$0] ?? 0 }.reduce(0, +) / Double(others.count)
                return (key, index, item)
            }
            layers[l] = keyed.sorted { ($0.0, $0.1) < ($1.0, $1.1) }.map(\.2)
        }
        for _ in 0..<4 {
            for l in layers.indices.dropFirst() { reorder(l, by: neighbours, reference: layers[l - 1]) }
            for l in layers.indices.reversed().dropFirst() { reorder(l, by: below, reference: layers[l + 1]) }
        }

        // Coordinates: items side by side, each layer centred on the widest.
        func size(_ item: Item) -> Double {
            if case .lesson = item { return m.boxBreadth }
            return m.laneBreadth
        }
        let widths = layers.map { layer in layer.map(size).reduce(0, +) + Double(max(0, layer.count - 1)) * m.gapBreadth
        }
        let extent = widths.max() ?? 0
        var centre: [Item: (Double, Double)] = [:]
        for (l, layer) in layers.enumerated() {
            var cursor = (extent - widths[l]) / 2
            let depth = Double(l) * (m.boxDepth + m.gapDepth) + m.boxDepth / 2
            for item in layer {
                centre[item] = (cursor + size(item) / 2, depth)
                cursor += size(item) + m.gapBreadth
            }
        }
        boxes = graph.lessons.indices.map { i in
            let c = centre[.lesson(i)] ?? (0, 0)
            return Box(lesson: i, breadth: c.0, depth: c.1)
        }
        edges = edgeList.enumerated().map { e, edge in
            var points = [centre[.lesson(edge.from)] ?? (0, 0)]
            for layer in stride(from: layerOf[edge.from] + 1, to: layerOf[edge.to], by: 1) {
                points.append(centre[.dummy(edge: e, layer: layer)] ?? (0, 0))
            }
            points.append(centre[.lesson(edge.to)] ?? (0, 0))
            return Edge(from: edge.from, to: edge.to, points: points.map { (breadth: $0.0, depth: $0.1) })
        }
        breadthExtent = extent
        depthExtent = Double(layerCount) * (m.boxDepth + m.gapDepth) - m.gapDepth
    }
}
