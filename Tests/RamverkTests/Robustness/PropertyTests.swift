import Testing
@testable import Ramverk

/// Properties over many seeded random inputs (the same seeds every run, so a failure
/// names its seed and repeats): formatting keeps the meaning, exact amounts obey the
/// laws of arithmetic, and amounts go through units and printing and back unchanged.
struct PropertyTests {
    // MARK: - parse ∘ format ∘ parse

    @Test("a generated scenario formats to a file with the same syntax tree, problems and report, once and for all")
    func formatKeepsTheModel() {
        var evaluated = 0
        for seed in UInt64(1)...400 {
            var generator = ScenarioGenerator(seed: seed)
            let text = generator.scenario()
            let bytes = Array(text.utf8)
            let outcome = Formatter.format(SourceFile(path: "gen.ramverk", bytes: bytes))
            guard case .formatted(let output) = outcome else {
                let run = Scenario.run(text)
                Issue.record("seed \(seed): the generated scenario does not format:\n\(text)\n\(Scenario.render(run))")
                continue
            }
            #expect(Formatter.format(SourceFile(path: "gen.ramverk", bytes: output)) == .formatted(output), "seed \(seed)")
            FormatterCorpusTests.expectSameMeaning(bytes, output, name: "seed \(seed)")
            if Scenario.run(text).evaluation != nil { evaluated += 1 }
        }
        // Most generated scenarios check without errors, so their reports are compared too.
        #expect(evaluated > 200)
    }

    // MARK: - Exact arithmetic

    /// Amounts from every range: small, typical, near the limits, the limits.
    static func amount(_ random: inout MutationTests.SplitMix64) -> Int64 {
        switch random.next() % 6 {
        case 0: return Int64(bitPattern: random.next() % 2_001) - 1_000
        case 1: return Int64(bitPattern: random.next() % 2_000_000_000_001) - 1_000_000_000_000
        case 2: return Int64(bitPattern: random.next())
        case 3: return Int64.max - Int64(random.next() % 1_000)
        case 4: return Int64.min + Int64(random.next() % 1_000)
        default: return [0, 1, -1, Int64.max, Int64.min][Int(random.next() % 5)]
        }
    }

