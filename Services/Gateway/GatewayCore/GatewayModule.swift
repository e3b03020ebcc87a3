/// The Gateway service's domain.
public enum GatewayModule {}
