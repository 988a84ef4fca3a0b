/// "Did you mean …?": the known name closest to a mistyped one.
enum Suggestion {
    /// The command closest to `name` (given without `\`), as `\name`, or a known replacement
    /// (`\over` → `\frac`).
    static func command(for name: String) -> String? {
        if let replacement = CommandTable.replacements[name] { return replacement }
        return closest(to: name, among: commandNames).map { "\\" + $0 }
    }

    static func environment(for name: String) -> String? {
        closest(to: name, among: environmentNames)
    }

    static func delimiter(for name: String) -> String? {
        closest(to: name, among: delimiterNames).map { "\\" + $0 }
    }

    static func textCommand(for name: String) -> String? {
        closest(to: name, among: TeXParser.textCommandNames).map { "\\" + $0 }
    }

    // Sorted once, so that ties always resolve the same way.
    private static let commandNames = CommandTable.commands.keys.filter { $0.count > 1 }.sorted()
    private static let environmentNames = CommandTable.environments.keys.sorted()
    private static let delimiterNames = CommandTable.commands.keys
        .filter { Delimiters.character(named: $0) != nil && $0.count > 1 }.sorted()

    /// The candidate at the smallest edit distance from `word`, if close enough to be a typo:
    /// at most 1 edit for names of up to 3 letters, 2 up to 6, 3 beyond. Ties go to the
    /// candidate with the same first letter, then to one longer than the word (a letter left
    /// out is the commonest typo: `alignd` is `aligned`), then to the shorter one, then to the
    /// first in `candidates`.
    static func closest(to word: String, among candidates: [String]) -> String? {
        let target = Array(word.unicodeScalars)
        let limit = target.count <= 3 ? 1 : target.count <= 6 ? 2 : 3
        // Smaller ranks are better; tuples compare element by element.
        var best: (rank: (Int, Int, Int, Int), name: String)?
        for candidate in candidates {
            let scalars = Array(candidate.unicodeScalars)
            guard abs(scalars.count - target.count) <= limit, candidate != word else { continue }
            let distance = editDistance(target, scalars, limit: limit)
            guard distance <= limit else { continue }
            let rank = (
                distance, scalars.first == target.first ? 0 : 1, scalars.count > target.count ? 0 : 1, scalars.count
            )
            if best.map({ rank < $0.rank }) ?? true { best = (rank, candidate) }
        }
        return best?.name
    }

    /// Optimal-string-alignment distance: insertions, deletions, substitutions and swaps of
    /// neighbours cost 1; a change of letter case alone costs nothing extra beyond 1. Gives up
    /// early (returning `limit + 1`) once every alignment exceeds `limit`.
    static func editDistance(_ a: [Unicode.Scalar], _ b: [Unicode.Scalar], limit: Int) -> Int {
        if a.isEmpty { return b.count }
        if b.isEmpty { return a.count }
        var previous2 = [Int](repeating: 0, count: b.count + 1)
        var previous = Array(0...b.count)
        var row = [Int](repeating: 0, count: b.count + 1)
        for i in 1...a.count {
            row[0] = i
            var rowMinimum = i
            for j in 1...b.count {
                let cost = a[i - 1] == b[j - 1] ? 0 : 1
                var value = min(previous[j] + 1, row[j - 1] + 1, previous[j - 1] + cost)
                if i > 1, j > 1, a[i - 1] == b[j - 2], a[i - 2] == b[j - 1] {
                    value = min(value, previous2[j - 2] + 1)
                }
                row[j] = value
                rowMinimum = min(rowMinimum, value)
            }
            if rowMinimum > limit { return limit + 1 }
            (previous2, previous, row) = (previous, row, previous2)
        }
        return previous[b.count]
    }
}
