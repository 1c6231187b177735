package com.mallrank.batch.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.mallrank.index.report.Reports;
import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/**
 * The batch asks the index one way: through the one {@code Reports} facade (a lazy bean), never by
 * building a query class. Outside {@code index}, {@code com.mallrank.index.report} offers {@code
 * Reports} and the records it takes and returns; anything else there is an implementation detail.
 */
@AnalyzeClasses(
    packages = "com.mallrank.batch",
    importOptions = ImportOption.DoNotIncludeTests.class)
class ReportQueryRulesTest {

  /** The public surface of com.mallrank.index.report: the facade and its records. */
  private static final DescribedPredicate<JavaClass> QUERY_IMPLEMENTATION =
      DescribedPredicate.describe(
          "index report classes other than Reports and its parameter/result records",
          c ->
              c.getPackageName().equals("com.mallrank.index.report")
                  && !c.getSimpleName().equals("Reports")
                  && !c.isRecord()
                  && !c.isEnum());

  @ArchTest
  static final ArchRule onlyTheFacadeAndItsRecords =
      noClasses()
          .should()
          .dependOnClassesThat(QUERY_IMPLEMENTATION)
          .because(
              "report queries are asked through the one Reports bean (ReportsConfiguration),"
                  + " never built per command");

  @ArchTest
  static final ArchRule noReportsBuiltOutsideTheirBean =
      noClasses()
          .that()
          .doNotHaveSimpleName("ReportsConfiguration")
          .should()
          .callConstructorWhere(
              DescribedPredicate.describe(
                  "the target is a constructor of Reports",
                  call -> call.getTargetOwner().isEquivalentTo(Reports.class)))
          .because("one lazy Reports bean is injected where a report is needed");
}
