/// The hash `NameTable` files names by. Equal names must hash alike, and Swift's `==`
/// on strings is canonical equivalence: "ä" precomposed and "a" + U+0308 are one name.
/// A name of ASCII and Latin-1 letters — nearly every name — is hashed as its UTF-8 in
/// NFC, the form it is almost always typed in: as it is, eight bytes at a time. Any
/// other name takes Swift's own normalisation-blind hash.
extension NameTable {
    static func hash(_ name: String) -> UInt64 {
        // Native strings are contiguous UTF-8; the others take Swift's own hash, as do
        // names with scalars the composition does not cover.
        if let hash = name.utf8.withContiguousStorageIfAvailable({ hash(utf8: $0) }), let hash { return hash }
        return UInt64(bitPattern: Int64(name.hashValue))
    }

    /// The hash of a name's UTF-8; nil when only Swift's own hash will do.
    static func hash(utf8 bytes: UnsafeBufferPointer<UInt8>) -> UInt64? {
        if let hash = wordHash(bytes) { return hash }
        // A combining mark, or a scalar outside Latin-1: composed first, if it can be.
        return withUnsafeTemporaryAllocation(of: UInt8.self, capacity: bytes.count) { buffer in
            guard let count = compose(bytes, into: buffer.baseAddress!) else { return nil }
            return wordHash(UnsafeBufferPointer(start: buffer.baseAddress!, count: count))
        }
    }

    /// A hash of `bytes` read as 64-bit words; nil when they hold anything but ASCII
    /// and the two-byte Latin-1 letters (C3 80–BF), which are NFC as they stand.
    private static func wordHash(_ bytes: UnsafeBufferPointer<UInt8>) -> UInt64? {
        let count = bytes.count
        var hash = 0xa076_1d64_78bd_642f ^ UInt64(count)
        guard let start = bytes.baseAddress, count > 0 else { return mix(hash, 0x8ebc_6af0_9c88_c6e3) }
        let raw = UnsafeRawPointer(start)
        var unusual: UInt64 = 0
        if count >= 8 {
            var offset = 0
            while offset + 8 < count {
                let word = raw.loadUnaligned(fromByteOffset: offset, as: UInt64.self)
                unusual |= leadsOtherThanLatin1(word)
                hash = mix(hash ^ word, 0xe703_7ed1_a0b4_28db)
                offset += 8
            }
            // The last eight bytes, overlapping the word before when the length is not
            // a multiple of eight: no byte-by-byte tail.
            let last = raw.loadUnaligned(fromByteOffset: count - 8, as: UInt64.self)
            unusual |= leadsOtherThanLatin1(last)
            hash = mix(hash ^ last, 0xe703_7ed1_a0b4_28db)
        } else {
            // Up to seven bytes in one word: two overlapping 4-byte reads, or the first,
            // middle and last byte (which cover one to three bytes).
            let word: UInt64
            if count >= 4 {
                word = UInt64(raw.loadUnaligned(as: UInt32.self))
                    | UInt64(raw.loadUnaligned(fromByteOffset: count - 4, as: UInt32.self)) << 32
            } else {
                word = UInt64(start[0]) | UInt64(start[count >> 1]) << 8 | UInt64(start[count - 1]) << 16
            }
            unusual = leadsOtherThanLatin1(word)
            hash = mix(hash ^ word, 0xe703_7ed1_a0b4_28db)
        }
        return unusual == 0 ? mix(hash, 0x8ebc_6af0_9c88_c6e3) : nil
    }

    /// The high bit of each byte of `word` that starts a multi-byte scalar (C0–FF)
    /// other than C3, which starts U+00C0–U+00FF. The UTF-8 is valid, so every other
    /// byte at or above 80 continues the scalar of a lead byte.
    @inline(__always)
    private static func leadsOtherThanLatin1(_ word: UInt64) -> UInt64 {
        let leads = word & (word << 1) & 0x8080_8080_8080_8080
        let difference = word ^ 0xC3C3_C3C3_C3C3_C3C3
        // High bit set in each byte of `difference` that is not zero (no carry crosses
        // a byte: 7F + 7F is FE).
        let different = ((difference & 0x7F7F_7F7F_7F7F_7F7F) &+ 0x7F7F_7F7F_7F7F_7F7F | difference)
            & 0x8080_8080_8080_8080
        return leads & different
    }

