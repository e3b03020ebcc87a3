import LoyaltyCore
import ServiceKit

ServiceApp.main(LoyaltyService.definition())
