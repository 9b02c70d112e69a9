/// A reserve worked through: what it opened with, each decision in date order with what
/// is left after it, and whether any decision drew more than was left. Amounts are
/// positive sums of money (net cost), whatever sign the budget table is printed in.
public struct ReserveResult: Sendable {
    public struct Line: Sendable {
        public var reference: String
        public var amount: Money?
        /// The post the money went to, or the receiver outside the nämnd.
        public var destination: String
        public var external: Bool
        public var note: String?
        public var remainingAfter: Money?
    }
    public var name: String
    public var columnLabel: String
    public var opening: Money?
    public var lines: [Line]
    public var drawn: Money
    /// Of `drawn`, what left the nämnd (its budget falls by this much).
    public var drawnExternally: Money
    public var remaining: Money?
}

extension Evaluator {
    mutating func workThrough(_ reserve: Reserve, into checks: inout [CheckResult]) -> ReserveResult {
        let post = model.posts[reserve.post]
        let opening = (cell(reserve.post, reserve.column, from: reserve.span) ?? nil).flatMap { $0.negated() }
        if opening == nil, case .empty = model.cell(post: reserve.post, column: reserve.column) {
            report(.reserveIsEmpty(post.name), reserve.span)
        }
        var result = ReserveResult(name: post.name, columnLabel: model.columns[reserve.column].label,
                                   opening: opening, lines: [], drawn: .zero, drawnExternally: .zero, remaining: opening)
        var overdraft: (reference: String, left: Money, amount: Money)?
        for decision in reserve.decisions {
            let amount = evaluateAmount(decision.amount, sign: decision.sign, column: reserve.column, keepSign: true)
            let destination: String
            let external: Bool
            switch decision.destination {
            case .post(let target):
                destination = model.posts[target].name
                external = false
            case .external(let receiver):
                destination = receiver
                external = true
            }
            if let amount {
                if let left = result.remaining, overdraft == nil, amount > left {
                    overdraft = (decision.reference, left, amount)
                }
                result.remaining = result.remaining.flatMap { $0.subtracting(amount) }
                result.drawn = result.drawn.adding(amount) ?? result.drawn
                if external { result.drawnExternally = result.drawnExternally.adding(amount) ?? result.drawnExternally }
            }
            result.lines.append(.init(reference: decision.reference, amount: amount, destination: destination,
                                      external: external, note: decision.note, remainingAfter: result.remaining))
        }
        if let opening = result.opening, let remaining = result.remaining {
            var check = CheckResult(kind: .reserve, passed: overdraft == nil, span: reserve.span, column: reserve.column,
                                    subject: "Reserven \(post.name), \(result.columnLabel)",
                                    stated: opening, computed: result.drawn, difference: remaining)
            if let overdraft {
                let unit = model.displayUnit
                check.detail = "beslut \(overdraft.reference) tar \(SwedishNumberFormat.formatWithUnit(overdraft.amount, unit: unit))"
                    + " men bara \(SwedishNumberFormat.formatWithUnit(overdraft.left, unit: unit)) finns kvar"
            }
            checks.append(check)
        }
        return result
    }
}
