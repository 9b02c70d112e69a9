/// A reproducible random number generator: xoshiro256** (Blackman and Vigna), its four
/// words of state seeded by splitmix64 from one 64-bit seed, as the authors recommend.
///
/// The same seed gives the same numbers on every machine: the generator is pure integer
/// arithmetic, and the Monte Carlo engine never reads the system's random source, so a
/// simulation can be rerun and checked. With seed 42 its first numbers are those of
/// `shared/bench/mc.c`.
///
/// Independent streams come from `jump()`, which advances the state by 2^128 steps: the
/// streams of a run's chunks are consecutive jumps of the seeded generator, so they are
/// provably disjoint for 2^128 numbers each (not just very probably, as streams seeded
/// from mixed seeds would be), and stream 0 is the seeded generator itself.
public struct SeededGenerator: RandomNumberGenerator, Sendable, Hashable {
    @usableFromInline var s0: UInt64
    @usableFromInline var s1: UInt64
    @usableFromInline var s2: UInt64
    @usableFromInline var s3: UInt64

    /// The generator seeded from `seed` by four rounds of splitmix64.
    public init(seed: UInt64) {
        var mixer = seed
        s0 = Self.splitMix64(&mixer)
        s1 = Self.splitMix64(&mixer)
        s2 = Self.splitMix64(&mixer)
        s3 = Self.splitMix64(&mixer)
    }

    /// Stream `stream` of `seed`: the seeded generator jumped `stream` times. Costs
    /// `stream` jumps; `streams(seed:count:)` makes many streams in one pass.
    public init(seed: UInt64, stream: Int) {
        precondition(stream >= 0, "a stream number is not negative")
        self.init(seed: seed)
        for _ in 0..<stream { jump() }
    }

    /// Streams 0 ..< count of `seed`, each one jump after the previous.
    public static func streams(seed: UInt64, count: Int) -> [SeededGenerator] {
        var generator = SeededGenerator(seed: seed)
        var result: [SeededGenerator] = []
        result.reserveCapacity(count)
        for _ in 0..<count {
            result.append(generator)
            generator.jump()
        }
        return result
    }

    /// One step of splitmix64 (Steele, Lea and Flood): advances `state` and returns
    /// a well-mixed value, so that similar seeds give unrelated generator states.
    public static func splitMix64(_ state: inout UInt64) -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }

    /// The next 64 random bits (xoshiro256**).
    @inlinable @inline(__always)
    public mutating func next() -> UInt64 {
        let result = ((s1 &* 5) << 7 | (s1 &* 5) >> 57) &* 9
        let t = s1 << 17
        s2 ^= s0
        s3 ^= s1
        s1 ^= s2
        s0 ^= s3
        s2 ^= t
        s3 = s3 << 45 | s3 >> 19
        return result
    }

    /// A uniform double in [0, 1): the top 53 bits of `next()` times 2^-53, so every
    /// value is a multiple of 2^-53 and exactly representable.
    @inlinable @inline(__always)
    public mutating func nextUnitDouble() -> Double {
        Double(next() >> 11) * 0x1.0p-53
    }

    /// A standard normal value (ziggurat; see `Ziggurat` for why not Box–Muller).
    public mutating func nextStandardNormal() -> Double {
        Ziggurat.shared.next(using: &self)
    }

    /// Advances the state by 2^128 steps (the published jump polynomial of
    /// xoshiro256), which starts a new, non-overlapping stream.
    public mutating func jump() {
        let polynomial: [UInt64] = [0x180E_C6D3_3CFD_0ABA, 0xD5A6_1266_F0C9_392C,
                                    0xA958_2618_E03F_C9AA, 0x39AB_DC45_29B1_661C]
        var a0: UInt64 = 0, a1: UInt64 = 0, a2: UInt64 = 0, a3: UInt64 = 0
        for word in polynomial {
            for bit in 0..<64 {
                if word & (1 << UInt64(bit)) != 0 {
                    a0 ^= s0
                    a1 ^= s1
                    a2 ^= s2
                    a3 ^= s3
                }
                _ = next()
            }
        }
        (s0, s1, s2, s3) = (a0, a1, a2, a3)
    }
}
