// The seeded generator and sample values sit in a module below this one, so that the tests of
// the lowest modules (JSON) can use them without the runtime; every test that imports
// TestSupport has them as before.
@_exported import TestValues
