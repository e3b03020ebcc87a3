import DiscountsCore
import FoundationEssentials
import GatewayCore
import Glibc
import HelpdeskCore
import LoyaltyCore
import PersonalDataCore
import ReviewsCore
import SuiteCore

// Usage: suite [--port P] [--host H] [--data-dir D], or suite serve <service> [flags]; see
// LauncherOptions.usage. Every service is linked in: one build of `suite` runs the whole suite.
exit(
    SuiteLauncher.main(
        arguments: Array(CommandLine.arguments.dropFirst()), environment: ProcessInfo.processInfo.environment,
        services: [
            GatewayService.definition(), LoyaltyService.definition(), DiscountsService.definition(),
            HelpdeskService.definition(), ReviewsService.definition(), PersonalDataService.definition(),
        ]))
