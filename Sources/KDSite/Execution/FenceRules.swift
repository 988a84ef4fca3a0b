/// The rules swift fence options obey across a page, beyond each fence's own syntax
/// (`FenceInfo.problems`):
///
/// - `fails` is shown and run: not with `hidden` (its error is there to be read) nor with
///   `norun` (a block that is not run cannot be seen to fail).
/// - A walkthrough step (`step=N of=FILE`) is shown: not `hidden`.
/// - The steps of one FILE on a page are numbered 1, 2, 3… in document order, each once:
///   the stepper shows them in that order and the reader's "3 / 9" must mean the third.
enum FenceRules {
    struct Problem: Equatable {
        /// Index into the blocks given.
        var block: Int
        var message: String
        /// The option the message is about (where it is reported).
        var option: String
    }

    static func problems(in blocks: [SnippetBlock]) -> [Problem] {
        var problems: [Problem] = []
        var steps: [String: Int] = [:]
        for (i, block) in blocks.enumerated() where block.fence.isSwift {
            let fence = block.fence
            if fence.has("fails"), fence.has("hidden") {
                problems.append(
                    Problem(
                        block: i, message: "a 'fails' block cannot be 'hidden': its error is shown to the reader",
                        option: "hidden"))
            }
            if fence.has("fails"), fence.has("norun") {
                problems.append(
                    Problem(
                        block: i,
                        message:
                            "a 'fails' block cannot be 'norun': a block that does not run cannot be checked to fail",
                        option: "norun"))
            }
            guard let stepText = fence.value("step"), let step = Int(stepText), step >= 1, let file = fence.value("of")
            else { continue }
            if fence.has("hidden") {
                problems.append(Problem(block: i, message: "a walkthrough step cannot be 'hidden'", option: "hidden"))
            }
            let expected = (steps[file] ?? 0) + 1
            if step != expected {
                let why =
                    step < expected
                    ? "step \(step) of '\(file)' comes again after step \(expected - 1)"
                    : expected == 1
                        ? "walkthrough '\(file)' starts at step \(step)"
                        : "step \(step) of '\(file)' skips step \(expected)"
                problems.append(
                    Problem(
                        block: i,
                        message:
                            "\(why); number the steps of a walkthrough 1, 2, 3… in the order they appear (expected step=\(expected))",
                        option: "step"))
            }
            steps[file] = max(steps[file] ?? 0, step)
        }
        return problems
    }
}
