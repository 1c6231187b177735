package com.mallrank.batch.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.mallrank.batch.text.Formats;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;
import java.math.BigDecimal;

/**
 * The report room's boundaries: one formatter ({@link Formats}) for money, rates and times, so the
 * same change reads the same on the terminal, in CSV, XLSX, HTML and in chat alerts; the report
 * model knows no writer; the writers know no command and do not import each other in a circle.
 */
@AnalyzeClasses(
    packages = "com.mallrank.batch",
    importOptions = ImportOption.DoNotIncludeTests.class)
class ReportRoomRulesTest {

  @ArchTest
  static final ArchRule oneFormatterForNumbersAndTimes =
      noClasses()
          .that()
          .doNotHaveFullyQualifiedName(Formats.class.getName())
          .should()
          .dependOnClassesThat()
          .haveFullyQualifiedName("java.text.DecimalFormat")
          .orShould()
          .dependOnClassesThat()
          .haveFullyQualifiedName("java.text.NumberFormat")
          .orShould()
          .dependOnClassesThat()
          .haveFullyQualifiedName("java.time.format.DateTimeFormatter")
          .orShould()
          .callMethod(BigDecimal.class, "toPlainString")
          .orShould()
          .callMethod(BigDecimal.class, "stripTrailingZeros")
          .because(
              "money, percentages and times are written by Formats alone (\"12.50%\" everywhere,"
                  + " never \"12.5%\" on one screen and \"12.50%\" in the CSV)");

  @ArchTest
  static final ArchRule theModelKnowsNoWriter =
      noClasses()
          .that()
          .resideInAPackage("..batch.report.model..")
          .should()
          .dependOnClassesThat()
          .resideInAnyPackage("..batch.report.format..", "..batch.report.html..")
          .because("every writer renders the one model; the model renders nothing");

  @ArchTest
  static final ArchRule writersKnowNoCommand =
      noClasses()
          .that()
          .resideInAnyPackage("..batch.report.format..", "..batch.report.html..")
          .should()
          .dependOnClassesThat()
          .resideInAPackage("com.mallrank.batch.report")
          .because("the commands choose what to write, the writers only how");

  @ArchTest
  static final ArchRule htmlIsOneWriterNotTheDispatcher =
      noClasses()
          .that()
          .resideInAPackage("..batch.report.html..")
          .should()
          .dependOnClassesThat()
          .resideInAPackage("..batch.report.format..")
          .because(
              "format/ReportFiles picks the writer per format and html/HtmlReportWriter is one of"
                  + " them: the dependency goes one way");
}
