import GatewayCore
import ServiceKit

ServiceApp.main(GatewayService.definition())
