/// The checks a user writes or implies: values printed in computed columns, `förvänta`,
/// `kontroll` and `unika nummer`.
extension Evaluator {
    /// Every value printed in a computed column against the column's formula.
    mutating func checkFormulas(into checks: inout [CheckResult], tolerance: Money) {
        for (column, info) in model.columns.enumerated() where info.formula != nil {
            for post in 0..<model.posts.count {
                if let check = checkFormula(post: post, column: column, tolerance: tolerance) { checks.append(check) }
            }
        }
    }

    /// A value printed in a computed column against the column's formula; nil when the
    /// cell is empty or a value failed (a what-if checks one cell at a time).
    mutating func checkFormula(post: Int, column: Int, tolerance: Money) -> CheckResult? {
        let info = model.columns[column]
        guard info.formula != nil else { return nil }
        if case .empty = model.cell(post: post, column: column) { return nil }
        guard let printedCell = cell(post, column, from: model.posts[post].span), let printed = printedCell,
              let formulaCell = formulaValue(post: post, column: column), let computed = formulaCell else { return nil }
        let flip = model.posts[post].sign.factor < 0
        guard let shownPrinted = printed.negatedIf(flip), let shownComputed = computed.negatedIf(flip),
              let difference = shownPrinted.subtracting(shownComputed) else { return nil }
        return CheckResult(
            kind: .formula, passed: difference.ore.magnitude <= tolerance.ore.magnitude,
            span: model.posts[post].span, column: column,
            subject: "\(model.posts[post].name), \(info.label) (\(info.formulaText ?? ""))",
            stated: shownPrinted, computed: shownComputed, difference: difference)
    }

    mutating func checkExpectations(into checks: inout [CheckResult], tolerance: Money) {
        for expectation in model.expectations {
            guard let actual = evaluate(expectation.actual, sign: expectation.sign, column: nil),
                  let expected = evaluate(expectation.expected, sign: expectation.sign, column: nil) else { continue }
            let subject = expectation.label ?? expectation.text
            var allowed = (money: tolerance, number: expectation.impliedTolerance ?? Ratio(micros: 0))
            if let written = expectation.tolerance,
               let value = evaluate(written, sign: expectation.sign, column: nil) {
                switch value {
                case .money(let money): allowed.money = money
                case .number(let ratio, .bare(let unit)):
                    allowed.money = ratio.moneyRounded(in: unit) ?? tolerance
                    allowed.number = ratio
                case .number(let ratio, _): allowed.number = ratio
                }
            }
            if let result = compare(actual, expected, subject: subject, span: expectation.span, allowed: allowed,
                                    kind: .expectation, comparison: .equal) {
                checks.append(result)
            }
        }
    }

    mutating func checkConditions(into checks: inout [CheckResult], tolerance: Money) {
        for condition in model.conditions {
            guard let left = evaluate(condition.left, sign: condition.sign, column: nil),
                  let right = evaluate(condition.right, sign: condition.sign, column: nil) else { continue }
            let subject = condition.label ?? condition.text
            if let result = compare(left, right, subject: subject, span: condition.span,
                                    allowed: (tolerance, Ratio(micros: 0)), kind: .condition,
                                    comparison: condition.comparison) {
                checks.append(result)
            }
        }
    }

    /// `computed ⋚ stated`, for two amounts or two numbers; nil (with a diagnostic)
    /// when one side is an amount and the other a number.
    private mutating func compare(_ computed: Value, _ stated: Value, subject: String, span: SourceSpan,
                                  allowed: (money: Money, number: Ratio), kind: CheckResult.Kind,
                                  comparison: Comparison) -> CheckResult? {
        let bothNumbers: Bool
        switch (computed, stated) {
        case (.number(_, .bare), .number(_, .bare)), (.money, _), (_, .money): bothNumbers = false
        default: bothNumbers = true
        }
        if !bothNumbers {
            guard let a = Arithmetic.asMoney(computed), let b = Arithmetic.asMoney(stated) else {
                report(.comparesAmountWithNumber, span)
                return nil
            }
            guard let difference = b.subtracting(a) else {
                report(.overflow, span)
                return nil
            }
            let passed = holds(comparison, a.ore, b.ore, within: allowed.money.ore.magnitude)
            return CheckResult(kind: kind, passed: passed, span: span, subject: subject, stated: b, computed: a,
                               difference: difference, comparison: comparison)
        }
        guard case .number(let a, let kindA) = computed, case .number(let b, let kindB) = stated,
              let difference = b.subtracting(a) else {
            report(.overflow, span)
            return nil
        }
        let passed = holds(comparison, a.micros, b.micros, within: allowed.number.micros.magnitude)
        return CheckResult(kind: kind, passed: passed, span: span, subject: subject, stated: .zero, computed: .zero,
                           difference: .zero,
                           numbers: .init(stated: b, computed: a, difference: difference,
                                          percent: kindA == .percent || kindB == .percent),
                           comparison: comparison)
    }

    private func holds(_ comparison: Comparison, _ a: Int64, _ b: Int64, within tolerance: UInt64) -> Bool {
        let close = (a > b ? UInt64(a - b) : UInt64(b - a)) <= tolerance
        switch comparison {
        case .equal: return close
        case .notEqual: return a != b
        case .less: return a < b
        case .lessOrEqual: return a <= b
        case .greater: return a > b
        case .greaterOrEqual: return a >= b
        }
    }

    /// `unika nummer`: posts whose names begin with a number (a project or programme
    /// number) must not share it.
    mutating func checkUniqueNumbers(into checks: inout [CheckResult]) {
        for (area, span) in model.uniqueNumberScopes {
            var byNumber: [String: [String]] = [:]
            var order: [String] = []
            for post in posts(under: area) {
                let name = model.posts[post].name
                let number = String(name.prefix { $0 != " " })
                guard !number.isEmpty, number.allSatisfy(\.isNumber) else { continue }
                if byNumber[number] == nil { order.append(number) }
                byNumber[number, default: []].append(name.dropFirst(number.count).trimmingPrefixSpaces)
            }
            let place = area.map { model.areas[$0].name } ?? "filen"
            let shared = order.filter { (byNumber[$0]?.count ?? 0) > 1 }
            if shared.isEmpty {
                checks.append(CheckResult(kind: .uniqueNumbers, passed: true, span: span,
                                          subject: "Unika nummer i \(place)", stated: .zero, computed: .zero,
                                          difference: .zero))
            }
            for number in shared {
                let names = byNumber[number] ?? []
                checks.append(CheckResult(kind: .uniqueNumbers, passed: false, span: span,
                                          subject: "Nummer \(number) i \(place)", stated: .zero, computed: .zero,
                                          difference: .zero,
                                          detail: "används av \(names.count) poster: \(names.joined(separator: ", "))"))
            }
        }
    }

    /// Every post in an area and its sub-areas (or the whole file), in written order.
    private func posts(under area: Int?) -> [Int] {
        guard let area else { return Array(model.posts.indices) }
        var result: [Int] = []
        for member in model.areas[area].members {
            switch member {
            case .post(let post): result.append(post)
            case .area(let child): result += posts(under: child)
            case .named: break
            }
        }
        return result
    }
}

extension Substring {
    var trimmingPrefixSpaces: String { String(drop { $0 == " " }) }
}
