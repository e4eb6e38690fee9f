package org.mashfrontdoor.triage.domain;

/** How close a contact is to its decision deadline, as on the MASH's thrice-daily RAG report. */
public enum Rag {
  GREEN,
  AMBER,
  RED,
  /** The deadline has passed without a decision. */
  BREACHED
}
