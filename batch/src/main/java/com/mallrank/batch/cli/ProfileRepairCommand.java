package com.mallrank.batch.cli;

import com.mallrank.batch.config.BatchProperties;
import com.mallrank.batch.config.CrawlerProperties;
import com.mallrank.batch.evidence.EvidenceKeeper;
import com.mallrank.batch.plan.PlanException;
import com.mallrank.batch.runtime.PlanRepository;
import com.mallrank.batch.runtime.SiteProfileRegistry;
import com.mallrank.batch.text.Escaping;
import com.mallrank.batch.text.Formats;
import com.mallrank.batch.text.TextTable;
import com.mallrank.crawler.model.Listing;
import com.mallrank.crawler.profile.SiteProfile;
import com.mallrank.crawler.profile.SiteProfiles;
import com.mallrank.crawler.repair.KnownListings;
import com.mallrank.crawler.repair.ProfileRepair;
import com.mallrank.crawler.repair.RepairResult;
import com.mallrank.index.document.ListingDocument;
import com.mallrank.index.report.RepairEvidence;
import com.mallrank.index.report.Reports;
import java.io.IOException;
import java.io.PrintStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.Callable;
import org.springframework.beans.factory.ObjectProvider;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * {@code mallrank profile repair}: after a marketplace redesigned its page or renamed its JSON,
 * proposes the fixed profile from the new page and the listings the old profile read before (see
 * {@link ProfileRepair}), prints the diff, a table per rule and what it could not repair, and
 * writes the proposal; the old profile is replaced only with {@code --write}, and only by a
 * complete repair that passes {@code profile test} (the extraction the repair checks itself with)
 * and {@code plan validate}.
 */
@Command(
    name = "repair",
    mixinStandardHelpOptions = true,
    description = {
      "Proposes the fixed site profile after a page redesign: finds the known listings' values on"
          + " the new page, induces the card selector (html) or items path (json) and each field's"
          + " rule, and edits the old profile's YAML minimally. Prints the diff, a table per rule"
          + " (known values read / cards) and what it could not repair.",
      "From files: mallrank profile repair --profile OLD --page NEW_PAGE --known OK.json -o"
          + " FIXED.yml   (OK.json: `mallrank profile test --json` of a page OLD read correctly)",
      "From the store: mallrank profile repair --profile ID --keyword K [--group G]   (the newest"
          + " layout_changed sample's kept evidence and the last ok sample's listings)",
      "Exit 0: repaired (or nothing to repair); 3: partial or no proposal (a partial proposal is"
          + " written as <output>.partial.yml); 2: bad input, or a plan that does not validate."
    })
public class ProfileRepairCommand implements Callable<Integer> {

  @Spec CommandSpec spec;

  @Option(
      names = {"-p", "--profile"},
      required = true,
      description = "The profile to repair: an id (built in or in crawler.profiles-dir) or a .yml.")
  String profile;

  @Option(names = "--page", description = "The new page (HTML, JSON, a capture or a stream).")
  Path page;

  @Option(
      names = "--known",
      description = "`mallrank profile test --json` output of a page the profile read correctly.")
  Path known;

  @Option(
      names = "--keyword",
      description =
          "From the store: the keyword whose newest layout_changed sample to repair from.")
  String keyword;

  @Option(names = "--group", description = "From the store: only samples of this plan group.")
  String group;

  @Option(
      names = {"-o", "--output"},
      description = "Where to write the proposal (default: <id>.repaired.yml here).")
  Path output;

  @Option(
      names = "--write",
      description =
          "Also install a complete repair over the profile it repairs: the .yml given, or"
              + " crawler.profiles-dir/<id>.yml for an id (the old file kept as .bak).")
  boolean write;

  @Option(
      names = "--min-agreement",
      defaultValue = "90",
      paramLabel = "PERCENT",
      description =
          "The share of cards of known listings a rule must read the known value on, 50..100"
              + " (default ${DEFAULT-VALUE}; listings of another hour differ on a few cards).")
  int minAgreement;

  private final SiteProfileRegistry profiles;
  private final CrawlerProperties crawler;

  /** Only from the store ({@code --keyword}): from files it runs without Elasticsearch. */
  private final ObjectProvider<Reports> reports;

  private final EvidenceKeeper evidence;
  private final PlanRepository plans;
  private final BatchProperties batch;

  public ProfileRepairCommand(
      SiteProfileRegistry profiles,
      CrawlerProperties crawler,
      ObjectProvider<Reports> reports,
      EvidenceKeeper evidence,
      PlanRepository plans,
      BatchProperties batch) {
    this.profiles = profiles;
    this.crawler = crawler;
    this.reports = reports;
    this.evidence = evidence;
    this.plans = plans;
    this.batch = batch;
  }

