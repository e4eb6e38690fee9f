package org.mashfrontdoor.notification;

import static com.tngtech.archunit.base.DescribedPredicate.not;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAPackage;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAnyPackage;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

@AnalyzeClasses(packages = "org.mashfrontdoor.notification", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {

  @ArchTest
  static final ArchRule domain_is_plain_java = noClasses().that().resideInAPackage("..notification.domain..")
      .should().dependOnClassesThat().resideInAnyPackage(
          "org.springframework..", "org.apache.kafka..", "com.mongodb..", "org.bson..", "tools.jackson..",
          "com.fasterxml.jackson..", "jakarta.persistence..")
      .because("the domain speaks the field's language and nothing else");

  /** The platform's plain-Java shared kernel (deadlines, working days, codes) is the one exception. */
  @ArchTest
  static final ArchRule domain_uses_only_the_platforms_shared_kernel = noClasses().that()
      .resideInAPackage("..notification.domain..")
      .should().dependOnClassesThat(resideInAPackage("org.mashfrontdoor.platform..")
          .and(not(resideInAnyPackage("org.mashfrontdoor.platform.deadlines..", "org.mashfrontdoor.platform.time..",
              "org.mashfrontdoor.platform.codes.."))))
      .because("one source for every clock and code, and nothing else of the platform in the domain");

  @ArchTest
  static final ArchRule domain_does_not_know_the_outside = noClasses().that().resideInAPackage("..notification.domain..")
      .should().dependOnClassesThat().resideInAnyPackage("..notification.application..", "..notification.adapters..");

  @ArchTest
  static final ArchRule application_does_not_know_adapters = noClasses().that()
      .resideInAPackage("..notification.application..")
      .should().dependOnClassesThat().resideInAnyPackage("..notification.adapters..", "org.springframework.web..",
          "org.apache.kafka..", "com.mongodb..");

  @ArchTest
  static final ArchRule no_pattern_suffixes_in_domain = noClasses().that().resideInAPackage("..notification.domain..")
      .should().haveSimpleNameEndingWith("Entity").orShould().haveSimpleNameEndingWith("Repository")
      .orShould().haveSimpleNameEndingWith("Manager").orShould().haveSimpleNameEndingWith("Helper")
      .orShould().haveSimpleNameEndingWith("Util");
}
