package org.mashfrontdoor.intake.domain;

/** Why information about a child may be shared without the family's consent. */
public enum LawfulBasis {
  /** DPA 2018 Schedule 1 para 18: safeguarding of children, where consent would put the child at risk. */
  SAFEGUARDING_CHILDREN_DPA_2018,
  /** Children Act 1989 s.47: enquiries where a child may be suffering significant harm. */
  CHILDREN_ACT_1989_S47,
  /** Children Act 2004 s.11: the duty to safeguard and promote the welfare of children. */
  CHILDREN_ACT_2004_S11,
  /** Crime and Disorder Act 1998 s.115. */
  CRIME_AND_DISORDER_ACT_1998_S115,
  OTHER
}
