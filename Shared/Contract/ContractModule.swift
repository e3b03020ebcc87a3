public enum ContractModule {}
