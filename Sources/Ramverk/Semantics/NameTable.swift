/// The names declared directly in one scope (an area, or the file): an open-addressing
/// hash table from name to member. One small table per scope keeps the table being
/// filled in the cache while a large area is declared, and costs about 16 bytes a name;
/// names are compared through the model, so the table holds no strings of its own.
struct NameTable {
    /// Eight bytes: the hash's low half (enough to skip almost every other name; equal
    /// names are confirmed by comparing them) and the member packed as kind and index.
    private struct Entry {
        private var hashBits: UInt32
        private var packed: UInt32

        init(hash: UInt64, member: Member) {
            hashBits = UInt32(truncatingIfNeeded: hash)
            switch member {
            case .area(let index): packed = UInt32(index) << 2
            case .post(let index): packed = UInt32(index) << 2 | 1
            case .named(let index): packed = UInt32(index) << 2 | 2
            }
        }

        func matches(_ hash: UInt64) -> Bool { hashBits == UInt32(truncatingIfNeeded: hash) }
        var hash: UInt64 { UInt64(hashBits) }

        var member: Member {
            let index = Int(packed >> 2)
            switch packed & 3 {
            case 0: return .area(index)
            case 1: return .post(index)
            default: return .named(index)
            }
        }
    }

    private var entries: [Entry] = []
    /// Indices into `entries`; -1 marks an empty slot. Always a power of two long.
    private var slots: [Int32] = Array(repeating: -1, count: 8)

    var count: Int { entries.count }

    /// FNV-1a over the name with diacritics folded away, so that canonically equal
    /// spellings ("ä" precomposed, or "a" + U+0308, which `==` treats as one name) hash
    /// alike: Latin-1 letters count as their base letter and combining marks are
    /// skipped. A name with other non-ASCII letters takes Swift's own
    /// normalisation-blind hash. Equal names always hash alike; names that only fold
    /// alike are told apart by `==`.
    static func hash(_ name: String) -> UInt64 {
        // Native strings are contiguous UTF-8; the others take Swift's own hash, as do
        // names with scalars the folding does not cover.
        if let hash = name.utf8.withContiguousStorageIfAvailable({ hash(utf8: $0) }), let hash { return hash }
        return UInt64(bitPattern: Int64(name.hashValue))
    }

    /// The hash above, read from UTF-8: ASCII as it is, the two-byte Latin-1 letters
    /// (C3 80–BF) folded, and a combining mark (U+0300–U+036F: CC 80–BF, CD 80–AF)
    /// skipped when it makes a Latin-1 letter of the ASCII letter before it ("a" + U+0308
    /// is "ä"). nil for any other non-ASCII scalar, and for a mark that makes anything
    /// else: "C" + U+030C is "Č", which Swift's own hash must see, as it sees "Č" written
    /// as one scalar (a Sámi place name pasted from a PDF comes either way).
    private static func hash(utf8 bytes: UnsafeBufferPointer<UInt8>) -> UInt64? {
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        var index = 0
        // The ASCII letter just hashed, while it has taken no mark.
        var bareLetter: UInt8?
        while index < bytes.count {
            let byte = bytes[index]
            let folded: UInt8
            if byte < 0x80 {
                folded = byte
                bareLetter = (byte | 0x20) &- 0x61 < 26 ? byte : nil
                index += 1
            } else if index + 1 < bytes.count, byte == 0xC3 || byte == 0xCC || byte == 0xCD {
                let second = bytes[index + 1]
                index += 2
                if byte == 0xC3 {
                    folded = NameTable.latin1Base[Int(second & 0x3F)]  // U+00C0 + (second − 0x80)
                    bareLetter = nil
                    hash = (hash ^ UInt64(folded)) &* 0x0000_0100_0000_01B3
                    continue
                }
                guard byte == 0xCC || second <= 0xAF else { return nil }
                let mark = UInt32(byte == 0xCC ? 0x300 : 0x340) + UInt32(second & 0x3F)
                guard let letter = bareLetter, NameTable.latin1Compositions.contains(UInt32(letter) << 16 | mark) else {
                    return nil
                }
                bareLetter = nil
                continue
            } else {
                return nil
            }
            hash = (hash ^ UInt64(folded)) &* 0x0000_0100_0000_01B3
        }
        return hash ^ (hash >> 29)
    }

    /// The ASCII letters and combining marks that make a Latin-1 letter (base << 16 |
    /// mark), found from Swift's own canonical equivalence the first time a mark is met.
    private static let latin1Compositions: Set<UInt32> = {
        var pairs = Set<UInt32>()
        let marks: [UInt32] = [0x300, 0x301, 0x302, 0x303, 0x308, 0x30A, 0x327]
        for value in UInt32(0xC0)...0xFF where value != 0xD7 && value != 0xF7 {
            let letter = String(Unicode.Scalar(value)!)
            let base = latin1Base[Int(value - 0xC0)]
            for mark in marks where String(Unicode.Scalar(base)) + String(Unicode.Scalar(mark)!) == letter {
                pairs.insert(UInt32(base) << 16 | mark)
            }
        }
        return pairs
    }()

    /// U+00C0–U+00FF by their base letter (À→A, ä→a, ö→o, …; the rest as they are).
    private static let latin1Base: [UInt8] = Array("AAAAAAACEEEEIIIIDNOOOOO×OUUUUYÞsaaaaaaaceeeeiiiidnooooo÷ouuuuyþy".unicodeScalars)
        .map { UInt8(truncatingIfNeeded: $0.value) }

    /// The member named `name`, comparing names through `nameOf`.
    func lookUp(_ name: String, nameOf: (Member) -> String) -> Member? {
        lookUp(name, hash: NameTable.hash(name), nameOf: nameOf)
    }

    /// Adds `member` unless the name is taken; returns the member that has it.
    mutating func insert(_ name: String, member: Member, nameOf: (Member) -> String) -> Member? {
        let hash = NameTable.hash(name)
        if let existing = lookUp(name, hash: hash, nameOf: nameOf) { return existing }
        insertNew(member, hash: hash)
        return nil
    }

    /// The member named `name` (whose hash is `hash`), if any.
    func lookUp(_ name: String, hash: UInt64, nameOf: (Member) -> String) -> Member? {
        let mask = slots.count - 1
        var slot = Int(truncatingIfNeeded: hash) & mask
        while true {
            let index = slots[slot]
            if index < 0 { return nil }
            let entry = entries[Int(index)]
            if entry.matches(hash) && nameOf(entry.member) == name { return entry.member }
            slot = (slot + 1) & mask
        }
    }

    /// Adds `member`, whose name (hashing to `hash`) the caller found free.
    mutating func insertNew(_ member: Member, hash: UInt64) {
        if (entries.count + 1) * 2 > slots.count { rehash(slots.count * 2) }
        let mask = slots.count - 1
        var slot = Int(truncatingIfNeeded: hash) & mask
        while slots[slot] >= 0 { slot = (slot + 1) & mask }
        slots[slot] = Int32(entries.count)
        entries.append(Entry(hash: hash, member: member))
    }

    /// Every declared member, in declaration order.
    var members: [Member] { entries.map(\.member) }

    private mutating func rehash(_ size: Int) {
        slots = Array(repeating: -1, count: size)
        let mask = size - 1
        for (index, entry) in entries.enumerated() {
            var slot = Int(truncatingIfNeeded: entry.hash) & mask
            while slots[slot] >= 0 { slot = (slot + 1) & mask }
            slots[slot] = Int32(index)
        }
    }
}
