package org.mashfrontdoor.intake.application;

/** The URL a partner asked for cannot be a webhook; the message says why. */
public class InvalidWebhookUrl extends RuntimeException {

  public InvalidWebhookUrl(String reason) {
    super(reason);
  }
}
