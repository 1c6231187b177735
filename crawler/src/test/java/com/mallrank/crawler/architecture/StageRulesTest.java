package com.mallrank.crawler.architecture;

import static com.tngtech.archunit.base.DescribedPredicate.not;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAPackage;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.type;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.mallrank.crawler.fetch.FetchResponse;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/**
 * The crawler's stages keep to their jobs (conventions 2): fetchers don't parse, extractors don't
 * touch the network, and the shared records stay free of both.
 */
@AnalyzeClasses(
    packages = "com.mallrank.crawler",
    importOptions = ImportOption.DoNotIncludeTests.class)
class StageRulesTest {

  @ArchTest
  static final ArchRule extractorsDoNotTouchTheNetwork =
      noClasses()
          .that()
          .resideInAnyPackage("..crawler.parse..", "..crawler.profile..", "..crawler.repair..")
          .should()
          .dependOnClassesThat()
          .resideInAnyPackage(
              "java.net.http..", "com.microsoft.playwright..", "..crawler.sandbox..")
          .orShould()
          .dependOnClassesThat(
              resideInAPackage("..crawler.fetch..").and(not(type(FetchResponse.class))))
          .orShould()
          .dependOnClassesThat()
          .haveFullyQualifiedName("org.jsoup.Connection")
          .because("an extractor reads a FetchResponse, it never fetches one");

  @ArchTest
  static final ArchRule fetchersDoNotParse =
      noClasses()
          .that()
          .resideInAPackage("..crawler.fetch..")
          .should()
          .dependOnClassesThat()
          .resideInAnyPackage("..crawler.parse..", "..crawler.profile..");

  @ArchTest
  static final ArchRule recordsDependOnNoStage =
      noClasses()
          .that()
          .resideInAPackage("..crawler.model..")
          .should()
          .dependOnClassesThat()
          .resideInAnyPackage(
              "..crawler.fetch..",
              "..crawler.parse..",
              "..crawler.profile..",
              "org.jsoup..",
              "com.microsoft.playwright..");

  /**
   * The sandbox mall (module {@code crawler/sandbox}) is on the crawler's test classpath only
   * (enforcer); no production class names it either.
   */
  @ArchTest
  static final ArchRule theSandboxIsNotUsedByTheCrawler =
      noClasses()
          .that()
          .resideOutsideOfPackage("..crawler.sandbox..")
          .should()
          .dependOnClassesThat()
          .resideInAPackage("..crawler.sandbox..");

  @ArchTest
  static final ArchRule yamlIsReadOneWay =
      noClasses()
          .that()
          .resideOutsideOfPackage("..crawler.yaml..")
          .should()
          .dependOnClassesThat()
          .resideInAnyPackage("org.yaml.snakeyaml..", "com.fasterxml.jackson.dataformat.yaml..")
          .because(
              "profiles and plans are read by one YAML reader (YamlTree) into one problem record");
}
