#if canImport(Glibc)
import Glibc
#endif

/// libFuzzer's entry point: one input through the whole pipeline. A broken invariant
/// is made a crash, so libFuzzer keeps the input like any other.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzOneInput(_ data: UnsafePointer<UInt8>?, _ size: Int) -> Int32 {
    let bytes = size == 0 ? [] : Array(UnsafeBufferPointer(start: data, count: size))
    let failures = PipelineHarness.run(bytes)
    if !failures.isEmpty {
        fatalError("ramverk-fuzz: " + failures.joined(separator: "; "))
    }
    return 0
}

/// libFuzzer's driver. SwiftPM gives an executable its own `main`, so the one in
/// libFuzzer is not linked; this calls the driver that `main` would have called.
@_silgen_name("LLVMFuzzerRunDriver")
func LLVMFuzzerRunDriver(
    _ argc: UnsafeMutablePointer<Int32>,
    _ argv: UnsafeMutablePointer<UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?>,
    _ callback: @convention(c) (UnsafePointer<UInt8>?, Int) -> Int32
) -> Int32

var argc = CommandLine.argc
var argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>? = CommandLine.unsafeArgv
exit(LLVMFuzzerRunDriver(&argc, &argv, fuzzOneInput))
