import Testing

@Test func LoyaltyTests_Builds() {}
