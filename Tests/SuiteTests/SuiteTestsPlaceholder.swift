import Testing

@Test func SuiteTests_Builds() {}
