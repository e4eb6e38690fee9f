package org.mashfrontdoor.intake.domain;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * One child's pseudonymous match keys ({@link ChildKeys}): NHS number, UPN, and name + date of birth + postcode,
 * each null when the form lacks it. Kept per child so that a weak match can be checked against the strong ones.
 */
public record ChildIdentity(String nhsKey, String upnKey, String nameKey) {

  public List<String> keys() {
    List<String> keys = new ArrayList<>(3);
    for (String key : new String[] {nhsKey, upnKey, nameKey}) {
      if (key != null) {
        keys.add(key);
      }
    }
    return keys;
  }

  /**
   * The same child: the same NHS number or the same UPN; or the same name, date of birth and postcode unless a
   * strong identifier both carry differs (two NHS numbers, or two UPNs, mean two children, however alike).
   */
  public boolean sameChildAs(ChildIdentity other) {
    if (nhsKey != null && nhsKey.equals(other.nhsKey) || upnKey != null && upnKey.equals(other.upnKey)) {
      return true;
    }
    return nameKey != null && nameKey.equals(other.nameKey)
        && !conflict(nhsKey, other.nhsKey) && !conflict(upnKey, other.upnKey);
  }

  private static boolean conflict(String one, String other) {
    return one != null && other != null && !Objects.equals(one, other);
  }

  /** Whether any child of one list is the same child as any of the other's. */
  public static boolean anySame(List<ChildIdentity> these, List<ChildIdentity> those) {
    return these.stream().anyMatch(one -> those.stream().anyMatch(one::sameChildAs));
  }

  public static List<String> keysOf(List<ChildIdentity> children) {
    return children.stream().flatMap(c -> c.keys().stream()).distinct().toList();
  }
}
