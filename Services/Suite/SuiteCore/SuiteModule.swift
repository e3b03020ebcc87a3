public enum SuiteModule {}
