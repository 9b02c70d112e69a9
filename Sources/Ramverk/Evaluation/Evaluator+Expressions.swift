/// Expression evaluation. An expression is evaluated in the sign convention of the
/// table it is written in: a reference reads the referenced amount in that
/// convention, and the result is turned back into internal (result) sign at the root.
extension Evaluator {
    /// Evaluates an expression that must give an amount (a cell, a ram). Bare numbers
    /// become amounts in their unit. Returns the internal-sign amount, or with
    /// `keepSign` the amount as written.
    mutating func evaluateAmount(_ expression: ResolvedExpression, sign: SignConvention, column: Int?,
                                 keepSign: Bool = false) -> Money? {
        guard let value = evaluate(expression, sign: sign, column: column) else { return nil }
        guard let money = Arithmetic.asMoney(value) else {
            if case .number(_, .percent) = value {
                report(.percentWhereMoneyExpected, expression.span)
            } else if case .number(_, .plain) = value {
                report(.quotientWhereMoneyExpected, expression.span)
            } else {
                report(.overflow, expression.span)
            }
            return nil
        }
        if keepSign { return money }
        guard let result = money.negatedIf(sign.factor < 0) else {
            report(.overflow, expression.span)
            return nil
        }
        return result
    }

    /// An internal amount read in the convention `sign`.
    private mutating func local(_ money: Money?, _ sign: SignConvention, _ span: SourceSpan) -> Value? {
        guard let money else { return nil }
        guard let value = money.negatedIf(sign.factor < 0) else {
            report(.overflow, span)
            return nil
        }
        return .money(value)
    }

    private mutating func check(_ result: Result<Value, Problem>, _ span: SourceSpan) -> Value? {
        switch result {
        case .success(let value): return value
        case .failure(let problem):
            report(problem, span)
            return nil
        }
    }

    mutating func evaluate(_ expression: ResolvedExpression, sign: SignConvention, column: Int?) -> Value? {
        guard depth < Evaluator.maximumDepth else {
            report(.evaluationTooDeep(limit: Evaluator.maximumDepth), expression.span)
            return nil
        }
        depth += 1
        defer { depth -= 1 }
        switch expression {
        case .bareNumber(let ratio, let unit, _):
            return .number(ratio, .bare(unit))
        case .money(let money, _):
            return .money(money)
        case .percent(let ratio, _):
            return .number(ratio, .percent)
        case .post(let post, let explicit, let span):
            guard let column = explicit ?? column else { return columnNeeded(.post(post), span) }
            guard let value = cell(post, column, from: span) else { return nil }
            // An empty cell reads as zero in arithmetic.
            return local(value ?? .zero, sign, span)
        case .areaTotal(let area, let explicit, let span):
            guard let column = explicit ?? column else { return columnNeeded(.area(area), span) }
            guard let total = areaTotal(area, column, from: span) else { return nil }
            return local(total ?? .zero, sign, span)
        case .named(let index, let explicit, let span):
            guard let value = named(index, explicit ?? column, from: span) else { return nil }
            if case .money(let money) = value { return local(money, sign, span) }
            return value
        case .ram(let index, let span):
            // A ram is a net-cost figure; in internal sign it is negative.
            guard let netCost = ram(index, from: span), let inSign = netCost.negated() else { return nil }
            return local(inSign, sign, span)
        case .rowColumn(let column, let span):
            guard let row = currentRow, let value = cell(row, column, from: span) else { return nil }
            if value != nil { sawRowValue = true }
            return local(value ?? .zero, sign, span)
        case .periodShare(let months, let span):
            return periodShare(months, sign: sign, column: column, span: span)
        case .sum(let parts, let span):
            var total = Value.money(.zero)
            for part in parts {
                guard let value = evaluate(part, sign: sign, column: column),
                      let next = check(Arithmetic.apply(.add, total, value), span) else { return nil }
                total = next
            }
            return total
        case .withUnit(let inner, let unit, let span):
            guard let value = evaluate(inner, sign: sign, column: column) else { return nil }
            return check(Arithmetic.withUnit(value, unit), span)
        case .percentOf(let inner, let span):
            guard let value = evaluate(inner, sign: sign, column: column) else { return nil }
            return check(Arithmetic.percentOf(value), span)
        case .negate(let inner, let span):
            guard let value = evaluate(inner, sign: sign, column: column) else { return nil }
            return check(Arithmetic.negate(value), span)
        case .binary(let op, let left, let right, let span):
            guard let a = evaluate(left, sign: sign, column: column),
                  let b = evaluate(right, sign: sign, column: column) else { return nil }
            return check(Arithmetic.apply(op, a, b), span)
        case .invalid:
            return nil
        }
    }

    private mutating func columnNeeded(_ member: Member, _ span: SourceSpan) -> Value? {
        report(.columnNeeded(model.path(of: member)), span)
        return nil
    }
}
