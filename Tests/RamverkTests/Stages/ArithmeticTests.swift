import Testing
@testable import Ramverk

/// Exact money and number arithmetic: one rounding rule (half away from zero), overflow
/// as a value (never a trap), and the typing rules of `Arithmetic`.
struct ArithmeticTests {
    static func money(_ ore: Int64) -> Value { .money(Money(ore: ore)) }
    static func bare(_ micros: Int64, _ unit: MoneyUnit = .tkr) -> Value { .number(Ratio(micros: micros), .bare(unit)) }
    static func percent(_ micros: Int64) -> Value { .number(Ratio(micros: micros), .percent) }
    static func plain(_ micros: Int64) -> Value { .number(Ratio(micros: micros), .plain) }

    static func apply(_ op: BinaryOperator, _ left: Value, _ right: Value) -> Result<Value, Problem> {
        Arithmetic.apply(op, left, right)
    }

    // MARK: - The rounding rule

    @Test(arguments: [
        // numerator, denominator, rounded
        (Int128(5), Int128(2), Int128(3)),      // 2,5 → 3
        (Int128(-5), Int128(2), Int128(-3)),    // −2,5 → −3 (away from zero, not up)
        (Int128(5), Int128(-2), Int128(-3)),
        (Int128(-5), Int128(-2), Int128(3)),
        (Int128(7), Int128(3), Int128(2)),      // 2,33 → 2
        (Int128(8), Int128(3), Int128(3)),      // 2,67 → 3
        (Int128(-7), Int128(3), Int128(-2)),
        (Int128(-8), Int128(3), Int128(-3)),
        (Int128(6), Int128(3), Int128(2)),      // exact
        (Int128(1), Int128(1_000_000), Int128(0)),
        (Int128(500_000), Int128(1_000_000), Int128(1)),
        (Int128(-500_000), Int128(1_000_000), Int128(-1)),
        (Int128(-499_999), Int128(1_000_000), Int128(0)),
    ])
    func divideRoundedHalfAwayFromZero(numerator: Int128, denominator: Int128, expected: Int128) {
        #expect(ExactArithmetic.divideRounded(numerator, denominator) == expected)
    }

    @Test func divideByZeroIsNil() {
        #expect(ExactArithmetic.divideRounded(5, 0) == nil)
    }

    @Test func narrowing() {
        #expect(ExactArithmetic.narrow(Int128(Int64.max)) == Int64.max)
        #expect(ExactArithmetic.narrow(Int128(Int64.min)) == Int64.min)
        #expect(ExactArithmetic.narrow(Int128(Int64.max) + 1) == nil)
        #expect(ExactArithmetic.narrow(Int128(Int64.min) - 1) == nil)
    }

    // MARK: - Money

    @Test func moneyTimesRatioRoundsHalfAwayFromZero() {
        let half = Ratio(micros: 500_000)
        #expect(Money(ore: 5).multiplied(by: half) == Money(ore: 3))
        #expect(Money(ore: -5).multiplied(by: half) == Money(ore: -3))
        #expect(Money(ore: 4).multiplied(by: half) == Money(ore: 2))
        #expect(Money(ore: 7).multiplied(by: half) == Money(ore: 4))
        #expect(Money(ore: -7).multiplied(by: half) == Money(ore: -4))
        // 3 öre × 1,5 = 4,5 → 5; 1 öre × 0,49 = 0,49 → 0.
        #expect(Money(ore: 3).multiplied(by: Ratio(micros: 1_500_000)) == Money(ore: 5))
        #expect(Money(ore: 1).multiplied(by: Ratio(micros: 490_000)) == Money(ore: 0))
        // Large amounts keep every öre: 10 010,01 kr × 0,5 = 5 005,005 kr → 5 005,01 kr.
        #expect(Money(ore: 1_001_001).multiplied(by: half) == Money(ore: 500_501))
        #expect(Money(ore: -1_001_001).multiplied(by: half) == Money(ore: -500_501))
    }

    @Test func moneyDividedRoundsHalfAwayFromZero() {
        let three = Ratio(micros: 3_000_000)
        #expect(Money(ore: 100).divided(by: three) == Money(ore: 33))
        #expect(Money(ore: 200).divided(by: three) == Money(ore: 67))
        #expect(Money(ore: -200).divided(by: three) == Money(ore: -67))
        #expect(Money(ore: 5).divided(by: Ratio(micros: 2_000_000)) == Money(ore: 3))
        #expect(Money(ore: -5).divided(by: Ratio(micros: 2_000_000)) == Money(ore: -3))
        #expect(Money(ore: 5).divided(by: .zero) == nil)
    }

