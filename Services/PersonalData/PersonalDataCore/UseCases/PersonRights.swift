import Contract
import FoundationEssentials
import Primitives
import ServiceKit
import Store

/// The person's rights across the suite: the export of everything held about them, and their
/// erasure in two steps: a confirmation token first, then the registry's rows at once and every
/// other service's through the outbox, each acknowledging when done.
struct PersonRights: Sendable {
    let dependencies: PersonalDataDependencies
    /// Asks a service what it holds about the person; nil when the service cannot be reached.
    let subjectOf: @Sendable (_ service: String, CustomerId) -> PrivacySubject?

    /// How long a confirmation token works.
    static let confirmationLifetime: TimeInterval = 600

    /// A service that could not be asked; the export is refused rather than given incomplete.
    struct ServicesUnavailable: Error {
        let services: [String]
    }

    /// Everything held about the person, with the export written to the access log.
    func export(_ customerId: CustomerId, by admin: String) throws -> PersonalDataExport {
        var subjects: [PrivacySubject] = []
        var unavailable: [String] = []
        for service in PrivacyRoutes.services {
            if let subject = subjectOf(service, customerId) {
                subjects.append(subject)
            } else {
                unavailable.append(service)
            }
        }
        guard unavailable.isEmpty else { throw ServicesUnavailable(services: unavailable) }
        let now = dependencies.now()
        return try dependencies.database.write { connection in
            let customer = try CustomerRepository.find(customerId, in: connection)
            let condition = ErasureRepository.orderCondition(customerId, email: customer?.email)
            let orders = try OrderRepository.all(condition, in: connection)
            var disclosures = try DisclosureRepository.all(of: .customer(customerId), in: connection)
            for order in orders {
                disclosures += try DisclosureRepository.all(of: .order(order.orderNumber), in: connection)
            }
            let consents = try ConsentRepository.all(of: customerId, in: connection)
            try AccessLogRepository.append(
                .exported, by: admin, customerId: customerId, orderNumber: nil, at: now, in: connection)
            return PersonalDataExport(
                customerId: customerId, generatedAt: now, customer: customer, orders: orders,
                disclosures: disclosures.sorted { $0.id > $1.id }, consents: consents, services: subjects)
        }
    }

    /// The access report of a customer or an order's buyer, with its printing written to the
    /// access log. A service that does not answer is named as such in the report.
    func report(_ subject: AccessReport.Subject, by admin: String) throws -> AccessReport {
        var services: [(service: String, subject: PrivacySubject?)] = []
        if case .customer(let customerId) = subject {
            services = PrivacyRoutes.services.map { ($0, subjectOf($0, customerId)) }
        }
        let now = dependencies.now()
        return try dependencies.database.write { connection in
            var report = AccessReport(
                subject: subject, customer: nil, orders: [], disclosures: [], consents: [], services: services,
                generatedAt: now)
            switch subject {
            case .customer(let customerId):
                report.customer = try CustomerRepository.find(customerId, in: connection)
                let condition = ErasureRepository.orderCondition(customerId, email: report.customer?.email)
                report.orders = try OrderRepository.all(condition, in: connection)
                report.disclosures = try DisclosureRepository.all(of: .customer(customerId), in: connection)
                report.consents = try ConsentRepository.all(of: customerId, in: connection)
                guard report.customer != nil || !report.orders.isEmpty else {
                    throw RegistryRefusal.noCustomer(customerId)
                }
                try AccessLogRepository.append(
                    .printed, by: admin, customerId: customerId, orderNumber: nil, at: now, in: connection)
            case .order(let orderNumber):
                guard let order = try OrderRepository.find(orderNumber, in: connection) else {
                    throw RegistryRefusal.noOrder(orderNumber)
                }
                report.orders = [order]
                report.disclosures = try DisclosureRepository.all(of: .order(orderNumber), in: connection)
                try AccessLogRepository.append(
                    .printed, by: admin, customerId: order.customerId, orderNumber: orderNumber, at: now,
                    in: connection)
            }
            for order in report.orders where subject.isCustomer {
                report.disclosures += try DisclosureRepository.all(of: .order(order.orderNumber), in: connection)
            }
            return report
        }
    }

