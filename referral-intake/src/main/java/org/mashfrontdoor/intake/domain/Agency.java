package org.mashfrontdoor.intake.domain;

/** The referring agency, as the CIN census groups contact sources. */
public enum Agency {
  POLICE, SCHOOL, EDUCATION_OTHER, HEALTH_VISITOR, SCHOOL_NURSE, GP, HOSPITAL_AE, HEALTH_OTHER, PROBATION,
  EARLY_HELP, OTHER_LOCAL_AUTHORITY, HOUSING, VOLUNTARY_SECTOR, INDIVIDUAL, ANONYMOUS, OTHER
}
