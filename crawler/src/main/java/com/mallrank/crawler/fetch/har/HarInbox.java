package com.mallrank.crawler.fetch.har;

import com.mallrank.crawler.model.CaptureKeyword;
import java.io.IOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code crawler.har-dir} as an inbox for phone captures. A user (or a sync job) drops HAR files
 * into the folder; samples of {@code fetch.with: har} profiles look their keyword up here.
 *
 * <p><b>Read once.</b> A new file (in the folder itself) is read as a stream the first time any
 * sample needs the folder, then moved, atomically and under the same name, into {@value
 * #PROCESSED}/ (nothing is deleted). What it held for a {@code capture-url} (the matching entries
 * only, small) stays in memory, so the other keywords, groups and vantages of the slot, and later
 * slots in the same process, do not read it again. A file cannot hold a search made after it was
 * written, so a sample whose window starts after a processed file's modification time never reads
 * it: a processed file is read again only by a slot it may belong to, in a new process (a restarted
 * slot, or the next {@code mallrank sample}), which makes that slot's samples the same as the first
 * time. The samples of a slot are therefore reproducible on restart from the processed files; a
 * file dropped in between can only add a newer search of a keyword not yet sampled.
 *
 * <p><b>Bad files.</b> A file that cannot be read (not JSON, not a HAR, cut off: maybe still being
 * copied) stays where it is, is logged once by name and is named in the detail of every sample that
 * looked for a capture in vain; it never stops the other files.
 *
 * <p>Thread-safe: one look-up at a time (the partitions of a slot share the inbox).
 */
public final class HarInbox {

  /** The sub-folder processed files are moved to. */
  public static final String PROCESSED = "processed";

  /** The most files looked at in one look-up (the newest first). */
  public static final int MAX_FILES = 200;

  /** How many bytes of matching response bodies the memory of read files may hold. */
  static final long MAX_REMEMBERED_BYTES = 64L * 1024 * 1024;

  private static final Logger log = LoggerFactory.getLogger(HarInbox.class);

  private final Path folder;
  private final Map<Key, HarFile.Scan> read = new LinkedHashMap<>(16, 0.75f, true);
  private final Map<Key, String> bad = new HashMap<>();

  /**
   * @param folder the inbox ({@code crawler.har-dir}); {@value #PROCESSED}/ is created inside it
   */
  public HarInbox(Path folder) {
    this.folder = Objects.requireNonNull(folder, "folder");
  }

  /** The inbox folder. */
  public Path folder() {
    return folder;
  }

  /** What a file held for one capture URL, as last read. */
  private record Key(Path path, long size, long modified, String captureUrl) {}

  /**
   * The newest search of {@code keyword} whose first page started in {@code [from, to)}.
   *
   * @throws HarException when the folder does not exist or cannot be listed
   */
  public HarCapture.Outcome find(
      String captureUrl, CaptureKeyword where, String keyword, Instant from, Instant to)
      throws HarException {
    return find(captureUrl, where, null, keyword, from, to);
  }

  /**
   * {@link #find(String, CaptureKeyword, String, Instant, Instant)}, the captures of more than one
   * device ({@code device}: the profile's {@code capture-device}, or {@code null}) refused.
   */
  public synchronized HarCapture.Outcome find(
      String captureUrl,
      CaptureKeyword where,
      CaptureKeyword device,
      String keyword,
      Instant from,
      Instant to)
      throws HarException {
    HarCapture capture = new HarCapture(captureUrl, where, device);
    List<HarFile.Scan> scans = new ArrayList<>();
    List<String> problems = new ArrayList<>();
    for (Path file : newFiles()) {
      HarFile.Scan scan = scan(file, capture, captureUrl, problems);
      if (scan != null) {
        scans.add(moveToProcessed(scan, captureUrl));
      }
    }
    for (Path file : processedFiles(from)) {
      if (scans.stream().noneMatch(s -> s.file().equals(file))) {
        HarFile.Scan scan = scan(file, capture, captureUrl, problems);
        if (scan != null) {
          scans.add(scan);
        }
      }
    }
    return capture.select(scans, problems, keyword, from, to);
  }

  private HarFile.Scan scan(
      Path file, HarCapture capture, String captureUrl, List<String> problems) {
    Key key;
    try {
      key = key(file, captureUrl);
    } catch (IOException e) {
      return null; // gone since it was listed (another process moved it)
    }
    HarFile.Scan known = read.get(key);
    if (known != null) {
      return known;
    }
    String problem = bad.get(key);
    if (problem == null) {
      try {
        HarFile.Scan scan = HarFile.scan(file, capture::urlMatches);
        remember(key, scan);
        return scan;
      } catch (HarException e) {
        problem = e.getMessage();
        bad.put(key, problem);
        log.warn("HAR file not read: {}", problem);
      }
    }
    problems.add(problem);
    return null;
  }

