/// The Helpdesk service's domain.
public enum HelpdeskModule {}
