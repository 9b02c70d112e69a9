/// Whole-file passes over bytes, eight at a time ("SWAR": SIMD within a register). A
/// scenario of a million posts is 90 MB, and each pass that looks at one byte at a time
/// costs tens of milliseconds of a run that has about a second.
enum ByteScan {
    private static let ones: UInt64 = 0x0101_0101_0101_0101
    private static let highBits: UInt64 = 0x8080_8080_8080_8080
    private static let lowBits: UInt64 = 0x7F7F_7F7F_7F7F_7F7F

    /// How many of `bytes` are `byte`.
    ///
    /// Counted in eight byte-wide counters, one per byte of the word, summed every 255
    /// words (before one could overflow): `nonzeroBitCount` per word would be a dozen
    /// instructions, as the baseline x86-64 the binary is built for has no POPCNT.
    static func count(_ byte: UInt8, in bytes: UnsafeBufferPointer<UInt8>) -> Int {
        let pattern = ones &* UInt64(byte)
        var count = 0
        var index = 0
        if let base = UnsafeRawPointer(bytes.baseAddress) {
            var lanes: UInt64 = 0
            var words = 0
            while index + 8 <= bytes.count {
                let word = base.loadUnaligned(fromByteOffset: index, as: UInt64.self) ^ pattern
                // High bit set in exactly the bytes that are zero (no borrow between
                // bytes), moved down to a 1 in each.
                lanes &+= ~(((word & lowBits) &+ lowBits) | word | lowBits) >> 7
                words &+= 1
                if words == 255 {
                    count += sum(lanes)
                    (lanes, words) = (0, 0)
                }
                index += 8
            }
            count += sum(lanes)
        }
        while index < bytes.count {
            if bytes[index] == byte { count += 1 }
            index += 1
        }
        return count
    }

    /// The sum of the eight byte-wide counters of `lanes`.
    @inline(__always)
    private static func sum(_ lanes: UInt64) -> Int {
        let pairs = (lanes & 0x00FF_00FF_00FF_00FF) &+ ((lanes >> 8) & 0x00FF_00FF_00FF_00FF)
        return Int((pairs &* 0x0001_0001_0001_0001) >> 48)
    }

    /// The offset of the first byte ≥ 0x80 in `start..<end` (all of the buffer after
    /// `start` by default), or `end`.
    static func firstNonASCII(in bytes: UnsafeBufferPointer<UInt8>, from start: Int, to end: Int? = nil) -> Int {
        let end = min(end ?? bytes.count, bytes.count)
        var index = start
        if let base = UnsafeRawPointer(bytes.baseAddress) {
            while index + 8 <= end {
                let word = base.loadUnaligned(fromByteOffset: index, as: UInt64.self)
                if word & highBits != 0 { break }
                index += 8
            }
        }
        while index < end && bytes[index] < 0x80 { index += 1 }
        return index
    }
}