  @Override
  public Integer call() throws IOException {
    boolean fromFiles = page != null || known != null;
    if (fromFiles == (keyword != null) || fromFiles && (page == null || known == null)) {
      throw new ParameterException(
          spec.commandLine(),
          "give either --page and --known (from files) or --keyword (from the store)");
    }
    if (minAgreement < 50 || minAgreement > 100) {
      throw new ParameterException(
          spec.commandLine(), "--min-agreement must be 50..100, was " + minAgreement);
    }
    boolean isFile =
        profile.endsWith(".yml") || profile.endsWith(".yaml") || Files.exists(Path.of(profile));
    SiteProfile old = isFile ? SiteProfiles.load(Path.of(profile)) : profiles.get(profile);
    String oldText =
        isFile
            ? Files.readString(Path.of(profile), StandardCharsets.UTF_8)
            : profiles.text(profile);
    Input input = fromFiles ? fromFiles() : fromStore(old);
    if (input == null) {
      return 3;
    }
    PrintStream out = System.out;
    ProfileRepair.Settings settings =
        new ProfileRepair.Settings(minAgreement / 100.0, crawler.maxPageSize().toBytes());
    RepairResult result =
        ProfileRepair.repair(old, oldText, input.url(), input.page(), input.known(), settings);
    out.print(Escaping.terminalLines(header(old, input, result)));
    out.print(Escaping.terminalLines(result.diff()));
    if (!result.rows().isEmpty()) {
      out.println();
      out.print(table(result));
    }
    out.print(Escaping.terminalLines(details(result)));
    return finish(old, isFile, result, out);
  }

  /** The page, its URL and the known listings. */
  private record Input(String what, String url, byte[] page, List<Listing> known) {}

  private Input fromFiles() throws IOException {
    long max = crawler.maxPageSize().toBytes();
    if (Files.size(page) > max) {
      throw new IllegalArgumentException(
          page + ": " + Files.size(page) + " bytes, more than crawler.max-page-size (" + max + ")");
    }
    if (Files.size(known) > 16L * 1024 * 1024) {
      throw new IllegalArgumentException(known + ": larger than 16 MiB, not a profile test output");
    }
    List<Listing> listings =
        KnownListings.parse(known.toString(), Files.readString(known, StandardCharsets.UTF_8));
    return new Input(
        "page " + page + ", known " + known,
        page.toUri().toString(),
        withoutBom(Files.readAllBytes(page)),
        listings);
  }

  private Input fromStore(SiteProfile old) throws IOException {
    RepairEvidence found =
        reports.getObject().onProfile(old.id()).repairEvidence(keyword, group).orElse(null);
    if (found == null) {
      System.out.println(
          Escaping.terminal(
              "nothing to repair from: no layout_changed sample of '"
                  + keyword
                  + "' on "
                  + old.id()
                  + (group == null ? "" : " in group " + group)
                  + " kept its evidence (mallrank evidence list; crawler.evidence.enabled)"));
      return null;
    }
    if (found.lastRanked() == null || found.listings().isEmpty()) {
      System.out.println(
          Escaping.terminal(
              "nothing known to learn from: no ok or partial sample of '"
                  + keyword
                  + "' on "
                  + old.id()
                  + " before "
                  + found.failed().slot()
                  + ": repair it from files (--page, --known)"));
      return null;
    }
    Path root = evidence.store().root();
    Path file = Path.of(found.failed().evidencePath()).toAbsolutePath().normalize();
    if (!file.startsWith(root) || !Files.isRegularFile(file)) {
      throw new IllegalArgumentException(
          "the evidence of the layout_changed sample is gone or outside "
              + root
              + ": "
              + found.failed().evidencePath());
    }
    if (Files.size(file) > crawler.maxPageSize().toBytes()) {
      throw new IllegalArgumentException(file + ": larger than crawler.max-page-size");
    }
    List<Listing> listings = new ArrayList<>();
    for (ListingDocument l : found.listings()) {
      listings.add(
          new Listing(
              l.position(),
              l.organicRank(),
              l.sponsored(),
              l.productId(),
              l.title(),
              l.shopId(),
              l.shopName(),
              l.priceFen() == null ? null : BigDecimal.valueOf(l.priceFen(), 2),
              l.commissionBp() == null ? null : BigDecimal.valueOf(l.commissionBp(), 2),
              l.imageUrl(),
              l.salesLabel()));
    }
    String url = found.failed().url() == null ? file.toUri().toString() : found.failed().url();
    return new Input(
        "evidence "
            + file
            + " ("
            + found.failed().vantage()
            + ", slot "
            + Formats.compactSlot(found.failed().slot())
            + "), known: the "
            + listings.size()
            + " listings of slot "
            + Formats.compactSlot(found.lastRanked().slot())
            + " ("
            + found.lastRanked().vantage()
            + ")",
        url,
        Files.readAllBytes(file),
        listings);
  }

