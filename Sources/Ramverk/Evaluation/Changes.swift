/// The new value a change gives its target: `= uttryck`, `ökar med`, `minskar med`,
/// `uteblir`. Right-hand sides are evaluated in the unchanged model, in the column of
/// the year analysed and the sign of the table the change is written in.
extension WhatIf {
    /// The value `change` puts in place, in internal sign; nil (with a diagnostic) when it
    /// does not apply to its target.
    mutating func newValue(for change: Change) -> Value? {
        guard let current = baseValue(of: change.target) else { return nil }
        // In the change's own sign, as the user reads the figures where they wrote it.
        guard let written = evaluator.internalValue(current, sign: change.sign) else { return nil }
        let result: Value?
        switch change.kind {
        case .vanishes:
            switch written {
            case .money: result = .money(.zero)
            case .number(_, let kind): result = .number(.zero, kind)
            }
        case .set(let expression):
            guard let value = evaluator.evaluate(expression, sign: change.sign, column: column) else { return nil }
            result = replacement(written, by: value, change)
        case .increase(let expression, let points), .decrease(let expression, let points):
            guard let amount = evaluator.evaluate(expression, sign: change.sign, column: column) else { return nil }
            var increase = true
            if case .decrease = change.kind { increase = false }
            result = shifted(written, by: amount, points: points, increase: increase, change)
        }
        guard let result else { return nil }
        return evaluator.internalValue(result, sign: change.sign)
    }

    /// `= value`: an amount for an amount, a number for a number.
    private mutating func replacement(_ current: Value, by value: Value, _ change: Change) -> Value? {
        switch (current, value) {
        case (.money, _):
            if let money = Arithmetic.asMoney(value) { return .money(money) }
            evaluator.report(.changeKindMismatch(target: describe(current), change: describe(value)), change.span)
            return nil
        case (.number(_, let kind), .number(let ratio, _)):
            return .number(ratio, kind)
        case (.number, .money):
            evaluator.report(.changeKindMismatch(target: describe(current), change: describe(value)), change.span)
            return nil
        }
    }

    /// `ökar med` / `minskar med`: an amount by an amount or a percentage of itself; a
    /// percentage by procentenheter; a number by a number or a percentage of itself.
    private mutating func shifted(_ current: Value, by amount: Value, points: Bool, increase: Bool,
                                  _ change: Change) -> Value? {
        let delta: Value?
        switch (current, amount) {
        case (.money(let money), .number(let ratio, .percent)) where !points:
            delta = money.multiplied(by: ratio).map(Value.money)
        case (.money, _) where !points:
            guard let money = Arithmetic.asMoney(amount) else {
                evaluator.report(.changeKindMismatch(target: describe(current), change: describe(amount)), change.span)
                return nil
            }
            delta = .money(money)
        case (.number(_, .percent), .number(let ratio, let kind)) where points:
            // "1 procentenhet": a bare 1 is one hundredth; "1 % procentenheter" the same.
            delta = .number(kind == .percent ? ratio : Ratio(micros: ratio.micros / 100), .percent)
        case (.number(_, .percent), .number(_, .percent)):
            evaluator.report(.ambiguousPercentChange, change.span)
            return nil
        case (.number(let base, let kind), .number(let ratio, .percent)) where kind != .percent && !points:
            delta = base.multiplied(by: ratio).map { Value.number($0, kind) }
        case (.number(_, let kind), .number(let ratio, _)) where kind != .percent && !points:
            delta = .number(ratio, kind)
        default:
            evaluator.report(.changeKindMismatch(target: describe(current),
                                                 change: points ? "procentenheter" : describe(amount)), change.span)
            return nil
        }
        guard let delta else {
            evaluator.report(.overflow, change.span)
            return nil
        }
        switch Arithmetic.apply(increase ? .add : .subtract, current, delta) {
        case .success(let value): return value
        case .failure(let problem):
            evaluator.report(problem, change.span)
            return nil
        }
    }

    private func describe(_ value: Value) -> String {
        switch value {
        case .money: "ett belopp"
        case .number(_, .percent): "en procentsats"
        case .number: "ett tal"
        }
    }
}
