import HTTP

extension AccessTable {
    /// The loyalty service's public routes.
    static let loyaltyRoutes: [PublicRoute] = []
}
