import Yams

/// A YAML node with typed readers that diagnose what they cannot read: a missing key, a
/// value of the wrong kind, an unknown key. Each reader returns nil after diagnosing.
struct YAMLValue {
    let node: Yams.Node
    let source: YAMLSource

    var location: FileLocation { source.location(node.mark) }

    /// A human word for the node's kind, for "must be a list, not a mapping".
    var kindName: String {
        switch node {
        case .scalar: node.null != nil ? "nothing" : "'\(node.string ?? "")'"
        case .mapping: "a mapping"
        case .sequence: "a list"
        case .alias: "an alias"
        }
    }

    func mapping(_ what: String, diagnostics: inout DiagnosticList) -> YAMLMapping? {
        guard case .mapping(let mapping) = node else {
            diagnostics.error("\(what) must be a mapping of keys to values, not \(kindName)", at: location)
            return nil
        }
        return YAMLMapping(mapping: mapping, source: source, location: location)
    }

    func string(_ what: String, diagnostics: inout DiagnosticList) -> Located<String>? {
        guard case .scalar(let scalar) = node, node.null == nil else {
            diagnostics.error("\(what) must be text, not \(kindName)", at: location)
            return nil
        }
        return Located(scalar.string, at: location)
    }

    func int(_ what: String, diagnostics: inout DiagnosticList) -> Located<Int>? {
        guard case .scalar = node, let value = node.int else {
            diagnostics.error("\(what) must be a whole number, not \(kindName)", at: location)
            return nil
        }
        return Located(value, at: location)
    }

    func bool(_ what: String, diagnostics: inout DiagnosticList) -> Located<Bool>? {
        guard case .scalar = node, let value = node.bool else {
            diagnostics.error("\(what) must be true or false, not \(kindName)", at: location)
            return nil
        }
        return Located(value, at: location)
    }

    func sequence(_ what: String, diagnostics: inout DiagnosticList) -> [YAMLValue]? {
        guard case .sequence(let sequence) = node else {
            diagnostics.error("\(what) must be a list, not \(kindName)", at: location)
            return nil
        }
        return sequence.map { YAMLValue(node: $0, source: source) }
    }

    /// A list of text items; a single text is accepted as a list of one.
    func strings(_ what: String, diagnostics: inout DiagnosticList) -> [Located<String>]? {
        if case .scalar = node, node.null == nil { return string(what, diagnostics: &diagnostics).map { [$0] } }
        guard let items = sequence(what, diagnostics: &diagnostics) else { return nil }
        var result: [Located<String>] = []
        for item in items {
            if let text = item.string("each item of \(what)", diagnostics: &diagnostics) { result.append(text) }
        }
        return result
    }
}

/// A YAML mapping read key by key.
struct YAMLMapping {
    let mapping: Yams.Node.Mapping
    let source: YAMLSource
    /// The mapping's own position (its first key).
    let location: FileLocation

    var keys: [Located<String>] {
        mapping.keys.map { Located($0.string ?? "", at: source.location($0.mark)) }
    }

    /// The value under `key`; when it is absent and `required`, diagnoses
    /// "missing required key 'key' in `context`". A key given with no value counts as absent.
    func value(_ key: String, in context: String, required: Bool, diagnostics: inout DiagnosticList) -> YAMLValue? {
        if let node = mapping[key], node.null == nil {
            return YAMLValue(node: node, source: source)
        }
        if required {
            let at = mapping.first { $0.key.string == key }.map { source.location($0.key.mark) } ?? location
            diagnostics.error("missing required key '\(key)' in \(context)", at: at)
        }
        return nil
    }

    func string(_ key: String, in context: String, required: Bool = true, diagnostics: inout DiagnosticList) -> Located<
        String
    >? {
        value(key, in: context, required: required, diagnostics: &diagnostics)?.string(
            "'\(key)'", diagnostics: &diagnostics)
    }

    func int(_ key: String, in context: String, required: Bool = true, diagnostics: inout DiagnosticList) -> Located<
        Int
    >? {
        value(key, in: context, required: required, diagnostics: &diagnostics)?.int(
            "'\(key)'", diagnostics: &diagnostics)
    }

    func bool(_ key: String, in context: String, required: Bool = true, diagnostics: inout DiagnosticList) -> Located<
        Bool
    >? {
        value(key, in: context, required: required, diagnostics: &diagnostics)?.bool(
            "'\(key)'", diagnostics: &diagnostics)
    }

    func strings(_ key: String, in context: String, required: Bool = true, diagnostics: inout DiagnosticList)
        -> [Located<String>]?
    {
        value(key, in: context, required: required, diagnostics: &diagnostics)?.strings(
            "'\(key)'", diagnostics: &diagnostics)
    }

    func mapping(_ key: String, in context: String, required: Bool = true, diagnostics: inout DiagnosticList)
        -> YAMLMapping?
    {
        value(key, in: context, required: required, diagnostics: &diagnostics)?.mapping(
            "'\(key)'", diagnostics: &diagnostics)
    }

    /// Diagnoses every key not in `allowed`, suggesting the closest allowed one.
    func rejectUnknownKeys(allowed: [String], in context: String, diagnostics: inout DiagnosticList) {
        for key in keys where !allowed.contains(key.value) {
            let hint = Suggestion.didYouMean(key.value, in: allowed)
            diagnostics.error("unknown key '\(key.value)' in \(context)\(hint)", at: key.location)
        }
    }
}
