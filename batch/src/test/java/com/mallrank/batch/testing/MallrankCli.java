package com.mallrank.batch.testing;

import com.mallrank.batch.MallrankApplication;
import com.mallrank.index.testing.TestIndices;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.springframework.boot.SpringApplication;

/**
 * The {@code mallrank} command line run in this JVM as a user runs it, in the test class's own
 * corner of the shared cluster: the same unique prefix, cluster URL and plan as a {@link
 * MallrankIT} (H2 job repository in memory, gone when the run ends), and the prefix's indices
 * deleted after the class. Register it as a {@code static} {@code @RegisterExtension} field.
 *
 * <p>An argument {@code --key=value} of the test replaces the standard value of that key (the
 * command line would otherwise join both values with a comma).
 */
public final class MallrankCli implements BeforeAllCallback, AfterAllCallback {

  private final String plan;
  private TestIndices indices;

  private MallrankCli(String plan) {
    this.plan = plan;
  }

  /** Runs with the sandbox plan. */
  public static MallrankCli withSandboxPlan() {
    return new MallrankCli(MallrankIT.SANDBOX_PLAN);
  }

  /** Runs without {@code batch.plan} (the app's default). */
  public static MallrankCli withoutPlan() {
    return new MallrankCli("");
  }

  @Override
  public void beforeAll(ExtensionContext context) {
    indices = MallrankITSupport.indices(context.getRequiredTestClass());
  }

  @Override
  public void afterAll(ExtensionContext context) {
    new MallrankITSupport.DeleteIndicesAfterAll().afterAll(context);
  }

  /** The class's index prefix. */
  public String prefix() {
    return indices.prefix();
  }

  /** Runs {@code mallrank args...} to its end; returns the exit code. */
  public int exit(String... args) {
    return SpringApplication.exit(SpringApplication.run(MallrankApplication.class, args(args)));
  }

  /** The standard arguments, then {@code args} (a {@code --key=value} among them wins). */
  public String[] args(String... args) {
    Map<String, String> standard =
        new LinkedHashMap<>(MallrankITSupport.standardProperties(prefix(), "", plan));
    for (String arg : args) {
      int eq = arg.indexOf('=');
      if (arg.startsWith("--") && eq > 2) {
        standard.remove(arg.substring(2, eq));
      }
    }
    List<String> all = new ArrayList<>();
    standard.forEach((key, value) -> all.add("--" + key + "=" + value));
    all.addAll(List.of(args));
    return all.toArray(String[]::new);
  }
}
