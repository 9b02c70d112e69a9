import Testing
@testable import Ramverk

/// The fast paths of the text table (widths without formatting, digits written in
/// place, division by a reciprocal, 64-bit percentages, names measured eight bytes at
/// a time) against the plain ways they replace, on the values where such code goes
/// wrong: zero, ±1, powers of ten and their neighbours, halves, the ends of Int64,
/// and a spread of others.
struct TextTableFastPathTests {
    static let values: [Int64] = {
        var values: [Int64] = [0, 1, -1, 5, -5, 49_999, 50_000, -50_000, 149_999, 150_000, .max, .min, .max - 1, .min + 1]
        var power: Int64 = 1
        for _ in 0...18 {
            values += [power, power - 1, power + 1, -power, -power + 1, -power - 1, power / 2, -(power / 2)]
            power = power &* 10
        }
        var generator = SystemRandomNumberGenerator()
        for _ in 0..<2_000 {
            let digits = Int.random(in: 1...18, using: &generator)
            values.append(Int64.random(in: -TextTableFastPathTests.pow10(digits)...TextTableFastPathTests.pow10(digits), using: &generator))
        }
        return values
    }()

    static func pow10(_ exponent: Int) -> Int64 {
        (0..<exponent).reduce(1) { result, _ in result * 10 }
    }

    @Test func widthIsTheLengthOfTheFormattedNumber() {
        for value in Self.values {
            for decimals in 0...3 {
                let text = SwedishNumberFormat.format(scaled: value, decimals: decimals)
                #expect(SwedishNumberFormat.width(scaled: value, decimals: decimals) == text.unicodeScalars.count,
                        "\(value), \(decimals) decimals")
            }
        }
    }

    @Test func numbersWrittenInPlaceEqualTheFormattedOnes() {
        for value in Self.values {
            for decimals in 0...3 {
                for width in [0, 12, 30] {
                    var output = TextOutput()
                    output.append("x")
                    output.appendNumber(scaled: value, decimals: decimals, width: width)
                    let text = SwedishNumberFormat.format(scaled: value, decimals: decimals)
                    let padding = String(repeating: " ", count: max(width - text.unicodeScalars.count, 0))
                    #expect(output.string == "x" + padding + text, "\(value), \(decimals) decimals, width \(width)")
                }
            }
        }
    }

    @Test func displayScaleEqualsMoneyScaled() {
        for unit in MoneyUnit.allCases {
            for decimals in 0...3 {
                let scale = DisplayScale(unit: unit, decimals: decimals)
                for value in Self.values {
                    let money = Money(ore: value)
                    #expect(scale.scaled(money) == money.scaled(in: unit, decimals: decimals),
                            "\(value) öre in \(unit) with \(decimals) decimals")
                }
            }
        }
    }

    @Test func percentChangeEqualsTheExactDivision() {
        let froms = Self.values.prefix(200) + [1, -1, 3, 7, -7, 1_000, Int64.min, Int64.max]
        for delta in Self.values.prefix(400) {
            for from in froms where from != 0 {
                let exact = ExactArithmetic.divideRounded(Int128(delta) * 1000, Int128(from.magnitude))
                    .flatMap(ExactArithmetic.narrow)
                #expect(SwedishNumberFormat.percentChange(Money(ore: delta), from: Money(ore: from)) == exact,
                        "\(delta) from \(from)")
            }
        }
    }

    @Test func nameWidthCountsCharactersLessCombiningMarks() {
        var names = ["", "Badhus", "Hälso- och sjukvård Trollet", "Cafe\u{301}", "e\u{300}\u{36F}\u{370}", "Ω≈ç√∫",
                     "🙂 Glad", "\u{340}\u{341}", "Åäö\u{308}", "Skolskjuts Kajen, övrigt (del 2)"]
        // A mark, a multibyte letter and a four-byte scalar at every offset around the
        // eight-byte steps.
        for offset in 0...17 {
            let prefix = String(repeating: "a", count: offset)
            names += [prefix + "e\u{301}x", prefix + "ö", prefix + "🙂", prefix + "\u{36F}", prefix + "\u{370}" + prefix]
        }
        for name in names {
            let expected = name.unicodeScalars.count { !(0x300...0x36F).contains($0.value) }
            #expect(TextTable.width(name) == expected, "\(name)")
        }
    }
}
