/// Compares two byte strings without an early exit on the first differing byte.
///
/// The running time depends on the lengths only (lengths are not secret for MACs and tokens),
/// never on where the contents differ, so a remote caller cannot find a valid signature byte by
/// byte through timing.
public func constantTimeEquals(_ a: [UInt8], _ b: [UInt8]) -> Bool {
    guard a.count == b.count else { return false }
    var difference: UInt8 = 0
    for index in a.indices {
        difference |= a[index] ^ b[index]
    }
    return difference == 0
}

/// Compares the UTF-8 bytes of two strings in constant time for equal lengths.
public func constantTimeEquals(_ a: String, _ b: String) -> Bool {
    constantTimeEquals(Array(a.utf8), Array(b.utf8))
}
