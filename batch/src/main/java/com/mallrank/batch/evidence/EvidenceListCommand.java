package com.mallrank.batch.evidence;

import com.mallrank.batch.cli.CommandOn;
import com.mallrank.batch.text.Escaping;
import com.mallrank.batch.text.Formats;
import com.mallrank.crawler.evidence.EvidenceStore;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code mallrank evidence list}: the kept evidence files, oldest slot first. */
@Command(
    name = "list",
    mixinStandardHelpOptions = true,
    description = "Lists kept evidence: slot, profile, vantage, keyword file, size.",
    footer = "Example: mallrank evidence list --slot 2026-11-28T06:00:00Z --keyword 羽绒服")
public class EvidenceListCommand extends CommandOn<EvidenceStore> {

  @Option(
      names = "--slot",
      description = "Only this slot (an instant, e.g. 2026-11-28T06:00:00Z, or 20261128T0600Z).")
  String slot;

  @Option(names = "--keyword", description = "Only this keyword.")
  String keyword;

  public EvidenceListCommand(EvidenceKeeper evidence) {
    super(evidence::store);
  }

  @Override
  protected Integer call(EvidenceStore store) throws Exception {
    String slotFolder = slot == null ? null : slotFolder(slot);
    String keywordPrefix = keyword == null ? null : EvidenceStore.safeName(keyword) + ".";
    List<Path> files = store.list();
    int shown = 0;
    for (Path file : files) {
      Path relative = store.root().relativize(file);
      if (relative.getNameCount() != 4) {
        continue;
      }
      if (slotFolder != null && !relative.getName(0).toString().equals(slotFolder)) {
        continue;
      }
      if (keywordPrefix != null && !relative.getFileName().toString().startsWith(keywordPrefix)) {
        continue;
      }
      // absolute: `evidence show` and `profile test --page` take it from any directory
      System.out.printf(
          "%s  %d bytes%n",
          Escaping.terminal(file.toAbsolutePath().normalize().toString()), Files.size(file));
      shown++;
    }
    System.out.printf(
        "%d file(s) under %s%n",
        shown, Escaping.terminal(store.root().toAbsolutePath().normalize().toString()));
    return 0;
  }

  static String slotFolder(String value) {
    if (value.matches("\\d{8}T\\d{4}Z")) {
      return value;
    }
    try {
      return Formats.compactSlot(Instant.parse(value));
    } catch (DateTimeParseException e) {
      throw new IllegalArgumentException(
          "--slot must be an instant (2026-11-28T06:00:00Z) or 20261128T0600Z, was " + value);
    }
  }
}
