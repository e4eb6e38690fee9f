package org.mashfrontdoor.triage.domain;

import java.time.LocalDate;

/** What triage needs to know about a child named in a referral to set its priority; names are not kept. */
public record Child(LocalDate dateOfBirth, boolean onChildProtectionPlan) {
}
