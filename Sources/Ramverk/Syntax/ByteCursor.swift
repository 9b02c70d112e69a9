/// The file's bytes up to a limit (the end of the part one parser reads), read without a
/// bounds check per byte: the lexer's number reading and the fast reader of post lines
/// look at every byte of a large file, and the checks were a good part of their time.
/// Every read is guarded against `limit`, which never exceeds the buffer.
struct ByteCursor {
    private let base: UnsafePointer<UInt8>
    /// Where reading stops.
    let limit: Int
    /// The whole buffer, for loads that may look past `limit` but not past the file.
    let count: Int

    init(_ buffer: UnsafeBufferPointer<UInt8>, limit: Int) {
        // An empty array may have no storage: any non-null address will do, nothing is read.
        base = buffer.baseAddress ?? UnsafePointer(bitPattern: 1)!
        count = buffer.count
        self.limit = min(limit, buffer.count)
    }

    @inline(__always) subscript(_ offset: Int) -> UInt8 { base[offset] }

    @inline(__always) func isDigit(_ offset: Int) -> Bool {
        offset < limit && base[offset] &- 0x30 < 10
    }

    /// Eight bytes from `offset` as a little-endian integer, when the buffer has them.
    func load8(_ offset: Int) -> UInt64? {
        guard offset >= 0, offset + 8 <= count else { return nil }
        return UnsafeRawPointer(base + offset).loadUnaligned(as: UInt64.self)
    }

    /// The first offset from `start` that is not a space (or a tab, with `tabs`), up to
    /// `limit`. Eight bytes at a time: budgets pad names and figures into columns, and the
    /// padding is a good part of a large file's bytes.
    @inline(__always)
    func skipSpaces(from start: Int, tabs: Bool = false) -> Int {
        var at = start
        while true {
            while at + 8 <= limit {
                let different = UnsafeRawPointer(base + at).loadUnaligned(as: UInt64.self) ^ 0x2020_2020_2020_2020
                if different != 0 {
                    at += different.trailingZeroBitCount / 8
                    break
                }
                at += 8
            }
            while at < limit && base[at] == 0x20 { at += 1 }
            guard tabs, at < limit, base[at] == 0x09 else { return at }
            at += 1
        }
    }

    /// Length of a digit-group separator at `offset` (space, NBSP, narrow NBSP, thin
    /// space, figure space — all seen in figures copied from PDFs), or 0.
    func groupSeparatorLength(at offset: Int) -> Int {
        guard offset < limit else { return 0 }
        if base[offset] == 0x20 { return 1 }
        if base[offset] == 0xC2, offset + 1 < limit, base[offset + 1] == 0xA0 { return 2 }
        if base[offset] == 0xE2, offset + 2 < limit, base[offset + 1] == 0x80,
           base[offset + 2] == 0xAF || base[offset + 2] == 0x89 || base[offset + 2] == 0x87 {
            return 3
        }
        return 0
    }

    /// A number read from `start` (a digit): "20 500", "247,0", "1 167,5" — where it
    /// ends, its value, and what is wrong with it. Reports nothing: the lexer reports,
    /// the fast reader of post lines declines instead.
    func scanNumber(at start: Int) -> ScannedNumber {
        var position = start
        var mantissa: Int64 = 0
        var digits = 0
        var decimals = 0
        // Up to 18 digits cannot overflow Int64 (10¹⁸ − 1 < 2⁶³), and a longer number is
        // `tooLarge` and its value thrown away: so no overflow check per digit.
        @inline(__always) func addDigits(upTo end: Int) -> Int {
            var count = 0
            while position < end {
                let digit = base[position] &- 0x30
                guard digit < 10 else { break }
                mantissa = mantissa &* 10 &+ Int64(digit)
                position &+= 1
                count &+= 1
            }
            digits &+= count
            return count
        }
        _ = addDigits(upTo: limit)
        // Digit groups: a separator joins only a group of exactly three digits.
        while true {
            let separator = groupSeparatorLength(at: position)
            guard separator > 0,
                  isDigit(position + separator), isDigit(position + separator + 1),
                  isDigit(position + separator + 2), !isDigit(position + separator + 3)
            else { break }
            position += separator
            _ = addDigits(upTo: position + 3)
        }
        var decimalPoint = false
        if position + 1 < limit, base[position] == UInt8(ascii: ","), isDigit(position + 1) {
            position += 1
            decimals = addDigits(upTo: limit)
        } else if position + 1 < limit, base[position] == UInt8(ascii: "."), isDigit(position + 1) {
            position += 1
            while isDigit(position) { position += 1 }
            decimalPoint = true
        }
        return ScannedNumber(end: position, value: NumberLiteral(mantissa: mantissa, decimals: decimals),
                             decimalPoint: decimalPoint, tooLarge: digits > 18)
    }
}

/// A number as `ByteCursor.scanNumber` read it.
struct ScannedNumber {
    var end: Int
    var value: NumberLiteral
    /// "247.5": a decimal point where Swedish has a comma (reported by the lexer).
    var decimalPoint = false
    /// More than 18 digits, or beyond Int64.
    var tooLarge = false
}
