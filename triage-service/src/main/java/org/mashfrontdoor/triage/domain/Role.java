package org.mashfrontdoor.triage.domain;

public enum Role {
  /** Records checks and advice, and recommends an outcome. */
  MASH_SOCIAL_WORKER,
  /** Signs off a recommendation: the decision. */
  MASH_MANAGER,
  /** The unrestricted operator of a local stack (no identity provider yet); never issued in production. */
  LOCAL_OPERATOR
}
