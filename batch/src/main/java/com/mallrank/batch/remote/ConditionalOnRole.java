package com.mallrank.batch.remote;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import java.util.Arrays;
import org.springframework.context.annotation.Condition;
import org.springframework.context.annotation.ConditionContext;
import org.springframework.context.annotation.Conditional;
import org.springframework.core.type.AnnotatedTypeMetadata;

/** Registers a bean or configuration only for the given values of {@code batch.role}. */
@Target({ElementType.TYPE, ElementType.METHOD})
@Retention(RetentionPolicy.RUNTIME)
@Documented
@Conditional(ConditionalOnRole.OnRole.class)
public @interface ConditionalOnRole {

  /** The roles the bean is for. */
  Role[] value();

  /** Matches when {@code batch.role} (default {@code all}) is one of the annotation's roles. */
  class OnRole implements Condition {
    @Override
    public boolean matches(ConditionContext context, AnnotatedTypeMetadata metadata) {
      Role role = Role.parse(context.getEnvironment().getProperty(Role.PROPERTY));
      var attributes = metadata.getAnnotationAttributes(ConditionalOnRole.class.getName());
      Role[] roles = attributes == null ? new Role[0] : (Role[]) attributes.get("value");
      return Arrays.asList(roles).contains(role);
    }
  }
}
