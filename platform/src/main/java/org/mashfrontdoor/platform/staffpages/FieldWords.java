package org.mashfrontdoor.platform.staffpages;

import java.util.Locale;

/**
 * How the staff pages put the field's codes into words, one way on every page: a RAG as a GOV.UK tag with its word
 * (colour is never the only signal) and a lane by its name at the front door.
 */
public final class FieldWords {

  private FieldWords() {
  }

  /** A RAG rating as a tag: its word and the GOV.UK tag colour. */
  public record Tag(String word, String cssClass) {
  }

  /** GREEN, AMBER, RED or BREACHED (a deadline passed); anything else a grey tag in words. */
  public static Tag rag(String rag) {
    String word = rag.charAt(0) + rag.substring(1).toLowerCase(Locale.UK);
    return switch (rag) {
      case "GREEN" -> new Tag(word, "govuk-tag--green");
      case "AMBER" -> new Tag(word, "govuk-tag--yellow");
      case "RED" -> new Tag(word, "govuk-tag--red");
      // Past red: the strongest colour GOV.UK has, and the word says it.
      case "BREACHED" -> new Tag(word, "govuk-tag--purple");
      default -> new Tag(word.replace('_', ' '), "govuk-tag--grey");
    };
  }

  /** MASH, or the daily domestic-abuse triage of standard and medium risk police notifications. */
  public static String lane(String lane) {
    return "DOMESTIC_ABUSE".equals(lane) ? "Domestic abuse triage" : "MASH";
  }
}
