import Testing
@testable import Ramverk

/// The whole-file byte passes (`ByteScan`) against a byte-by-byte count.
struct ByteScanTests {
    @Test func countsAsAByteByByteLoopDoes() {
        var generator = MutationTests.SplitMix64(state: 3)
        // Lengths around the 8-byte words and the 255-word flush of the counters; all
        // bytes alike (every counter at its limit), none alike, and random ones.
        for length in [0, 1, 7, 8, 9, 255 * 8 - 1, 255 * 8, 255 * 8 + 1, 255 * 8 * 3 + 5, 10_000] {
            let same = [UInt8](repeating: 0x3A, count: length)
            let random = (0..<length).map { _ in UInt8(truncatingIfNeeded: generator.next() % 4 == 0 ? 0x3A : generator.next()) }
            for bytes in [same, random, [UInt8](repeating: 0x20, count: length)] {
                for byte: UInt8 in [0x3A, 0x0A, 0x00, 0xFF] {
                    let counted = bytes.withUnsafeBufferPointer { ByteScan.count(byte, in: $0) }
                    #expect(counted == bytes.count { $0 == byte }, "length \(length), byte \(byte)")
                }
            }
        }
    }

    @Test func findsTheFirstNonASCIIByte() {
        let text = Array("abcdefghijklmnopqrstuvwxyzå and ö".utf8)
        text.withUnsafeBufferPointer { buffer in
            #expect(ByteScan.firstNonASCII(in: buffer, from: 0) == 26)
            #expect(ByteScan.firstNonASCII(in: buffer, from: 28) == 33)
            #expect(ByteScan.firstNonASCII(in: buffer, from: 0, to: 20) == 20)
        }
    }
}
