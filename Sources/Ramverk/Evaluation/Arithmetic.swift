/// The typing and arithmetic rules of the language, on `Value`s. A bare number (written
/// without unit) is an amount in its table's unit wherever an amount is needed, and
/// stays bare through × and ÷ by other numbers (`3 513 × 102 %`, `100 / 3`); an amount
/// times a number is an amount; an amount divided by an amount is a quotient; an amount
/// times an amount is an error. Every result is exact or rounded once (half away from
/// zero, see `ExactArithmetic`).
enum Arithmetic {
    static func apply(_ op: BinaryOperator, _ left: Value, _ right: Value) -> Result<Value, Problem> {
        switch (op, left, right) {
        case (.add, .money(let a), .money(let b)):
            return money(a.adding(b))
        case (.subtract, .money(let a), .money(let b)):
            return money(a.subtracting(b))
        case (.add, .money, .number), (.add, .number, .money),
             (.subtract, .money, .number), (.subtract, .number, .money):
            guard let a = asMoney(left), let b = asMoney(right) else {
                if case .number(_, .percent) = left { return .failure(.moneyPlusNumber) }
                if case .number(_, .percent) = right { return .failure(.moneyPlusNumber) }
                return .failure(.moneyPlusQuotient)
            }
            return op == .add ? money(a.adding(b)) : money(a.subtracting(b))
        case (.add, .number(let a, let ka), .number(let b, let kb)):
            return number(a.adding(b), sumKind(ka, kb))
        case (.subtract, .number(let a, let ka), .number(let b, let kb)):
            return number(a.subtracting(b), sumKind(ka, kb))
        case (.multiply, .money, .money):
            return .failure(.moneyTimesMoney)
        case (.multiply, .money(let a), .number(let b, _)), (.multiply, .number(let b, _), .money(let a)):
            return money(a.multiplied(by: b))
        case (.multiply, .number(let a, let ka), .number(let b, let kb)):
            return number(a.multiplied(by: b), productKind(ka, kb))
        case (.divide, .money(let a), .money(let b)):
            guard b.ore != 0 else { return .failure(.divisionByZero) }
            guard let ratio = a.ratio(to: b) else { return .failure(.overflow) }
            return .success(.number(ratio, .plain))
        case (.divide, .money(let a), .number(let b, _)):
            guard b.micros != 0 else { return .failure(.divisionByZero) }
            return money(a.divided(by: b))
        case (.divide, .number, .money):
            return .failure(.divideByMoney)
        case (.divide, .number(let a, let ka), .number(let b, let kb)):
            guard b.micros != 0 else { return .failure(.divisionByZero) }
            return number(a.divided(by: b), quotientKind(ka, kb))
        }
    }

    static func negate(_ value: Value) -> Result<Value, Problem> {
        switch value {
        case .money(let a): money(a.negated())
        case .number(let a, let kind): number(a.negated(), kind)
        }
    }

    /// `value` as an amount: amounts as they are, bare numbers in their unit (rounded
    /// to whole öre; a bare number written straight into a cell is checked for exactness
    /// before evaluation).
    static func asMoney(_ value: Value) -> Money? {
        switch value {
        case .money(let money): money
        case .number(let ratio, .bare(let unit)): ratio.moneyRounded(in: unit)
        case .number: nil
        }
    }

    /// `(expression) tkr`: a number given a unit.
    static func withUnit(_ value: Value, _ unit: MoneyUnit) -> Result<Value, Problem> {
        switch value {
        case .money: return .failure(.unitOnMoney)
        case .number(_, .percent): return .failure(.percentOfMoney)
        case .number(let ratio, _):
            guard let money = ratio.moneyRounded(in: unit) else { return .failure(.overflow) }
            return .success(.money(money))
        }
    }

    /// `(expression) %`.
    static func percentOf(_ value: Value) -> Result<Value, Problem> {
        switch value {
        case .money: return .failure(.percentOfMoney)
        // `löneökning %` where löneökning is already 2,4 %: silently 0,024 % before.
        case .number(_, .percent): return .failure(.percentOfPercent)
        case .number(let ratio, _):
            // The one rounding rule, not truncation: 0,000 150 % is 0,000 002, not 0,000 001.
            let micros = ExactArithmetic.divideRounded(Int128(ratio.micros), 100) ?? 0
            return .success(.number(Ratio(micros: Int64(micros)), .percent))
        }
    }

    /// Bare ± bare stays bare; a percentage mixed with anything else stays a percentage
    /// (so `100 + 3 %` is reported as a percentage, not an amount); a quotient of amounts
    /// makes the whole a quotient.
    private static func sumKind(_ a: Value.NumberKind, _ b: Value.NumberKind) -> Value.NumberKind {
        if a == b { return a }
        if a == .percent || b == .percent { return .percent }
        return .plain
    }

    /// A bare number scaled by a bare number or a percentage is still an amount in its
    /// unit; a quotient of amounts stays a quotient (`Tolk / Lokaler × 100` is no amount).
    private static func productKind(_ a: Value.NumberKind, _ b: Value.NumberKind) -> Value.NumberKind {
        if a == .plain || b == .plain { return .plain }
        if case .bare = a { return a }
        if case .bare = b { return b }
        return .percent
    }

    private static func quotientKind(_ a: Value.NumberKind, _ b: Value.NumberKind) -> Value.NumberKind {
        if a == .plain || b == .plain { return .plain }
        if case .bare = a { return a }
        return a == .percent && b != .percent ? .percent : .plain
    }

    private static func money(_ value: Money?) -> Result<Value, Problem> {
        value.map { .success(.money($0)) } ?? .failure(.overflow)
    }

    private static func number(_ value: Ratio?, _ kind: Value.NumberKind) -> Result<Value, Problem> {
        value.map { .success(.number($0, kind)) } ?? .failure(.overflow)
    }
}
