/// What a simulated figure is drawn from: an output the simulation computes, or a
/// value that no risk moves, the same in every iteration.
enum SimulatedFigure: Sendable, Equatable {
    case output(Int)
    case constant(Int64)
}

extension AffineShortcut {
    /// The outputs worth computing, and where each figure comes from. Under the shortcut
    /// a figure's value is a function of its offset and terms alone, so a figure that no
    /// risk reaches (no terms) is its offset in every iteration, and one with the same
    /// offset and terms as an earlier one is that one's value in every iteration —
    /// including whether its sum overflows, so no iteration fails differently. Those
    /// are left out: a budget's figures often coincide (a year's balance result and its
    /// ram remainder) or stand still (a followed value no risk reaches), and each output
    /// costs the simulation a pass per term, a copy and the statistics. Output 0 (the
    /// result) is always computed: the contributions follow it.
    func distinctOutputs() -> (figures: [SimulatedFigure], kept: [Int]) {
        var figures: [SimulatedFigure] = []
        var kept: [Int] = []
        for output in 0..<outputs {
            let own = termsOf(output)
            if output > 0 && own.isEmpty {
                figures.append(.constant(offsets[output]))
            } else if output > 0, let same = kept.firstIndex(where: { offsets[$0] == offsets[output] && termsOf($0) == own }) {
                figures.append(.output(same))
            } else {
                figures.append(.output(kept.count))
                kept.append(output)
            }
        }
        return (figures, kept)
    }

    /// The shortcut for outputs `kept` only, in that order.
    func keeping(_ kept: [Int]) -> AffineShortcut {
        var terms: [Term] = []
        var ends: [Int] = []
        for output in kept {
            terms += termsOf(output)
            ends.append(terms.count)
        }
        return AffineShortcut(terms: terms, termEnds: ends, offsets: kept.map { offsets[$0] })
    }

    private init(terms: [Term], termEnds: [Int], offsets: [Int64]) {
        (self.terms, self.termEnds, self.offsets, self.outputs) = (terms, termEnds, offsets, offsets.count)
    }

    private func termsOf(_ output: Int) -> ArraySlice<Term> {
        terms[(output == 0 ? 0 : termEnds[output - 1])..<termEnds[output]]
    }
}
