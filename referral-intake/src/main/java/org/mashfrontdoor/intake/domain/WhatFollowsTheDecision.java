package org.mashfrontdoor.intake.domain;

import org.mashfrontdoor.platform.codes.MashOutcome;

/**
 * What the MASH manager's decision means for the referrer, in plain English: what happens next and what the referring
 * agency still owns. The switch is exhaustive over the shared outcome list, so a new outcome cannot go unexplained.
 */
public record WhatFollowsTheDecision(String whatHappensNext, String whatYouStillOwn) {

  public static WhatFollowsTheDecision of(MashOutcome outcome) {
    return switch (outcome) {
      case NO_FURTHER_ACTION -> new WhatFollowsTheDecision(
          "Children's social care will take no further action.",
          "Your agency keeps supporting the child as before. Refer again at once if you are worried the child is at "
              + "risk.");
      case INFORMATION_AND_ADVICE -> new WhatFollowsTheDecision(
          "The MASH has given your agency information and advice.",
          "Your agency keeps the lead: act on the advice and record it. Refer again if things get worse.");
      case EARLY_HELP -> new WhatFollowsTheDecision(
          "The family is offered early help with a lead professional, within 4 weeks.",
          "Keep supporting the child, take part in the early help plan, and share new worries with the lead "
              + "professional.");
      case SINGLE_ASSESSMENT -> new WhatFollowsTheDecision(
          "A social worker will assess the child's needs (within 45 working days).",
          "Keep supporting the child, share what you know with the social worker, and report new worries at once.");
      case STRATEGY_DISCUSSION -> new WhatFollowsTheDecision(
          "Police, social care, health and education will hold a strategy discussion about the child's safety.",
          "Be ready to share what your agency knows; keep the child safe in your setting and report new worries at "
              + "once.");
    };
  }
}
