package org.mashfrontdoor.notification.domain;

import java.util.Locale;

/** What the MASH manager decided for a contact. */
public enum Outcome {
  NO_FURTHER_ACTION, INFORMATION_AND_ADVICE, EARLY_HELP, SINGLE_ASSESSMENT, STRATEGY_DISCUSSION;

  /**
   * A referral to children's social care, as the scorecard counts contacts "progressed to referral": a single
   * assessment or a strategy discussion. Early help, advice and no further action stay contacts.
   */
  public boolean isReferral() {
    return this == SINGLE_ASSESSMENT || this == STRATEGY_DISCUSSION;
  }

  /** The outcome as staff say it, e.g. "strategy discussion". */
  public String inWords() {
    return name().toLowerCase(Locale.ROOT).replace('_', ' ');
  }
}
