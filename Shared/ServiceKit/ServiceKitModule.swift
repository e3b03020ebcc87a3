public enum ServiceKitModule {}
