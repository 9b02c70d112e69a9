/// A check that does not hold, in Swedish words and figures: the one wording for the
/// Kontroller section of `kör`, the output of `kontrollera` in every format and the
/// GitHub annotations.
public enum CheckText {
    /// What was checked and what was found: "Summa Kommunstyrelsen, Budget 2020: tryckt
    /// 228 600, beräknat 230 034, differens −1 434". Amounts in `unit`, the file's
    /// display unit.
    public static func line(_ check: CheckResult, unit: MoneyUnit) -> String {
        let found = describe(check, unit: unit)
        return found.isEmpty ? check.subject : check.subject + ": " + found
    }

    /// What a failed check found, in words and figures. Figures get the decimals they
    /// need to be exact, so a difference inside the display rounding is still visible.
    static func describe(_ check: CheckResult, unit: MoneyUnit) -> String {
        if let detail = check.detail { return detail }
        let show: (Money) -> String
        let stated, computed, difference: String
        if let numbers = check.numbers {
            let format = { (ratio: Ratio) -> String in
                numbers.percent ? TextReportRenderer.percentText(ratio) : SwedishNumberFormat.number(ratio)
            }
            stated = format(numbers.stated)
            computed = format(numbers.computed)
            difference = numbers.percent
                ? TextReportRenderer.percentText(numbers.difference, suffix: " procentenheter")
                : SwedishNumberFormat.number(numbers.difference)
            show = { _ in "" }
        } else {
            // As many decimals as make the figures exact, but at most two more than usual:
            // "−1 719,67", not "−1 719,66667".
            let exact = SwedishNumberFormat.exactDecimals([check.stated, check.computed, check.difference], unit: unit)
            var decimals = min(exact, unit.displayDecimals + 2)
            // A difference that would still round to zero is shown to the öre.
            if check.difference.ore != 0, check.difference.scaled(in: unit, decimals: decimals) == 0 { decimals = exact }
            show = { SwedishNumberFormat.format($0, unit: unit, decimals: decimals) }
            stated = show(check.stated)
            computed = show(check.computed)
            difference = show(check.difference)
        }
        switch check.kind {
        case .printedTotal, .formula:
            return "tryckt \(stated), beräknat \(computed), differens \(difference)"
        case .ram:
            let exceeded = show(check.difference.negated() ?? check.difference)
            return "ram \(stated), nettokostnad \(computed), överskriden med \(exceeded)"
        case .bridge:
            return "beslutad ram \(stated), beräknad \(computed), differens \(difference)"
        case .bridgeTotal:
            return "tryckt \(stated), beräknat \(computed), differens \(difference)"
        case .expectation:
            return "förväntat \(stated), beräknat \(computed), differens \(difference)"
        case .condition:
            return "vänster sida \(computed), ska vara \((check.comparison ?? .equal).rawValue) \(stated)"
        case .balanceRequirement:
            return "balanskravsresultatet är \(computed); ett negativt resultat ska återställas inom tre år"
        case .resultGoal:
            return "resultat \(computed), målet är \(stated) (saknas \(difference))"
        case .uniqueNumbers, .reserve:
            return ""
        }
    }
}