    @Test func moneyRatioToMoney() {
        #expect(Money(ore: 1).ratio(to: Money(ore: 3)) == Ratio(micros: 333_333))
        #expect(Money(ore: 2).ratio(to: Money(ore: 3)) == Ratio(micros: 666_667))
        #expect(Money(ore: -2).ratio(to: Money(ore: 3)) == Ratio(micros: -666_667))
        // 60 166 / 59 073 − 1 = +1,85 %: the brandförsvar increase.
        #expect(Money(ore: 6_016_600_000).ratio(to: Money(ore: 5_907_300_000)) == Ratio(micros: 1_018_503))
        #expect(Money(ore: 1).ratio(to: .zero) == nil)
    }

    @Test func moneyOverflowIsNilNeverATrap() {
        let max = Money(ore: .max)
        let min = Money(ore: .min)
        #expect(max.adding(Money(ore: 1)) == nil)
        #expect(min.subtracting(Money(ore: 1)) == nil)
        #expect(min.negated() == nil)
        #expect(max.negated() == Money(ore: -Int64.max))
        #expect(max.multiplied(by: Ratio(micros: 2_000_000)) == nil)
        #expect(max.divided(by: Ratio(micros: 500_000)) == nil)
        #expect(min.ratio(to: Money(ore: 1)) == nil)
        #expect(max.adding(Money(ore: -1)) == Money(ore: .max - 1))
    }

    @Test func ratioArithmetic() {
        let oneOhTwo = Ratio(micros: 1_020_000)
        #expect(oneOhTwo.multiplied(by: oneOhTwo) == Ratio(micros: 1_040_400))
        #expect(Ratio(micros: 1).multiplied(by: Ratio(micros: 500_000)) == Ratio(micros: 1))
        #expect(Ratio(micros: -1).multiplied(by: Ratio(micros: 500_000)) == Ratio(micros: -1))
        #expect(Ratio.one.divided(by: Ratio(micros: 3_000_000)) == Ratio(micros: 333_333))
        #expect(Ratio(micros: 2_000_000).divided(by: Ratio(micros: 3_000_000)) == Ratio(micros: 666_667))
        #expect(Ratio.one.divided(by: .zero) == nil)
        #expect(Ratio(micros: .max).adding(Ratio(micros: 1)) == nil)
        #expect(Ratio(micros: .min).negated() == nil)
    }

    @Test func ratioAsMoneyRounded() {
        #expect(Ratio(micros: 5_000).moneyRounded(in: .kr) == Money(ore: 1))     // 0,5 öre
        #expect(Ratio(micros: -5_000).moneyRounded(in: .kr) == Money(ore: -1))
        #expect(Ratio(micros: 4_999).moneyRounded(in: .kr) == Money(ore: 0))
        #expect(Ratio(micros: .max).moneyRounded(in: .mdkr) == nil)
    }

    @Test func ratioAsMoney() {
        #expect(Ratio(micros: 1_500_000).money(in: .tkr) == Money(ore: 150_000))
        #expect(Ratio(micros: 1_500_000).money(in: .mnkr) == Money(ore: 150_000_000))
        #expect(Ratio(micros: 1_234_567).money(in: .kr) == nil)  // 123,4567 öre
        #expect(Ratio(micros: 10_000).money(in: .kr) == Money(ore: 1))
    }

    @Test func numberLiterals() {
        let literal = NumberLiteral(mantissa: 2470, decimals: 1)
        #expect(literal.money(in: .mnkr) == Money(ore: 24_700_000_000))
        #expect(literal.money(in: .tkr) == Money(ore: 24_700_000))
        #expect(literal.ratio == Ratio(micros: 247_000_000))
        #expect(literal.integer == nil)
        #expect(NumberLiteral(mantissa: 1234, decimals: 3).money(in: .kr) == nil)
        #expect(NumberLiteral(mantissa: 1, decimals: 7).ratio == nil)
        #expect(NumberLiteral(mantissa: 2021, decimals: 0).integer == 2021)
        // 999 999 999 999 999 999 mdkr does not fit: nil, not a trap.
        #expect(NumberLiteral(mantissa: 999_999_999_999_999_999, decimals: 0).money(in: .mdkr) == nil)
        #expect(NumberLiteral(mantissa: 999_999_999_999_999_999, decimals: 0).ratio == nil)
    }

    @Test func scaledForDisplayRoundsHalfAwayFromZero() {
        #expect(Money(ore: 24_700_000_000).scaled(in: .mnkr, decimals: 1) == 2470)
        #expect(Money(ore: 50_000).scaled(in: .tkr, decimals: 0) == 1)
        #expect(Money(ore: -50_000).scaled(in: .tkr, decimals: 0) == -1)
        #expect(Money(ore: 49_999).scaled(in: .tkr, decimals: 0) == 0)
        #expect(Money(ore: 12_345).scaled(in: .kr, decimals: 2) == 12_345)
    }

