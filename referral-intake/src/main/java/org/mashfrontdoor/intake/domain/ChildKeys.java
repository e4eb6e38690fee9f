package org.mashfrontdoor.intake.domain;

import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.NoSuchAlgorithmException;
import java.text.Normalizer;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Pseudonymous match keys for the children of a referral, so that finding earlier referrals about the same
 * child never puts personal data into a query or an index. Each child yields a key per identifier it has: its
 * NHS number, its UPN, and its normalised name + date of birth + postcode ({@link ChildIdentity} says when two
 * children are the same). Keys are HMAC-SHA256 under a secret
 * (a plain hash of a 10-digit NHS number could be reversed by trying them all).
 */
public final class ChildKeys {

  private final SecretKeySpec secret;

  public ChildKeys(String secret) {
    if (secret == null || secret.length() < 16) {
      throw new IllegalArgumentException("the child-key secret must have at least 16 characters");
    }
    this.secret = new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256");
  }

  public List<ChildIdentity> of(List<NewReferral.Child> children) {
    return children.stream().map(this::of).toList();
  }

  public ChildIdentity of(NewReferral.Child child) {
    String nhs = child.nhsNumber() == null ? null : mac("nhs:" + child.nhsNumber());
    String upn = child.upn() == null ? null : mac("upn:" + child.upn().toUpperCase(Locale.ROOT));
    String given = normalisedName(child.givenName());
    String family = normalisedName(child.familyName());
    String name = null;
    if (!given.isEmpty() && !family.isEmpty() && child.dateOfBirth() != null && child.address() != null
        && child.address().postcode() != null) {
      name = mac("npd:" + given + "|" + family + "|" + child.dateOfBirth() + "|"
          + normalisedPostcode(child.address().postcode()));
    }
    return new ChildIdentity(nhs, upn, name);
  }

  /**
   * Case, accents and spacing do not matter ("Zoë  O'Neil" and "zoe o'neil" match); digits and punctuation do,
   * since names that differ in them may be two children ("Ava2" is not "Ava", "O'Neil" is not "ONeil").
   */
  public static String normalisedName(String name) {
    if (name == null) {
      return "";
    }
    return Normalizer.normalize(name, Normalizer.Form.NFD).replaceAll("\\p{M}", "")
        .toLowerCase(Locale.ROOT).strip().replaceAll("\\s+", " ");
  }

  public static String normalisedPostcode(String postcode) {
    return postcode.toUpperCase(Locale.ROOT).replaceAll("\\s", "");
  }

  private String mac(String value) {
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(secret);
      return HexFormat.of().formatHex(mac.doFinal(value.getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException | InvalidKeyException e) {
      throw new IllegalStateException(e);
    }
  }
}
