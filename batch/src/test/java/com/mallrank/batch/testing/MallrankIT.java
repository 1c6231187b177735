package com.mallrank.batch.testing;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.core.annotation.AliasFor;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.ContextCustomizerFactories;

/**
 * A Spring Boot integration test of the batch app against the shared test Elasticsearch, in a
 * corner of its own: the class gets a unique index prefix ({@code t-<class>-<random>}, see {@link
 * MallrankITSupport#indices}), its own in-memory H2 job repository named after the prefix, the
 * command line switched off, and {@link #plan()} as the plan. After the class its context is closed
 * and every index and template of its prefix is deleted, so test runs leave nothing behind on the
 * cluster that eight people share.
 *
 * <p>A test still sets its own extra properties with {@link #properties()} or a
 * {@code @DynamicPropertySource}; both win over these defaults (so a test may point {@code
 * index.es.url} at a server of its own).
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@Inherited
// registered before SpringExtension, so its afterAll runs after the context is closed
@ExtendWith(MallrankITSupport.DeleteIndicesAfterAll.class)
@SpringBootTest
@ContextCustomizerFactories(MallrankITSupport.StandardProperties.class)
@DirtiesContext(classMode = DirtiesContext.ClassMode.AFTER_CLASS)
public @interface MallrankIT {

  /** The plan most tests sample: the sandbox mall's keyword groups. */
  String SANDBOX_PLAN = "../config/sandbox-plan.yml";

  /** Extra {@code key=value} properties of this test. */
  @AliasFor(annotation = SpringBootTest.class, attribute = "properties")
  String[] properties() default {};

  /** {@code batch.plan}; empty for none (the test sets it itself). */
  String plan() default SANDBOX_PLAN;
}
