/// What a shell needs to write the changes in force as a `scenario` block that means
/// what they meant in the session. A block's changes are read in the unit and sign
/// convention in force where it is written; the session reads a change in the unit the
/// file's reports use and the sign of its target's table.
extension ExplorationSession {
    /// The unit the amounts of typed changes are read in.
    public var changeUnit: MoneyUnit { model.displayUnit }

    /// The unit and sign convention in force at the end of a scenario file's text,
    /// where a block added last is read: the last `enhet` and `tecken` at the file's top
    /// level (those inside an area end with it), else tkr and nettokostnad.
    public static func settingsAtEnd(of bytes: [UInt8]) -> (unit: MoneyUnit, sign: SignConvention) {
        let (tree, _) = Parser.parse(SourceFile(path: typedPath, bytes: bytes), fileIndex: 0)
        var unit = MoneyUnit.tkr
        var sign = SignConvention.netCost
        for statement in tree.statements {
            switch statement {
            case .unit(let found, _): unit = found
            case .sign(let found, _): sign = found
            default: break
            }
        }
        return (unit, sign)
    }
}
