package org.mashfrontdoor.intake.domain;

/**
 * The referring agency, with its CIN census "source of referral" code (DfE children in need census), so the
 * national return can be filled from what the partner told us at intake.
 */
public enum Agency {
  POLICE("6"),
  SCHOOL("2A"),
  EDUCATION_OTHER("2B"),
  GP("3A"),
  HEALTH_VISITOR("3B"),
  SCHOOL_NURSE("3C"),
  HEALTH_OTHER_PRIMARY("3D"),
  HOSPITAL_AE("3E"),
  HEALTH_OTHER("3F"),
  HOUSING("4"),
  LOCAL_AUTHORITY_SOCIAL_CARE("5A"),
  LOCAL_AUTHORITY_OTHER_INTERNAL("5B"),
  OTHER_LOCAL_AUTHORITY("5C"),
  EARLY_HELP("5D"),
  /** Probation, courts, CAFCASS, prisons, immigration: the census's "other legal agency". */
  PROBATION("7"),
  OTHER_LEGAL_AGENCY("7"),
  /** The census has no voluntary-sector code: it counts under "other". */
  VOLUNTARY_SECTOR("8"),
  OTHER("8"),
  INDIVIDUAL("1A"),
  FAMILY_MEMBER("1B"),
  ACQUAINTANCE("1C"),
  SELF("1D"),
  ANONYMOUS("9");

  private final String cinCensusCode;

  Agency(String cinCensusCode) {
    this.cinCensusCode = cinCensusCode;
  }

  /** The CIN census source-of-referral code, e.g. {@code 6} for police, {@code 2A} for schools. */
  public String cinCensusCode() {
    return cinCensusCode;
  }
}
