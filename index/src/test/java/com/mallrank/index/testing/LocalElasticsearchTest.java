package com.mallrank.index.testing;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Runs the annotated test class against the shared test Elasticsearch (see {@link
 * LocalElasticsearchExtension}); test methods may take a {@link TestIndices} parameter.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@ExtendWith(LocalElasticsearchExtension.class)
public @interface LocalElasticsearchTest {}
