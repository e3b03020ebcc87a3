/// The bodies the admin, the storefront and customers send to loyalty refuse fields they do not
/// have (422 `unknown_field` naming them): ignoring a misspelt or outdated field would lose what
/// the caller meant, e.g. a price or a note. Events between the suite's own services
/// (`OrderEvent`, `ReviewPublishedEvent`) stay lenient, so that a sender one version ahead is
/// not refused for good by its receiver.
extension RewardInput: RefusesUnknownFields {}
extension PointsAdjustmentRequest: RefusesUnknownFields {}
extension CoefficientUpdate: RefusesUnknownFields {}
extension LoyaltyProgram: RefusesUnknownFields {}
extension LoyaltyRule: RefusesUnknownFields {}
extension ExchangeOrderRequest: RefusesUnknownFields {}
extension ExchangedUpdate: RefusesUnknownFields {}
extension ExchangeRejectionRequest: RefusesUnknownFields {}
extension AwardPreviewRequest: RefusesUnknownFields {}
// Held inside the inputs above, whose check covers every level: their schemas close too.
extension Award: RefusesUnknownFields {}
extension RuleConditions: RefusesUnknownFields {}
extension ExchangeOrderItemRequest: RefusesUnknownFields {}
