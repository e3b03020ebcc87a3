import Testing

@Test func IntegrationTests_Builds() {}