  private void remember(Key key, HarFile.Scan scan) {
    read.put(key, scan);
    long total = 0;
    for (HarFile.Scan s : read.values()) {
      total += bytes(s);
    }
    for (Iterator<HarFile.Scan> it = read.values().iterator();
        total > MAX_REMEMBERED_BYTES && read.size() > 1 && it.hasNext(); ) {
      HarFile.Scan oldest = it.next();
      if (oldest != scan) {
        total -= bytes(oldest);
        it.remove();
      }
    }
  }

  private static long bytes(HarFile.Scan scan) {
    long n = 0;
    for (HarEntry e : scan.matching()) {
      n += e.responseBody().length + (e.postBody() == null ? 0 : e.postBody().length);
    }
    return n;
  }

  /**
   * Moves a file just read into {@value #PROCESSED}/ (atomically, never over another file: a name
   * taken gets {@code -2}, {@code -3}…), and remembers what it held under its new path.
   */
  private HarFile.Scan moveToProcessed(HarFile.Scan scan, String captureUrl) throws HarException {
    Path target;
    try {
      Path processed = Files.createDirectories(folder.resolve(PROCESSED));
      target = free(processed, scan.file().getFileName().toString());
      Files.move(scan.file(), target, StandardCopyOption.ATOMIC_MOVE);
    } catch (NoSuchFileException e) {
      return scan; // another process moved it first: what was read stays valid
    } catch (FileAlreadyExistsException | AtomicMoveNotSupportedException e) {
      log.warn("HAR file {} not moved to {}/: {}", scan.file(), PROCESSED, e.toString());
      return scan;
    } catch (IOException e) {
      throw new HarException(
          "cannot move " + scan.file() + " into " + folder.resolve(PROCESSED) + ": " + e, e);
    }
    HarFile.Scan moved =
        new HarFile.Scan(
            target,
            scan.size(),
            scan.modified(),
            scan.entries(),
            scan.matching(),
            scan.earliest(),
            scan.latest());
    read.remove(new Key(scan.file(), scan.size(), scan.modified().toMillis(), captureUrl));
    remember(new Key(target, scan.size(), scan.modified().toMillis(), captureUrl), moved);
    log.info(
        "HAR file {} read ({} entries, {} matching {}) and moved to {}",
        scan.file().getFileName(),
        scan.entries(),
        scan.matching().size(),
        captureUrl,
        folder.relativize(target));
    return moved;
  }

  private static Path free(Path dir, String name) {
    Path target = dir.resolve(name);
    int dot = name.lastIndexOf('.');
    String stem = dot < 0 ? name : name.substring(0, dot);
    String ext = dot < 0 ? "" : name.substring(dot);
    for (int n = 2; Files.exists(target); n++) {
      target = dir.resolve(stem + "-" + n + ext);
    }
    return target;
  }

  private static Key key(Path file, String captureUrl) throws IOException {
    return new Key(file, Files.size(file), Files.getLastModifiedTime(file).toMillis(), captureUrl);
  }

  /** The HAR files dropped in the folder itself, oldest first. */
  private List<Path> newFiles() throws HarException {
    if (!Files.isDirectory(folder)) {
      throw new HarException("the HAR folder " + folder + " does not exist (crawler.har-dir)");
    }
    return list(folder, null);
  }

  /**
   * The processed files that may hold a search started at or after {@code from}: those modified at
   * or after it, the newest {@value #MAX_FILES}.
   */
  private List<Path> processedFiles(Instant from) throws HarException {
    Path processed = folder.resolve(PROCESSED);
    if (!Files.isDirectory(processed)) {
      return List.of();
    }
    List<Path> files = list(processed, from);
    return files.subList(Math.max(0, files.size() - MAX_FILES), files.size());
  }

  private static List<Path> list(Path dir, Instant modifiedSince) throws HarException {
    try (Stream<Path> list = Files.list(dir)) {
      return list.filter(HarInbox::isHar)
          .filter(Files::isRegularFile)
          .filter(p -> modifiedSince == null || !modified(p).toInstant().isBefore(modifiedSince))
          .sorted(Comparator.comparing(HarInbox::modified).thenComparing(Path::toString))
          .toList();
    } catch (IOException e) {
      throw new HarException("cannot list the HAR folder " + dir + ": " + e.getMessage(), e);
    }
  }

  /** {@code .har}, and mitmproxy's zlib-compressed {@code .zhar}. */
  public static boolean isHar(Path file) {
    String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
    return name.endsWith(".har") || name.endsWith(".zhar");
  }

  private static FileTime modified(Path file) {
    try {
      return Files.getLastModifiedTime(file);
    } catch (IOException e) {
      return FileTime.fromMillis(0);
    }
  }
}
