package com.mallrank.batch.cli;

import com.mallrank.batch.config.BatchProperties;
import com.mallrank.batch.plan.SecretFiles;
import com.mallrank.crawler.fetch.StorageState;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Instant;
import java.util.concurrent.Callable;
import org.springframework.core.env.Environment;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code mallrank accounts import}: keeps a matrix account's saved login state where mallrank reads
 * it, readable by its owner only. The state is a secret: its contents are never printed or logged.
 * Once it is saved, the account's {@code needs-login} marks made before it are taken back, as
 * {@code accounts login} does ({@link TakeBackNeedsLogin}); an import that fails keeps them.
 */
@Command(
    name = "import",
    mixinStandardHelpOptions = true,
    description = {
      "Copies a matrix account's saved login state (a Playwright storage-state JSON, e.g. from"
          + " `playwright codegen --save-storage=state.json`) to batch.accounts-dir/<id>.json,"
          + " readable by its owner only (mode 600), and prints the plan line that uses it.",
      "The file is a secret (anyone who reads it is logged in as the shop): its contents are"
          + " never printed or logged.",
      "Once saved, the account's needs-login marks (the JobRepository database,"
          + " spring.datasource.*) are taken back: it is sampled again in the current slot."
    })
public class AccountsImportCommand implements Callable<Integer> {

  @Mixin AccountIdOption account;

  @Option(
      names = "--storage-state",
      required = true,
      description = "The saved login state (JSON with a 'cookies' list).")
  Path source;

  private final BatchProperties properties;
  private final Environment environment;

  public AccountsImportCommand(BatchProperties properties, Environment environment) {
    this.properties = properties;
    this.environment = environment;
  }

  @Override
  public Integer call() throws IOException {
    String id = account.checked();
    StorageState state;
    if (!Files.isRegularFile(source)) {
      throw new IllegalArgumentException("cannot read " + source + ": no such file");
    }
    try {
      state = StorageState.read(source);
    } catch (IOException e) {
      throw new IllegalArgumentException(source + " is not a storage-state JSON file");
    }
    if (!state.hasCookieList()) {
      throw new IllegalArgumentException(source + " has no 'cookies' list: not a storage state");
    }
    Path folder = AccountsFolder.ensure(properties.accountsDir()).toAbsolutePath().normalize();
    Path target = folder.resolve(id + ".json");
    Path temp = Files.createTempFile(folder, id, ".tmp");
    SecretFiles.restrict(temp);
    Files.copy(source, temp, StandardCopyOption.REPLACE_EXISTING);
    SecretFiles.restrict(temp);
    Files.move(temp, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    Instant imported = Instant.now();
    AccountsFolder.recordLogin(folder, id, imported, "accounts import");
    System.out.printf(
        "saved the login state of %s (%d cookies) to %s, owner-only%n",
        id, state.cookies().size(), target);
    System.out.printf("in the plan, under the account '%s':%n  storage-state: %s%n", id, target);
    TakeBackNeedsLogin.after(environment, properties.zone(), id, imported, System.out);
    return 0;
  }
}
