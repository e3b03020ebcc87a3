import Contract
import FoundationEssentials
import Store

/// The disclosure log: recorded against a customer of the customer base or an order of the order
/// base, which must exist.
struct Disclosures: Sendable {
    let dependencies: PersonalDataDependencies

    func add(
        _ input: DisclosureInput, of subject: DisclosureRepository.Subject, by actor: String,
        in connection: Connection
    ) throws -> Disclosure {
        switch subject {
        case .customer(let id):
            guard try CustomerRepository.find(id, in: connection) != nil else { throw RegistryRefusal.noCustomer(id) }
        case .order(let number):
            guard try OrderRepository.find(number, in: connection) != nil else { throw RegistryRefusal.noOrder(number) }
        }
        return try DisclosureRepository.insert(input, of: subject, by: actor, at: dependencies.now(), in: connection)
    }

    func replace(_ id: Int64, with input: DisclosureInput, in connection: Connection) throws -> Disclosure {
        guard let disclosure = try DisclosureRepository.replace(id, with: input, at: dependencies.now(), in: connection)
        else { throw RegistryRefusal.noDisclosure(id) }
        return disclosure
    }

    func delete(_ id: Int64, in connection: Connection) throws {
        guard try DisclosureRepository.delete(id, in: connection) else { throw RegistryRefusal.noDisclosure(id) }
    }

    func list(of subject: DisclosureRepository.Subject, beforeId: Int64?, limit: Int) throws -> [Disclosure] {
        try dependencies.database.read {
            try DisclosureRepository.list(of: subject, beforeId: beforeId, limit: limit, in: $0)
        }
    }
}

/// Consents and the access log.
struct ConsentsAndAccess: Sendable {
    let dependencies: PersonalDataDependencies

    func record(_ input: ConsentInput, for customerId: CustomerId, by actor: String, in connection: Connection) throws
        -> Consent
    {
        try ConsentRepository.insert(input, for: customerId, by: actor, at: dependencies.now(), in: connection)
    }

    func consents(of customerId: CustomerId, beforeId: Int64?, limit: Int) throws -> [Consent] {
        try dependencies.database.read {
            try ConsentRepository.list(of: customerId, beforeId: beforeId, limit: limit, in: $0)
        }
    }

    func accessLog(customerId: CustomerId?, admin: String?, beforeId: Int64?, limit: Int) throws -> [AccessLogEntry] {
        try dependencies.database.read {
            try AccessLogRepository.list(
                customerId: customerId, admin: admin, beforeId: beforeId, limit: limit, in: $0)
        }
    }
}
