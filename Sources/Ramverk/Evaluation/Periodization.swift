/// Periodiserad budget: the share of a year's budget that falls in its first months —
/// by the post's monthly profile inside a column formula, else evenly (n/12).
extension Evaluator {
    mutating func periodShare(_ months: ResolvedExpression, sign: SignConvention, column: Int?,
                              span: SourceSpan) -> Value? {
        guard let value = evaluate(months, sign: sign, column: column) else { return nil }
        guard case .number(let ratio, let kind) = value, kind != .percent, ratio.micros % Ratio.scale == 0,
              (0...12).contains(ratio.micros / Ratio.scale) else {
            report(.monthsOutOfRange, months.span)
            return nil
        }
        let count = Int(ratio.micros / Ratio.scale)
        if let row = currentRow, let profile = model.postProfiles[row] {
            guard let shares = shares(of: profile) else { return nil }
            var total = Ratio.zero
            for share in shares.prefix(count) { total = total.adding(share) ?? total }
            return .number(total, .percent)
        }
        // Evenly: n/12, rounded once to millionths.
        let even = ExactArithmetic.divideRounded(Int128(count) * Int128(Ratio.scale), 12) ?? 0
        return .number(Ratio(micros: Int64(even)), .percent)
    }

    /// A profile's shares, checked once: twelve of them, summing to exactly 100 %.
    mutating func shares(of index: Int) -> [Ratio]? {
        if let known = profileShares[index] { return known }
        let profile = model.profiles[index]
        var shares: [Ratio] = []
        var valid = true
        for share in profile.shares {
            switch evaluate(share, sign: .result, column: nil) {
            case .number(let ratio, _)?: shares.append(ratio)
            case .money?:
                report(.percentOfMoney, share.span)
                valid = false
            case nil: valid = false
            }
        }
        if valid && shares.count != 12 {
            report(.profileNotTwelveMonths(profile.name, count: shares.count), profile.span)
            valid = false
        }
        let sum = shares.reduce(Ratio.zero) { $0.adding($1) ?? $0 }
        if valid && sum != .one {
            report(.profileDoesNotSumTo100(profile.name, sum: SwedishNumberFormat.percent(sum, decimals: 2)), profile.span)
            valid = false
        }
        profileShares[index] = .some(valid ? shares : nil)
        return valid ? shares : nil
    }
}
