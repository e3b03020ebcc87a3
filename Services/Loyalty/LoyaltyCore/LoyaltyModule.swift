/// The Loyalty service's domain.
public enum LoyaltyModule {}