    // MARK: - Typing rules

    @Test func moneyPlusMoney() {
        #expect(ArithmeticTests.apply(.add, ArithmeticTests.money(150), ArithmeticTests.money(-50)) == .success(ArithmeticTests.money(100)))
        #expect(ArithmeticTests.apply(.subtract, ArithmeticTests.money(150), ArithmeticTests.money(-50)) == .success(ArithmeticTests.money(200)))
    }

    @Test func bareNumberNextToMoneyTakesItsTablesUnit() {
        // 10 tkr + 5 (in a tkr table) = 15 tkr; 5 − 10 tkr = −5 tkr.
        #expect(ArithmeticTests.apply(.add, ArithmeticTests.money(1_000_000), ArithmeticTests.bare(5_000_000))
                == .success(ArithmeticTests.money(1_500_000)))
        #expect(ArithmeticTests.apply(.subtract, ArithmeticTests.bare(5_000_000), ArithmeticTests.money(1_000_000))
                == .success(ArithmeticTests.money(-500_000)))
        // In a kr table the same 5 is 5 kr.
        #expect(ArithmeticTests.apply(.add, ArithmeticTests.money(0), ArithmeticTests.bare(5_000_000, .kr))
                == .success(ArithmeticTests.money(500)))
    }

    @Test func moneyPlusPercentIsAnError() {
        #expect(ArithmeticTests.apply(.add, ArithmeticTests.money(100), ArithmeticTests.percent(30_000)) == .failure(.moneyPlusNumber))
        #expect(ArithmeticTests.apply(.add, ArithmeticTests.percent(30_000), ArithmeticTests.money(100)) == .failure(.moneyPlusNumber))
    }

    @Test func moneyPlusQuotientIsAnError() {
        // A quotient of two amounts (a plain number) is not an amount either.
        #expect(ArithmeticTests.apply(.subtract, ArithmeticTests.plain(1_000_000), ArithmeticTests.money(100)) == .failure(.moneyPlusQuotient))
        #expect(ArithmeticTests.apply(.add, ArithmeticTests.money(100), ArithmeticTests.plain(1_000_000)) == .failure(.moneyPlusQuotient))
    }

    @Test func moneyTimesMoneyIsAnError() {
        #expect(ArithmeticTests.apply(.multiply, ArithmeticTests.money(100), ArithmeticTests.money(200)) == .failure(.moneyTimesMoney))
    }

    @Test func moneyTimesNumberEitherWay() {
        // 1 000 tkr × 3,7 % = 37 tkr.
        #expect(ArithmeticTests.apply(.multiply, ArithmeticTests.money(100_000_000), ArithmeticTests.percent(37_000))
                == .success(ArithmeticTests.money(3_700_000)))
        #expect(ArithmeticTests.apply(.multiply, ArithmeticTests.bare(2_000_000), ArithmeticTests.money(-150))
                == .success(ArithmeticTests.money(-300)))
    }

    @Test func moneyOverMoneyIsAPlainNumber() {
        #expect(ArithmeticTests.apply(.divide, ArithmeticTests.money(300), ArithmeticTests.money(200)) == .success(ArithmeticTests.plain(1_500_000)))
        #expect(ArithmeticTests.apply(.divide, ArithmeticTests.money(300), ArithmeticTests.money(0)) == .failure(.divisionByZero))
    }

    @Test func divisionByZero() {
        #expect(ArithmeticTests.apply(.divide, ArithmeticTests.money(300), ArithmeticTests.bare(0)) == .failure(.divisionByZero))
        #expect(ArithmeticTests.apply(.divide, ArithmeticTests.bare(1_000_000), ArithmeticTests.percent(0)) == .failure(.divisionByZero))
    }

    @Test func numberOverMoneyIsAnError() {
        #expect(ArithmeticTests.apply(.divide, ArithmeticTests.bare(1_000_000), ArithmeticTests.money(100)) == .failure(.divideByMoney))
    }

    @Test func numberKinds() {
        // bare × bare stays bare (so it can still become an amount); a sum with a
        // percentage is a percentage (and so never silently an amount).
        #expect(ArithmeticTests.apply(.multiply, ArithmeticTests.bare(2_000_000), ArithmeticTests.bare(3_000_000))
                == .success(ArithmeticTests.bare(6_000_000)))
        #expect(ArithmeticTests.apply(.add, ArithmeticTests.bare(2_000_000), ArithmeticTests.percent(30_000))
                == .success(ArithmeticTests.percent(2_030_000)))
        #expect(ArithmeticTests.apply(.add, ArithmeticTests.percent(20_000), ArithmeticTests.percent(30_000))
                == .success(ArithmeticTests.percent(50_000)))
        #expect(ArithmeticTests.apply(.divide, ArithmeticTests.percent(30_000), ArithmeticTests.bare(3_000_000))
                == .success(ArithmeticTests.percent(10_000)))
        // A bare number scaled by any number stays an amount in its unit.
        #expect(ArithmeticTests.apply(.divide, ArithmeticTests.bare(100_000_000), ArithmeticTests.bare(3_000_000))
                == .success(ArithmeticTests.bare(33_333_333)))
        #expect(ArithmeticTests.apply(.multiply, ArithmeticTests.percent(20_000), ArithmeticTests.bare(3_513_000_000))
                == .success(ArithmeticTests.bare(70_260_000)))
        // A quotient of amounts stays a quotient, whatever is added to or multiplied by it.
        #expect(ArithmeticTests.apply(.add, ArithmeticTests.plain(500_000), ArithmeticTests.bare(1_000_000))
                == .success(ArithmeticTests.plain(1_500_000)))
        #expect(ArithmeticTests.apply(.multiply, ArithmeticTests.plain(500_000), ArithmeticTests.bare(100_000_000))
                == .success(ArithmeticTests.plain(50_000_000)))
        #expect(ArithmeticTests.apply(.multiply, ArithmeticTests.percent(500_000), ArithmeticTests.percent(500_000))
                == .success(ArithmeticTests.percent(250_000)))
        #expect(ArithmeticTests.apply(.divide, ArithmeticTests.plain(1_000_000), ArithmeticTests.plain(4_000_000))
                == .success(ArithmeticTests.plain(250_000)))
    }

    @Test func overflowBecomesAProblem() {
        let big = ArithmeticTests.money(.max)
        #expect(ArithmeticTests.apply(.add, big, ArithmeticTests.money(1)) == .failure(.overflow))
        #expect(ArithmeticTests.apply(.subtract, ArithmeticTests.money(.min), ArithmeticTests.money(1)) == .failure(.overflow))
        #expect(ArithmeticTests.apply(.multiply, big, ArithmeticTests.bare(2_000_000)) == .failure(.overflow))
        #expect(ArithmeticTests.apply(.multiply, ArithmeticTests.plain(.max), ArithmeticTests.plain(2_000_000)) == .failure(.overflow))
        #expect(Arithmetic.negate(ArithmeticTests.money(.min)) == .failure(.overflow))
        #expect(Arithmetic.negate(ArithmeticTests.money(5)) == .success(ArithmeticTests.money(-5)))
    }

    @Test func unitsAndPercentOnValues() {
        #expect(Arithmetic.withUnit(ArithmeticTests.bare(1_500_000), .tkr) == .success(ArithmeticTests.money(150_000)))
        // Rounded to whole öre, half away from zero: 1,234567 kr → 123 öre; −0,005 kr → −1 öre.
        #expect(Arithmetic.withUnit(ArithmeticTests.plain(1_234_567), .kr) == .success(ArithmeticTests.money(123)))
        #expect(Arithmetic.withUnit(ArithmeticTests.plain(-5_000), .kr) == .success(ArithmeticTests.money(-1)))
        #expect(Arithmetic.withUnit(ArithmeticTests.plain(.max), .mdkr) == .failure(.overflow))
        #expect(Arithmetic.withUnit(ArithmeticTests.money(100), .tkr) == .failure(.unitOnMoney))
        #expect(Arithmetic.withUnit(ArithmeticTests.percent(30_000), .tkr) == .failure(.percentOfMoney))
        #expect(Arithmetic.percentOf(ArithmeticTests.bare(50_000_000)) == .success(ArithmeticTests.percent(500_000)))
        #expect(Arithmetic.percentOf(ArithmeticTests.money(100)) == .failure(.percentOfMoney))
        #expect(Arithmetic.asMoney(ArithmeticTests.bare(2_000_000, .mnkr)) == Money(ore: 200_000_000))
        #expect(Arithmetic.asMoney(ArithmeticTests.bare(1_234_567, .kr)) == Money(ore: 123))
        #expect(Arithmetic.asMoney(ArithmeticTests.bare(-1_235_000, .kr)) == Money(ore: -124))
        #expect(Arithmetic.asMoney(ArithmeticTests.percent(2_000_000)) == nil)
        #expect(Arithmetic.asMoney(ArithmeticTests.plain(2_000_000)) == nil)
    }
}
