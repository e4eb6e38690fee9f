package org.mashfrontdoor.notification;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.junit.ArchTests;
import org.mashfrontdoor.platform.testsupport.HexagonRules;

/** The hexagon every service keeps (domain plain Java, application free of adapters), from the platform's rules. */
@AnalyzeClasses(packages = "org.mashfrontdoor.notification", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {

  @ArchTest
  static final ArchTests hexagon = ArchTests.in(HexagonRules.class);
}
