package org.mashfrontdoor.cases.domain;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

/** A strategy discussion as recorded: when, who, whether a Section 47 enquiry starts, and why. */
public record StrategyDiscussion(Instant heldAt, List<Participant> participants, boolean section47,
    String rationale, String recordedBy) {

  public StrategyDiscussion {
    Objects.requireNonNull(heldAt, "heldAt");
    participants = List.copyOf(participants);
  }

  /**
   * Working Together: children's social care, police and health at least. Education and others are welcome but
   * not required.
   */
  public static boolean hasRequiredAgencies(List<Participant> participants) {
    return participants.stream().anyMatch(p -> p.agency().isChildrensSocialCare())
        && participants.stream().anyMatch(p -> p.agency().isPolice())
        && participants.stream().anyMatch(p -> p.agency().isHealth());
  }
}
