import Contract
import FoundationEssentials
import Store

/// The codes that belong to a customer (assigned or bought), newest first.
struct CustomerCodes: Sendable {
    /// Where a page continues: after this assignment time and code id.
    typealias Position = CustomerCodeRepository.Position

    let dependencies: CheckoutDependencies

    /// Up to `limit` of the customer's codes after `position`, each with its own position.
    func page(_ customerId: CustomerId, after position: Position?, limit: Int) throws
        -> [(code: CustomerCode, position: Position)]
    {
        try dependencies.database.read { connection in
            try CustomerCodeRepository.page(customerId.text, after: position, limit: limit, in: connection)
        }
    }
}
