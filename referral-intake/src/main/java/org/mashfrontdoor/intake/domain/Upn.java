package org.mashfrontdoor.intake.domain;

/**
 * The DfE Unique Pupil Number: a check letter, 11 digits, then a digit (permanent UPN) or a letter (temporary
 * UPN). The check letter is the modulo-23 weighted sum of characters 2-13 (weights 2-13), a final letter
 * counting as its position in the check alphabet, which leaves out I, O and S.
 */
public final class Upn {

  private static final String ALPHABET = "ABCDEFGHJKLMNPQRTUVWXYZ";

  private Upn() {
  }

  public static boolean hasValidFormat(String candidate) {
    return candidate != null && candidate.matches("^[A-HJ-NPQRT-Z]\\d{11}[0-9A-HJ-NPQRT-Z]$");
  }

  public static boolean isValid(String candidate) {
    if (!hasValidFormat(candidate)) {
      return false;
    }
    int sum = 0;
    for (int position = 2; position <= 13; position++) {
      char c = candidate.charAt(position - 1);
      int value = Character.isDigit(c) ? c - '0' : ALPHABET.indexOf(c);
      sum += value * position;
    }
    return ALPHABET.charAt(sum % 23) == candidate.charAt(0);
  }
}
