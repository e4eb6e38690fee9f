package org.mashfrontdoor.triage;

import static com.tngtech.archunit.base.DescribedPredicate.not;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAPackage;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAnyPackage;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

@AnalyzeClasses(packages = "org.mashfrontdoor.triage", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {

  /** The platform's deadline engine and working-day calendar are plain Java, made for domains to use. */
  static final DescribedPredicate<JavaClass> PLATFORM_BUT_DEADLINES_AND_TIME =
      resideInAPackage("org.mashfrontdoor.platform..")
          .and(not(resideInAnyPackage("org.mashfrontdoor.platform.deadlines..", "org.mashfrontdoor.platform.time..")))
          .as("platform classes outside org.mashfrontdoor.platform.deadlines and .time");

  @ArchTest
  static final ArchRule domain_is_plain_java = noClasses().that().resideInAPackage("..triage.domain..")
      .should().dependOnClassesThat().resideInAnyPackage(
          "org.springframework..", "org.apache.kafka..", "com.mongodb..", "org.bson..", "tools.jackson..",
          "com.fasterxml.jackson..", "jakarta.persistence..")
      .orShould().dependOnClassesThat(PLATFORM_BUT_DEADLINES_AND_TIME)
      .because("the domain speaks the field's language and nothing else");

  @ArchTest
  static final ArchRule domain_does_not_know_the_outside = noClasses().that().resideInAPackage("..triage.domain..")
      .should().dependOnClassesThat().resideInAnyPackage("..triage.application..", "..triage.adapters..");

  @ArchTest
  static final ArchRule application_does_not_know_adapters = noClasses().that()
      .resideInAPackage("..triage.application..")
      .should().dependOnClassesThat().resideInAnyPackage("..triage.adapters..", "org.springframework.web..",
          "org.apache.kafka..", "com.mongodb..");

  @ArchTest
  static final ArchRule no_pattern_suffixes_in_domain = noClasses().that().resideInAPackage("..triage.domain..")
      .should().haveSimpleNameEndingWith("Entity").orShould().haveSimpleNameEndingWith("Repository")
      .orShould().haveSimpleNameEndingWith("Manager").orShould().haveSimpleNameEndingWith("Helper")
      .orShould().haveSimpleNameEndingWith("Util");
}