  private int finish(SiteProfile old, boolean isFile, RepairResult result, PrintStream out)
      throws IOException {
    Path target = output != null ? output : Path.of(old.id() + ".repaired.yml");
    switch (result.outcome()) {
      case NOTHING_TO_REPAIR -> {
        out.println("nothing to repair: " + old.id() + " reads the new page; nothing written");
        return 0;
      }
      case FAILED -> {
        out.println(Escaping.terminal("no proposal: " + result.failure() + "; nothing written"));
        return 3;
      }
      case PARTIAL -> {
        Path partial = partial(target);
        writeAtomically(partial, result.newText());
        out.println(
            Escaping.terminal(
                "partial: some rules still do not read the new page; the proposal is in "
                    + partial
                    + " (not installed)"));
        return 3;
      }
      default -> {
        // repaired: the extraction already passed (profile test); now the plan
        String plan = planCheck();
        if (plan != null) {
          Path partial = partial(target);
          writeAtomically(partial, result.newText());
          out.println(
              Escaping.terminalLines(
                  "not written: the plan does not validate:\n" + plan + "\nproposal: " + partial));
          return 2;
        }
        if (output != null || !write) {
          writeAtomically(target, result.newText());
          out.println(Escaping.terminal("repaired: the proposal is in " + target));
        }
        if (write) {
          Path installed = isFile ? Path.of(profile) : profiles.overrideFile(old.id());
          if (Files.exists(installed)) {
            Files.copy(
                installed,
                installed.resolveSibling(installed.getFileName() + ".bak"),
                StandardCopyOption.REPLACE_EXISTING);
          }
          Files.createDirectories(installed.toAbsolutePath().getParent());
          writeAtomically(installed, result.newText());
          profiles.forget(old.id());
          out.println(
              Escaping.terminal(
                  "installed: "
                      + installed
                      + (isFile ? "" : " (overrides the built-in " + old.id() + ")")
                      + "; the next sample uses it"));
        }
        return 0;
      }
    }
  }

  /** The plan's problems when it does not validate, else {@code null} (also without a plan). */
  private String planCheck() {
    if (!Files.isRegularFile(batch.plan())) {
      return null; // nothing samples with it here
    }
    try {
      plans.plan();
      return null;
    } catch (PlanException e) {
      return e.getMessage();
    }
  }

  private static Path partial(Path target) {
    String name = target.getFileName().toString();
    String stem = name.endsWith(".yml") ? name.substring(0, name.length() - 4) : name;
    return target.resolveSibling(stem + ".partial.yml");
  }

  private static void writeAtomically(Path file, String text) throws IOException {
    Path folder = file.toAbsolutePath().getParent();
    Files.createDirectories(folder);
    Path tmp = Files.createTempFile(folder, ".repair", ".tmp");
    try {
      Files.writeString(tmp, text, StandardCharsets.UTF_8);
      Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    } finally {
      Files.deleteIfExists(tmp);
    }
  }

  private static String header(SiteProfile old, Input input, RepairResult result) {
    return "profile repair: "
        + old.id()
        + " ("
        + old.source()
        + ")\n"
        + "from: "
        + input.what()
        + "\n"
        + "known: "
        + result.known()
        + " listings; on the new page: "
        + result.matched()
        + " of them"
        + (result.extracted() == null
            ? ""
            : " among " + result.extracted().listings().size() + " cards read")
        + "\n\n";
  }

  private static String table(RepairResult result) {
    TextTable table =
        new TextTable()
            .column("rule", TextTable.Align.LEFT)
            .column("known read", TextTable.Align.RIGHT)
            .column("old rule", TextTable.Align.LEFT, 48)
            .column("new rule", TextTable.Align.LEFT, 48)
            .column("", TextTable.Align.LEFT);
    for (RepairResult.Row row : result.rows()) {
      table.row(row.what(), row.agreement(), row.oldRule(), row.newRule(), row.state());
    }
    return table.render();
  }

  private static String details(RepairResult result) {
    StringBuilder out = new StringBuilder();
    section(out, "not repaired (left as it was):", result.unrepaired());
    section(out, "values that differ from the known listings (first ones):", result.differences());
    section(out, "check by hand:", result.notes());
    return out.append('\n').toString();
  }

  private static void section(StringBuilder out, String title, List<String> lines) {
    if (!lines.isEmpty()) {
      out.append('\n').append(title).append('\n');
      lines.forEach(l -> out.append("  ").append(l).append('\n'));
    }
  }

  private static byte[] withoutBom(byte[] bytes) {
    if (bytes.length >= 3
        && bytes[0] == (byte) 0xEF
        && bytes[1] == (byte) 0xBB
        && bytes[2] == (byte) 0xBF) {
      return Arrays.copyOfRange(bytes, 3, bytes.length);
    }
    return bytes;
  }
}
