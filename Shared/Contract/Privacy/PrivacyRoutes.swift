/// The privacy contract every service but the registry answers, internal only: what it holds
/// about a person, and their erasure. The personal-data registry calls them for the export and
/// the access report, and sends erasures through its outbox.
public enum PrivacyRoutes {
    public static let subject = RouteSpec<NoBody, PrivacySubject>(
        .get, "/privacy/subjects/:customerId", roles: [.service, .admin], exposure: .internalOnly,
        summary: "What this service holds about the person.")
    public static let erase = RouteSpec<SubjectErasure, SubjectErasureOutcome>(
        .post, "/privacy/erasures", roles: [.service], exposure: .internalOnly,
        summary: "Anonymize the person, keeping the books whole; a repeat changes nothing more.",
        errors: [
            .validationFailed,
            .conflict(
                "pseudonym_in_use",
                "The pseudonym already holds a record under a key the person's holds too (an erasure repeated after "
                    + "new records of the person arrived); nothing is merged or changed."),
        ])

    public static let all: [RouteDeclaration] = [subject.declaration, erase.declaration]

    /// The services that answer the contract, in the order the registry asks them.
    public static let services = ["loyalty", "discounts", "helpdesk", "reviews"]
}
