package org.mashfrontdoor.triage.domain;

/** The MASH staff roles, as the caller's token states them. */
public enum Role {
  /** Records checks and advice, and recommends an outcome. */
  MASH_SOCIAL_WORKER,
  /** Signs off a recommendation: the decision. */
  MASH_MANAGER
}
