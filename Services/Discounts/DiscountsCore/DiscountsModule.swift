/// The Discounts service's domain.
public enum DiscountsModule {}
