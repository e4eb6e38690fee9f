package org.mashfrontdoor.triage.domain;

/** A partner agency the MASH asks for what it knows about the child and family. */
public enum Agency {
  POLICE,
  HEALTH,
  EDUCATION,
  OTHER
}
