package org.mashfrontdoor.notification.domain;

/** Which statutory timescale of a case is at stake (docs/events.md, case pathway events). */
public enum CaseDeadlineKind {
  CHILD_SEEN("Child to be seen"),
  ASSESSMENT("Assessment"),
  ICPC("ICPC"),
  EARLY_HELP_START("Early help start");

  private final String inWords;

  CaseDeadlineKind(String inWords) {
    this.inWords = inWords;
  }

  /** The deadline as staff say it, e.g. "ICPC" or "Child to be seen". */
  public String inWords() {
    return inWords;
  }
}
