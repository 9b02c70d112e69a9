#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The post names a parser has read, each distinct name made into a `String` once and
/// shared by every post that has it.
///
/// Budgets repeat their line names from area to area ("Lokaler", "Administration",
/// "Hemtjänst Solrosen" under each förvaltning): the synthetic million-post scenario has
/// 9 000 distinct names, 91 % of them longer than the 15 bytes a `String` holds inline.
/// Made anew, each would be a heap allocation of ≈ 60 bytes and a second UTF-8
/// validation of bytes the loader has validated already — a tenth of the parse and
/// a fifth of the peak memory at a million posts (BENCHMARKS.md).
///
/// Bounded: a file of all-different names would make the table a copy of every name,
/// so once it holds `capacity` names it adds no more (those names are made each time,
/// as without it).
struct NameInterner {
    static let capacity = 1 << 16

    /// Open addressing, a power of two at least twice the entries (it grows with them:
    /// a REPL line's parser should not pay for a table of 65 536): an index into the
    /// entries, -1 for an empty slot.
    private var slots = [Int32](repeating: -1, count: 16)
    private var hashes: [UInt32] = []
    private var strings: [String] = []
    /// Each name's bytes, one after the other: `bytes[ends[i − 1]..<ends[i]]`.
    private var bytes: [UInt8] = []
    private var ends: [Int32] = []

    /// The name written as `range` of `source`: the string made for it before, if any.
    mutating func string(_ source: UnsafeBufferPointer<UInt8>, _ range: Range<Int>) -> String {
        let name = UnsafeBufferPointer(rebasing: source[range])
        let hash = NameInterner.hash(name)
        let mask = slots.count - 1
        var slot = Int(hash) & mask
        while true {
            let index = Int(slots[slot])
            if index < 0 { break }
            if hashes[index] == hash && isEntry(index, name) { return strings[index] }
            slot = (slot + 1) & mask
        }
        let string = String(decoding: name, as: UTF8.self)
        if strings.count < NameInterner.capacity {
            if (strings.count + 1) * 2 > slots.count {
                grow()
                slot = Int(hash) & (slots.count - 1)
                while slots[slot] >= 0 { slot = (slot + 1) & (slots.count - 1) }
            }
            slots[slot] = Int32(strings.count)
            hashes.append(hash)
            strings.append(string)
            bytes.append(contentsOf: name)
            ends.append(Int32(bytes.count))
        }
        return string
    }

    private mutating func grow() {
        slots = [Int32](repeating: -1, count: slots.count * 2)
        let mask = slots.count - 1
        for (index, hash) in hashes.enumerated() {
            var slot = Int(hash) & mask
            while slots[slot] >= 0 { slot = (slot + 1) & mask }
            slots[slot] = Int32(index)
        }
    }

    private func isEntry(_ index: Int, _ name: UnsafeBufferPointer<UInt8>) -> Bool {
        let start = index == 0 ? 0 : Int(ends[index - 1])
        let end = Int(ends[index])
        guard end - start == name.count else { return false }
        return bytes.withUnsafeBufferPointer { stored in
            name.isEmpty || memcmp(stored.baseAddress! + start, name.baseAddress!, name.count) == 0
        }
    }

    /// FNV-1a, folded to 32 bits (names are short; this is not the checker's
    /// normalising name hash: the same bytes, not the same name, are one entry here).
    private static func hash(_ name: UnsafeBufferPointer<UInt8>) -> UInt32 {
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        for byte in name { hash = (hash ^ UInt64(byte)) &* 0x0000_0100_0000_01B3 }
        return UInt32(truncatingIfNeeded: hash ^ (hash >> 32))
    }
}