    /// The first step: a token that confirms the erasure of `customerId` for ten minutes.
    func confirmation(for customerId: CustomerId, in connection: Connection) throws -> ErasureStep {
        let token = SecureRandom.token()
        let expiresAt = dependencies.now().addingTimeInterval(Self.confirmationLifetime)
        try ErasureRepository.storeConfirmation(
            tokenHash: Self.hash(token), customerId: customerId, expiresAt: expiresAt, in: connection)
        let customer = try CustomerRepository.find(customerId, in: connection)
        return .confirmation(
            customerId: customerId, token: token, expiresAt: expiresAt,
            orders: try ErasureRepository.countOrders(of: customerId, email: customer?.email, in: connection),
            registered: customer != nil)
    }

    /// The second step: with a valid token, the registry's rows anonymized and every service's
    /// erasure queued, all in the caller's transaction.
    func erase(_ customerId: CustomerId, token: String, by admin: String, in connection: Connection) throws
        -> ErasureStep
    {
        let now = dependencies.now()
        guard
            try ErasureRepository.useConfirmation(
                tokenHash: Self.hash(token), customerId: customerId, at: now, in: connection)
        else { throw ErasureRefusal.confirmationInvalid }
        let id = "e-" + SecureRandom.token(bytes: 12)
        let order = SubjectErasure(erasureId: id, customerId: customerId)
        let email = try CustomerRepository.find(customerId, in: connection)?.email
        _ = try ErasureRepository.anonymize(customerId, email: email, pseudonym: order.pseudonym, in: connection)
        try ErasureRepository.record(id: id, pseudonym: order.pseudonym, by: admin, at: now, in: connection)
        try AccessLogRepository.append(
            .erased, by: admin, customerId: CustomerId(order.pseudonym), orderNumber: nil, at: now, in: connection)
        let payload = try JSONCoding.encode(order)
        for service in PrivacyRoutes.services {
            try Outbox.enqueue(
                Outbox.Event(
                    destination: service, path: PrivacyRoutes.erase.servicePath(), payload: payload,
                    eventId: "\(id)-\(service)", orderingKey: Self.orderingKey(id)),
                in: connection, now: now)
        }
        return .started(customerId: customerId, id: id)
    }

    /// How far erasure `id` got: each service's delivery.
    func progress(_ id: String, deliveries: (String) throws -> [Outbox.Delivery]) throws -> ErasureProgress {
        guard let erasure = try dependencies.database.read({ try ErasureRepository.find(id, in: $0) }) else {
            throw ErasureRefusal.noErasure(id)
        }
        let byService = Dictionary(
            try deliveries(Self.orderingKey(id)).map { ($0.destination, $0) }, uniquingKeysWith: { $1 })
        let services = PrivacyRoutes.services.map { service -> ErasureProgress.ServiceErasure in
            let delivery = byService[service]
            let state: ErasureProgress.ServiceErasure.State
            switch delivery?.state {
            case "delivered"?: state = .done
            case "failed"?: state = .failed
            default: state = .pending
            }
            return .init(
                service: service, state: state, attempts: delivery?.attempts ?? 0, lastError: delivery?.lastError)
        }
        return ErasureProgress(
            id: id, pseudonym: erasure.pseudonym, requestedAt: erasure.requestedAt, requestedBy: erasure.requestedBy,
            services: services)
    }

    static func orderingKey(_ id: String) -> String { "erasure-" + id }

    /// Tokens are kept as SHA-256 hex: the table never holds one that works.
    static func hash(_ token: String) -> String {
        SHA256.hash(Array(token.utf8)).hexDigits
    }
}

/// Why an erasure request is refused.
enum ErasureRefusal: Error, Equatable {
    case confirmationInvalid
    case noErasure(String)
}
