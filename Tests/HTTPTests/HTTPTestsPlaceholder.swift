import Testing

@Test func HTTPTests_Builds() {}
