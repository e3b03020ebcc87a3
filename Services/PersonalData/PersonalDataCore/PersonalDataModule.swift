/// The PersonalData service's domain.
public enum PersonalDataModule {}