    /// wyhash's multiply-and-fold: every bit of either factor reaches the result's low
    /// half, which picks the slot and is kept in the table.
    @inline(__always)
    private static func mix(_ a: UInt64, _ b: UInt64) -> UInt64 {
        let (high, low) = a.multipliedFullWidth(by: b)
        return high ^ low
    }

    /// Writes a name's UTF-8 to `output` in NFC as far as ASCII and Latin-1 go, and
    /// returns its length (never more than the input's): an ASCII letter and the
    /// combining mark after it (U+0300–U+036F) as the Latin-1 letter they make ("a" +
    /// U+0308 is "ä"), and the scalars that are an ASCII or Latin-1 character by a
    /// canonical singleton as that character (U+212A KELVIN SIGN is "K"). nil for any
    /// other scalar, and for a mark that makes anything else: "C" + U+030C is "Č",
    /// which Swift's own hash must see, as it sees "Č" written as one scalar (a Sámi
    /// place name pasted from a PDF comes either way).
    private static func compose(_ bytes: UnsafeBufferPointer<UInt8>, into output: UnsafeMutablePointer<UInt8>) -> Int? {
        var count = 0
        var index = 0
        while index < bytes.count {
            let lead = bytes[index]
            if lead < 0x80 {
                output[count] = lead
                count += 1
                index += 1
                continue
            }
            // Valid UTF-8: the lead byte tells the length.
            let length = lead >= 0xF0 ? 4 : lead >= 0xE0 ? 3 : 2
            guard index + length <= bytes.count else { return nil }
            var scalar = UInt32(lead) & (0x7F >> length)
            for next in index + 1..<index + length { scalar = scalar << 6 | UInt32(bytes[next] & 0x3F) }
            index += length
            switch scalar {
            case 0xC0...0xFF, 0x212B:
                // A Latin-1 letter, and ANGSTROM SIGN, which is "Å".
                output[count] = 0xC3
                output[count + 1] = scalar == 0x212B ? 0x85 : 0x80 | UInt8(scalar & 0x3F)
                count += 2
            case 0x37E: output[count] = 0x3B; count += 1  // GREEK QUESTION MARK is ";"
            case 0x1FEF: output[count] = 0x60; count += 1  // GREEK VARIA is "`"
            case 0x212A: output[count] = 0x4B; count += 1  // KELVIN SIGN is "K"
            case 0x300...0x36F:
                // U+0340 and U+0341 are U+0300 and U+0301.
                let mark = scalar == 0x340 ? 0x300 : scalar == 0x341 ? 0x301 : scalar
                guard count > 0, output[count - 1] < 0x80,
                      let composed = NameTable.latin1Compositions[UInt32(output[count - 1]) << 16 | mark] else {
                    return nil
                }
                output[count - 1] = 0xC3
                output[count] = 0x80 | composed & 0x3F
                count += 1
            default:
                return nil
            }
        }
        return count
    }

    /// The Latin-1 letter (its low byte) made by an ASCII letter and a combining mark
    /// (keyed base << 16 | mark), found from Swift's own canonical equivalence the
    /// first time a mark is met: each letter's base with the seven marks Latin-1 uses.
    private static let latin1Compositions: [UInt32: UInt8] = {
        // U+00C0–U+00FF by their base letter (À→A, ä→a, ö→o, …; the rest as they are).
        let bases = Array("AAAAAAACEEEEIIIIDNOOOOO×OUUUUYÞsaaaaaaaceeeeiiiidnooooo÷ouuuuyþy".unicodeScalars)
        let marks: [UInt32] = [0x300, 0x301, 0x302, 0x303, 0x308, 0x30A, 0x327]
        var compositions: [UInt32: UInt8] = [:]
        for (offset, base) in bases.enumerated() where base.isASCII {
            let letter = String(Unicode.Scalar(0xC0 + UInt32(offset))!)
            for mark in marks where String(base) + String(Unicode.Scalar(mark)!) == letter {
                compositions[base.value << 16 | mark] = UInt8(0xC0 + offset)
            }
        }
        return compositions
    }()
}
