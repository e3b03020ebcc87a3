import ReviewsCore
import ServiceKit

ServiceApp.main(ReviewsService.definition())
