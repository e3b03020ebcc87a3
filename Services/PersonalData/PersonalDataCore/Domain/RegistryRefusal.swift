import Contract

/// Why a registry request is refused, beyond a malformed body.
enum RegistryRefusal: Error, Equatable {
    case noCustomer(CustomerId)
    case noOrder(OrderNumber)
    case noDisclosure(Int64)
}
