package com.mallrank.batch.cli;

import java.lang.reflect.Constructor;
import java.util.Arrays;
import java.util.Comparator;
import org.springframework.objenesis.ObjenesisStd;
import picocli.CommandLine;

/**
 * Creates commands without their collaborators, for picocli to read their options and print help:
 * the widest constructor is called with {@code null}s (so field initialisers, which picocli shows
 * as defaults, run as usual); a constructor that needs its arguments is bypassed (Objenesis). Such
 * a command is never run: {@link CommandLineStartup} starts a context for every command that runs.
 */
final class WithoutDependencies implements CommandLine.IFactory {

  private static final ObjenesisStd OBJENESIS = new ObjenesisStd();

  @Override
  public <K> K create(Class<K> type) throws Exception {
    try {
      return CommandLine.defaultFactory().create(type);
    } catch (Exception noDefaultConstructor) {
      Constructor<?> widest =
          Arrays.stream(type.getDeclaredConstructors())
              .max(Comparator.comparingInt(Constructor::getParameterCount))
              .orElseThrow();
      try {
        widest.setAccessible(true);
        Object[] nulls =
            Arrays.stream(widest.getParameterTypes()).map(WithoutDependencies::empty).toArray();
        return type.cast(widest.newInstance(nulls));
      } catch (ReflectiveOperationException | RuntimeException needsItsArguments) {
        return OBJENESIS.newInstance(type);
      }
    }
  }

  private static Object empty(Class<?> type) {
    if (!type.isPrimitive()) {
      return null;
    }
    if (type == boolean.class) {
      return false;
    }
    if (type == char.class) {
      return '\0';
    }
    return java.lang.reflect.Array.get(java.lang.reflect.Array.newInstance(type, 1), 0);
  }
}
