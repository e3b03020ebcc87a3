import PersonalDataCore
import ServiceKit

ServiceApp.main(PersonalDataService.definition())
