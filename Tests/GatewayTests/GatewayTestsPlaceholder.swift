import Testing

@Test func GatewayTests_Builds() {}
