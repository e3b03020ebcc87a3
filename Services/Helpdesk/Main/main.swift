import HelpdeskCore
import ServiceKit

ServiceApp.main(HelpdeskService.definition())
