/// The Reviews service's domain.
public enum ReviewsModule {}
