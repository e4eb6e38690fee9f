package org.mashfrontdoor.platform.codes;

import java.util.EnumSet;
import java.util.Set;

/**
 * The agencies that refer children and take part in safeguarding work, with their CIN census "source of referral"
 * code (DfE children in need census): one list for the MARF's referrer, a strategy discussion's participants and
 * an early help lead professional. Plain Java: services' domains use it directly.
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

  private static final Set<Agency> HEALTH = EnumSet.of(GP, HEALTH_VISITOR, SCHOOL_NURSE, HEALTH_OTHER_PRIMARY,
      HOSPITAL_AE, HEALTH_OTHER);

  private final String cinCensusCode;

  Agency(String cinCensusCode) {
    this.cinCensusCode = cinCensusCode;
  }

  /** The CIN census source-of-referral code, e.g. {@code 6} for police, {@code 2A} for schools. */
  public String cinCensusCode() {
    return cinCensusCode;
  }

  /** Any health agency (the census's 3A to 3F): what Working Together means by "health" at a strategy discussion. */
  public boolean isHealth() {
    return HEALTH.contains(this);
  }

  public boolean isChildrensSocialCare() {
    return this == LOCAL_AUTHORITY_SOCIAL_CARE;
  }

  public boolean isPolice() {
    return this == POLICE;
  }
}
