import Testing

@Test func ServiceKitTests_Builds() {}
