/// The checks of a session's current state, kept in parts so that a what-if runs again
/// only the checks its change can reach: the printed totals of the areas it reached, the
/// formula checks of the rows it reached, and the few other checks. With a million posts
/// that is a handful of checks instead of ten thousand.
struct CheckState {
    /// Printed totals by area slot (area × columns + column); `printedSlots` in the order
    /// `kör` lists them.
    private var printed: [Int: CheckResult] = [:]
    private var printedSlots: [Int] = []
    private var printedSlotSet = Set<Int>()
    /// Printed totals written as expressions: they may read anything, so they are
    /// checked again after every change.
    private var computedPrinted: [Int] = []
    /// Formula checks by column × posts + post, in the order `kör` lists them.
    private var formulas: [Int: CheckResult] = [:]
    private var formulaKeys: [Int] = []
    private var formulaColumns: [Int] = []
    private var others: [CheckResult] = []
    private var unique: [CheckResult] = []

    /// Every check, in the order `kör` lists them.
    var all: [CheckResult] {
        printedSlots.compactMap { printed[$0] } + formulaKeys.compactMap { formulas[$0] } + others + unique
    }

    /// The checks of the state `evaluator` is in; `unique`: the `unika nummer` checks,
    /// which read names only.
    init(_ evaluator: inout Evaluator, tolerance: Money, unique: [CheckResult]) {
        let model = evaluator.model
        let columns = model.columns.count
        for (area, info) in model.areas.enumerated() {
            guard let total = info.printedTotal else { continue }
            for column in 0..<columns {
                switch total.cells[column] {
                case .empty: continue
                case .literal: break
                case .expression: computedPrinted.append(area * columns + column)
                }
                let slot = area * columns + column
                printedSlots.append(slot)
                printed[slot] = evaluator.checkPrintedTotal(area: area, column: column, tolerance: tolerance)
            }
        }
        printedSlotSet = Set(printedSlots)
        formulaColumns = model.columns.indices.filter { model.columns[$0].formula != nil }
        for column in formulaColumns {
            for post in 0..<model.posts.count {
                if case .empty = model.cell(post: post, column: column) { continue }
                let key = column * model.posts.count + post
                formulaKeys.append(key)
                formulas[key] = evaluator.checkFormula(post: post, column: column, tolerance: tolerance)
            }
        }
        others = evaluator.otherChecks(tolerance: tolerance)
        self.unique = unique
    }

    /// Runs again the checks that read `nodes` (values a change set or reached); what
    /// they were before and are now.
    mutating func update(nodes: [Int], _ evaluator: inout Evaluator, tolerance: Money)
        -> [(before: CheckResult?, after: CheckResult?)] {
        let model = evaluator.model
        let columns = max(model.columns.count, 1)
        var slots = Set(computedPrinted)
        var posts = Set<Int>()
        for node in nodes {
            switch evaluator.slot(node) {
            case .area(let slot) where printedSlotSet.contains(slot): slots.insert(slot)
            case .cell(let index) where !formulaColumns.isEmpty: posts.insert(index / columns)
            default: break
            }
        }
        var pairs: [(before: CheckResult?, after: CheckResult?)] = []
        for slot in slots.sorted() {
            let after = evaluator.checkPrintedTotal(area: slot / columns, column: slot % columns, tolerance: tolerance)
            pairs.append((printed[slot], after))
            printed[slot] = after
        }
        for column in formulaColumns {
            for post in posts.sorted() {
                if case .empty = model.cell(post: post, column: column) { continue }
                let key = column * model.posts.count + post
                let after = evaluator.checkFormula(post: post, column: column, tolerance: tolerance)
                pairs.append((formulas[key], after))
                formulas[key] = after
            }
        }
        let newOthers = evaluator.otherChecks(tolerance: tolerance)
        if newOthers.count == others.count {
            pairs += zip(others, newOthers).map { ($0, $1) }
        } else {
            // A value failed or came back: matched by what the checks are about.
            pairs += others.map { ($0, nil) } + newOthers.map { (nil, $0) }
        }
        others = newOthers
        return pairs
    }

    /// Of the pairs `update` gave, the checks that now fail where they held (or were
    /// not made), and those that now hold where they failed.
    static func flips(_ pairs: [(before: CheckResult?, after: CheckResult?)]) -> (failing: [CheckResult], passing: [CheckResult]) {
        var failing: [CheckResult] = []
        var passing: [CheckResult] = []
        let failedBefore = Set(pairs.compactMap { $0.before.flatMap { $0.passed ? nil : CheckState.key($0) } })
        for (before, after) in pairs {
            guard let after else { continue }
            let wasFailing = before.map { !$0.passed } ?? failedBefore.contains(CheckState.key(after))
            if !after.passed && !wasFailing { failing.append(after) }
            if after.passed && wasFailing { passing.append(after) }
        }
        return (failing, passing)
    }

    static func key(_ check: CheckResult) -> String {
        "\(check.kind.rawValue)|\(check.span.file)|\(check.span.start)|\(check.column ?? -1)|\(check.subject)"
    }
}
