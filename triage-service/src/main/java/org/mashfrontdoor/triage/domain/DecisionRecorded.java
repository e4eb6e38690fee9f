package org.mashfrontdoor.triage.domain;

import java.time.Instant;

/** A manager decided a contact ({@code contact.decision()} holds the decision). */
public record DecisionRecorded(Contact contact, Instant at) {
}
