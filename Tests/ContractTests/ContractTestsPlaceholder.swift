import Testing

@Test func ContractTests_Builds() {}
