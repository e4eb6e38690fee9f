package org.mashfrontdoor.triage.domain;

import java.time.Instant;

/** A contact entered the front-door queue, with its RAG at that moment. */
public record ContactOpened(Contact contact, Rag rag, Instant at) {
}
