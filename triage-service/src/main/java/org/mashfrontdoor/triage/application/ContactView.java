package org.mashfrontdoor.triage.application;

import java.time.Duration;
import org.mashfrontdoor.triage.domain.Contact;
import org.mashfrontdoor.triage.domain.Rag;

/** A contact as seen at one moment: its RAG and the time left to decide it (negative once breached). */
public record ContactView(Contact contact, Rag rag, Duration timeRemaining) {
}
