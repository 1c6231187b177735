package com.mallrank.batch.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/**
 * The batch module reads its YAML configuration files (plans) with the crawler's one validating
 * reader ({@code com.mallrank.crawler.yaml.YamlTree}, problems as {@code ConfigProblem}), never
 * with a YAML library of its own: one approach, one problem record (issue 13 item 3). ({@code
 * application.yml} itself is Spring's: the one class that reads it without Spring, {@code
 * config.PlainConfiguration}, reads it with snakeyaml exactly as Spring's loader does.)
 */
@AnalyzeClasses(
    packages = "com.mallrank.batch",
    importOptions = ImportOption.DoNotIncludeTests.class)
class YamlReadingRulesTest {

  @ArchTest
  static final ArchRule plansAreReadByTheCrawlersYamlReader =
      noClasses()
          .that()
          .haveNameNotMatching("com\\.mallrank\\.batch\\.config\\.PlainConfiguration(\\$.*)?")
          .should()
          .dependOnClassesThat()
          .resideInAnyPackage("org.yaml.snakeyaml..", "com.fasterxml.jackson.dataformat.yaml..")
          .because("plans are read like site profiles: com.mallrank.crawler.yaml.YamlTree");
}
