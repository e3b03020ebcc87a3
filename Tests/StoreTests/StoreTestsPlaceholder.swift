import Testing

@Test func StoreTests_Builds() {}