    @Test("addition and subtraction of amounts: the group laws wherever they do not overflow, nil where they do")
    func additionLaws() {
        var random = MutationTests.SplitMix64(state: 91)
        for _ in 0..<20_000 {
            let a = Money(ore: PropertyTests.amount(&random))
            let b = Money(ore: PropertyTests.amount(&random))
            let c = Money(ore: PropertyTests.amount(&random))
            #expect(a.adding(b) == b.adding(a))
            #expect(a.adding(.zero) == a && a.subtracting(.zero) == a)
            #expect(a.subtracting(a) == .zero)
            if let ab = a.adding(b), let abc = ab.adding(c), let bc = b.adding(c), let abc2 = a.adding(bc) {
                #expect(abc == abc2, "(\(a) + \(b)) + \(c)")
            }
            if let sum = a.adding(b) {
                #expect(sum.subtracting(b) == a)
                #expect(Int128(sum.ore) == Int128(a.ore) + Int128(b.ore))
            } else {
                let exact = Int128(a.ore) + Int128(b.ore)
                #expect(exact > Int128(Int64.max) || exact < Int128(Int64.min), "nil without overflow")
            }
            if let negated = b.negated() { #expect(a.subtracting(b) == a.adding(negated)) }
            #expect((a < b) == (a.ore < b.ore))
        }
    }

    @Test("an amount times a number: exact to the öre, halves away from zero, odd in sign, never a trap")
    func multiplicationRounding() {
        var random = MutationTests.SplitMix64(state: 92)
        for _ in 0..<20_000 {
            let a = Money(ore: PropertyTests.amount(&random))
            let r = Ratio(micros: PropertyTests.amount(&random) % 10_000_000_000)
            #expect(a.multiplied(by: .one) == a)
            #expect(a.multiplied(by: .zero) == .zero)
            #expect(a.divided(by: .zero) == nil)
            guard let product = a.multiplied(by: r) else { continue }
            // |product × 10⁶ − a × r| ≤ ½ · 10⁶, and a tie goes away from zero.
            let exact = Int128(a.ore) * Int128(r.micros)
            let error = Int128(product.ore) * 1_000_000 - exact
            #expect(error.magnitude <= 500_000, "\(a) × \(r)")
            if error.magnitude == 500_000 { #expect((error > 0) == (exact > 0)) }
            if let minusA = a.negated(), let minusProduct = product.negated() {
                #expect(minusA.multiplied(by: r) == minusProduct)
            }
            if r.micros != 0, let quotient = a.divided(by: r) {
                let remainder = Int128(quotient.ore) * Int128(r.micros) - Int128(a.ore) * 1_000_000
                #expect(remainder.magnitude * 2 <= r.micros.magnitude, "\(a) / \(r)")
            }
            if a.ore != 0, let share = a.ratio(to: a) { #expect(share == .one) }
        }
    }

    @Test("the arithmetic of values: + and × commute, money × money is refused, a percentage of a percentage too")
    func valueLaws() {
        var random = MutationTests.SplitMix64(state: 93)
        let kinds: [Value.NumberKind] = [.plain, .percent, .bare(.tkr)]
        for _ in 0..<5_000 {
            let money = Value.money(Money(ore: PropertyTests.amount(&random) / 1_000))
            let number = Value.number(Ratio(micros: PropertyTests.amount(&random) / 1_000_000), kinds[Int(random.next() % 3)])
            for (x, y) in [(money, number), (number, money), (number, number), (money, money)] {
                #expect(Arithmetic.apply(.add, x, y) == Arithmetic.apply(.add, y, x))
                #expect(Arithmetic.apply(.multiply, x, y) == Arithmetic.apply(.multiply, y, x))
            }
            #expect(Arithmetic.apply(.multiply, money, money) == .failure(.moneyTimesMoney))
            #expect(Arithmetic.percentOf(.number(Ratio(micros: 5), .percent)) == .failure(.percentOfPercent))
        }
    }

    // MARK: - Units

    @Test("an amount written in a unit reads back as the same amount, in every unit and as printed")
    func unitRoundTrips() {
        var random = MutationTests.SplitMix64(state: 94)
        for _ in 0..<300 {
            // Up to 10¹⁵ öre: every unit can write it in 18 digits.
            let money = Money(ore: Int64(bitPattern: random.next() % 2_000_000_000_000_000) - 1_000_000_000_000_000)
            for unit in MoneyUnit.allCases {
                let decimals = SwedishNumberFormat.exactDecimals([money], unit: unit)
                let scaled = money.scaled(in: unit, decimals: decimals)
                #expect(Int128(scaled) * Int128(unit.ore) == Int128(money.ore) * Int128(ExactArithmetic.pow10(decimals)))
                // As a number of the unit (Ratio holds six decimals), where it fits.
                if decimals <= 6, case let (micros, false) = scaled.multipliedReportingOverflow(by: ExactArithmetic.pow10(6 - decimals)) {
                    #expect(Ratio(micros: micros).money(in: unit) == money)
                }
                // As a report prints it, typographic minus and digit groups, read by the parser.
                let printed = SwedishNumberFormat.format(money, unit: unit, decimals: decimals)
                let other = MoneyUnit.allCases[Int(random.next() % 4)]
                let run = Scenario.run("tecken resultat\nenhet \(other.rawValue)\nkolumn 2024\npost A 2024: \(printed) \(unit.rawValue)\n")
                #expect(run.value("A", "2024") == money, "\(printed) \(unit.rawValue) in a \(other.rawValue) table")
            }
        }
    }
}
