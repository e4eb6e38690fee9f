package org.mashfrontdoor.triage;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.junit.ArchTests;
import com.tngtech.archunit.lang.ArchRule;
import org.mashfrontdoor.platform.testsupport.HexagonRules;
import org.mashfrontdoor.triage.adapters.persistence.MongoReferrals;
import org.mashfrontdoor.triage.application.Referrals;
import org.mashfrontdoor.triage.application.ViewingContacts;

/** The hexagon every service keeps (domain plain Java, application free of adapters), from the platform's rules. */
@AnalyzeClasses(packages = "org.mashfrontdoor.triage", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {

  @ArchTest
  static final ArchTests hexagon = ArchTests.in(HexagonRules.class);

  /** ADR 0012: what the referrals told the MASH is read by the audited read alone (no audit entry, no data). */
  @ArchTest
  static final ArchRule referral_details_are_read_only_by_the_audited_read = noClasses()
      .that().doNotHaveFullyQualifiedName(ViewingContacts.class.getName())
      .should().callMethod(Referrals.class, "details", String.class)
      .orShould().callMethod(MongoReferrals.class, "details", String.class)
      .because("a child's details are shown only after the read is in the read audit");
}
