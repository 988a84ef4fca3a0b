/// The info string of a fenced code block, read as DESIGN.md's fence options:
/// ```` ```swift ````, `swift hidden`, `swift norun`, `swift fails`,
/// `swift step=3 of=distillation.swift`, `quiz`, or any other language.
public struct FenceInfo: Hashable, Sendable {
    public var language: String
    /// Flags (`hidden`, `norun`, `fails`) and `key=value` pairs, in the order written.
    public var options: [Option]

    public struct Option: Hashable, Sendable {
        public var name: String
        public var value: String?
        /// Byte offset of the option within the info string.
        public var offset: Int
    }

    public init(_ info: String) {
        var words: [(String, Int)] = []
        var offset = 0
        for piece in info.split(separator: " ", omittingEmptySubsequences: false) {
            if !piece.isEmpty { words.append((String(piece), offset)) }
            offset += piece.utf8.count + 1
        }
        language = words.first?.0.lowercased() ?? ""
        options = words.dropFirst().map { word, offset in
            if let eq = word.firstIndex(of: "=") {
                return Option(name: String(word[..<eq]), value: String(word[word.index(after: eq)...]), offset: offset)
            }
            return Option(name: word, value: nil, offset: offset)
        }
    }

    public func has(_ flag: String) -> Bool { options.contains { $0.name == flag && $0.value == nil } }
    public func value(_ name: String) -> String? { options.first { $0.name == name }?.value }

    public var isSwift: Bool { language == "swift" }
    public var isQuiz: Bool { language == "quiz" }
    /// Compiled and run at build time (every swift block but `norun`).
    public var runs: Bool { isSwift && !has("norun") }
    /// Shown to the reader (every block but `swift hidden`).
    public var isShown: Bool { !(isSwift && has("hidden")) }

    /// Swift fence options and whether each takes a value.
    static let swiftOptions: [String: Bool] = [
        "hidden": false, "norun": false, "fails": false, "step": true, "of": true,
    ]

    /// Problems with the options of a swift fence, as (message, byte offset in the info string).
    func problems() -> [(message: String, offset: Int)] {
        guard isSwift else { return [] }
        var problems: [(String, Int)] = []
        for option in options {
            guard let takesValue = Self.swiftOptions[option.name] else {
                let hint = Suggestion.didYouMean(option.name, in: Self.swiftOptions.keys)
                problems.append(("unknown fence option '\(option.name)'\(hint)", option.offset))
                continue
            }
            if takesValue, (option.value ?? "").isEmpty {
                problems.append(
                    ("fence option '\(option.name)' needs a value, as in '\(option.name)=…'", option.offset))
            } else if !takesValue, option.value != nil {
                problems.append(("fence option '\(option.name)' takes no value", option.offset))
            }
        }
        if let step = value("step"), Int(step).map({ $0 < 1 }) ?? true {
            problems.append(
                (
                    "'step' must be a whole number from 1, not '\(step)'",
                    options.first { $0.name == "step" }?.offset ?? 0
                ))
        }
        if (value("step") == nil) != (value("of") == nil) {
            let offset = options.first { $0.name == "step" || $0.name == "of" }?.offset ?? 0
            problems.append(("a walkthrough step needs both 'step=N' and 'of=FILE'", offset))
        }
        if has("hidden"), has("norun") {
            problems.append(
                (
                    "a block cannot be both 'hidden' and 'norun': it would be neither shown nor run",
                    options.first { $0.name == "norun" }?.offset ?? 0
                ))
        }
        return problems
    }
}
