package org.mashfrontdoor.triage.domain;

public enum ReferralType {
  MARF,
  POLICE_NOTIFICATION,
  CONSULTATION
}
