package org.mashfrontdoor.intake.domain;

/** The NHS number rule: 10 digits, the last a modulus-11 check digit over the first nine. */
public final class NhsNumber {

  private NhsNumber() {
  }

  public static boolean isValid(String candidate) {
    if (candidate == null || !candidate.matches("\\d{10}")) {
      return false;
    }
    int sum = 0;
    for (int i = 0; i < 9; i++) {
      sum += (candidate.charAt(i) - '0') * (10 - i);
    }
    int check = 11 - (sum % 11);
    if (check == 11) {
      check = 0;
    }
    return check != 10 && check == candidate.charAt(9) - '0';
  }
}
