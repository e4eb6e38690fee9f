package org.mashfrontdoor.platform.testsupport;

import static com.tngtech.archunit.base.DescribedPredicate.not;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAPackage;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAnyPackage;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/**
 * The architecture every service keeps, once: a small hexagon of {@code domain} (plain Java in the field's
 * language), {@code application} (use cases and ports) and {@code adapters}. A service includes them with
 * <pre>{@code
 * @AnalyzeClasses(packages = "org.mashfrontdoor.cases", importOptions = ImportOption.DoNotIncludeTests.class)
 * class ArchitectureTest {
 *   @ArchTest static final ArchTests hexagon = ArchTests.in(HexagonRules.class);
 * }
 * }</pre>
 * The packages are matched below the analysed service's own root, so the rules need no service name.
 */
public final class HexagonRules {

  /**
   * The platform's plain-Java shared kernel, which a domain may use: the one deadline engine, the working-day
   * calendar, the agency and deadline codes, and the read audit's purpose rule and hash chain (docs/adr/0007,
   * docs/adr/0006). Nothing else of the platform.
   */
  static final DescribedPredicate<JavaClass> PLATFORM_OUTSIDE_THE_SHARED_KERNEL =
      resideInAPackage("org.mashfrontdoor.platform..")
          .and(not(resideInAnyPackage("org.mashfrontdoor.platform.deadlines..", "org.mashfrontdoor.platform.time..",
              "org.mashfrontdoor.platform.codes..", "org.mashfrontdoor.platform.audit..")))
          .as("platform classes outside its shared kernel (deadlines, time, codes, audit)");

  @ArchTest
  static final ArchRule domain_is_plain_java = noClasses().that().resideInAPackage("..domain..")
      .should().dependOnClassesThat().resideInAnyPackage(
          "org.springframework..", "org.apache.kafka..", "com.mongodb..", "org.bson..", "tools.jackson..",
          "com.fasterxml.jackson..", "jakarta.persistence..")
      .orShould().dependOnClassesThat(PLATFORM_OUTSIDE_THE_SHARED_KERNEL)
      .because("the domain speaks the field's language and nothing else");

  @ArchTest
  static final ArchRule domain_does_not_know_the_outside = noClasses().that().resideInAPackage("..domain..")
      .should().dependOnClassesThat().resideInAnyPackage("..application..", "..adapters..");

  @ArchTest
  static final ArchRule application_does_not_know_adapters = noClasses().that().resideInAPackage("..application..")
      .should().dependOnClassesThat().resideInAnyPackage("..adapters..", "org.springframework.web..",
          "org.apache.kafka..", "com.mongodb..");

  /**
   * Each kind of adapter ({@code web}, {@code messaging}, {@code persistence}, {@code webhooks}, ...) is one way in
   * or out; what two kinds share is a port in {@code application} (or the platform), so either can change alone.
   */
  @ArchTest
  static final ArchRule adapters_of_one_kind_do_not_use_another_kind = slices().matching("..adapters.(*)..")
      .namingSlices("adapters.$1").should().notDependOnEachOther()
      .because("what two kinds of adapter share belongs in application's ports or the platform");

  @ArchTest
  static final ArchRule no_pattern_suffixes_in_domain = noClasses().that().resideInAPackage("..domain..")
      .should().haveSimpleNameEndingWith("Entity").orShould().haveSimpleNameEndingWith("Repository")
      .orShould().haveSimpleNameEndingWith("Manager").orShould().haveSimpleNameEndingWith("Helper")
      .orShould().haveSimpleNameEndingWith("Util");

  private HexagonRules() {
  }
}
