import DiscountsCore
import ServiceKit

ServiceApp.main(DiscountsService.definition())
