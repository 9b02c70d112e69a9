import Testing
@testable import Ramverk

/// The parser's table of post names made once (`NameInterner`).
struct NameInternerTests {
    /// `text`'s bytes and the byte range of `name` in it (its first occurrence).
    static func range(of name: String, in text: [UInt8]) -> Range<Int> {
        let bytes = Array(name.utf8)
        let start = (0...(text.count - bytes.count)).first { Array(text[$0..<$0 + bytes.count]) == bytes }!
        return start..<start + bytes.count
    }

    @Test func theSameBytesGiveTheSameStringAndOtherBytesTheirOwn() {
        let text = Array("Hälso- och sjukvård Trollet|Hälso- och sjukvård Trollet|Hälso- och sjukvård Trollen|Lokaler|".utf8)
        var names = NameInterner()
        let first = text.withUnsafeBufferPointer { names.string($0, 0..<29) }
        let again = text.withUnsafeBufferPointer { names.string($0, 30..<59) }
        let other = text.withUnsafeBufferPointer { names.string($0, 60..<89) }
        let short = text.withUnsafeBufferPointer { names.string($0, NameInternerTests.range(of: "Lokaler", in: text)) }
        #expect(first == "Hälso- och sjukvård Trollet")
        #expect(again == first)
        #expect(other == "Hälso- och sjukvård Trollen")
        #expect(short == "Lokaler")
        // One storage for both: the second was not made again.
        #expect(first.utf8.withContiguousStorageIfAvailable { $0.baseAddress }
            == again.utf8.withContiguousStorageIfAvailable { $0.baseAddress })
    }

    /// Past its capacity the table adds nothing, and every name still reads as itself;
    /// names it had stay shared.
    @Test func aFullTableStillGivesEveryNameRight() {
        var names = NameInterner()
        var text: [UInt8] = []
        var ranges: [Range<Int>] = []
        for index in 0..<(NameInterner.capacity + 500) {
            let name = Array("Rad nummer \(index) i budgeten".utf8)
            ranges.append(text.count..<text.count + name.count)
            text += name
        }
        text.withUnsafeBufferPointer { source in
            for (index, range) in ranges.enumerated() {
                #expect(names.string(source, range) == "Rad nummer \(index) i budgeten")
            }
            // Again: the first ones from the table, the last ones made anew; all right.
            for index in [0, 1, NameInterner.capacity - 1, NameInterner.capacity, NameInterner.capacity + 499] {
                #expect(names.string(source, ranges[index]) == "Rad nummer \(index) i budgeten")
            }
        }
    }
}
