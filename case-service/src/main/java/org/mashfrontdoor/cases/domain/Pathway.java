package org.mashfrontdoor.cases.domain;

/** The help that follows the front-door decision. */
public enum Pathway {
  /** Step-down to early help: a lead professional, a service within 4 weeks. */
  EARLY_HELP,
  /** Assessment by children's social care within 45 working days. */
  SINGLE_ASSESSMENT,
  /** Police, social care, health and education on reasonable cause to suspect significant harm (may lead to Section 47). */
  STRATEGY_DISCUSSION
}
