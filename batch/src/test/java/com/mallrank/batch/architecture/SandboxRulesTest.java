package com.mallrank.batch.architecture;

import static com.tngtech.archunit.base.DescribedPredicate.not;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAPackage;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.type;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.mallrank.batch.demo.DemoCommand;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/**
 * The sandbox mall is not a production path: only the demo wiring ({@code batch.demo}) imports it,
 * and the rest of the application reaches the demo wiring only through its command (the sandbox is
 * sampled as the {@code DefaultTarget} the wiring provides, never by name). Test code may use the
 * sandbox freely.
 */
@AnalyzeClasses(
    packages = "com.mallrank.batch",
    importOptions = ImportOption.DoNotIncludeTests.class)
class SandboxRulesTest {

  private static final String DEMO = "com.mallrank.batch.demo..";

  @ArchTest
  static final ArchRule onlyTheDemoWiringImportsTheSandbox =
      noClasses()
          .that()
          .resideOutsideOfPackage(DEMO)
          .should()
          .dependOnClassesThat()
          .resideInAPackage("com.mallrank.crawler.sandbox..")
          .because("production code samples a Target, whichever site it is");

  @ArchTest
  static final ArchRule theDemoWiringIsReachedOnlyThroughItsCommand =
      noClasses()
          .that()
          .resideOutsideOfPackage(DEMO)
          .should()
          .dependOnClassesThat(resideInAPackage(DEMO).and(not(type(DemoCommand.class))))
          .because("the sandbox mall's runtime is found as a DefaultTarget bean, not by its type");
}
