package com.mallrank.batch.runtime;

import com.mallrank.batch.plan.KeywordGroup;
import com.mallrank.batch.plan.MatrixAccount;
import com.mallrank.batch.plan.Plan;
import com.mallrank.batch.plan.PlanLoader;
import com.mallrank.crawler.fetch.har.HarInbox;
import com.mallrank.crawler.fetch.har.HarInboxes;
import com.mallrank.crawler.profile.Marker;
import com.mallrank.crawler.profile.SiteProfile;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Stream;

/**
 * What a plan's vantages are on the surfaces read from phone captures ({@code fetch.with: har}):
 * the one place {@code plan validate} and {@code accounts status} ask, beside the sampler's {@link
 * HarInboxes}. On such a surface the phone holds the login, so an account needs no login state file
 * there; its captures are its own folder, {@code crawler.har-dir/<account-id>/}. The anonymous
 * vantage reads {@code crawler.har-dir} itself, except on a surface whose search needs a login
 * ({@code search.requires-login}): never sampled there.
 */
public final class PhoneVantages {

  private final Plan plan;
  private final Function<String, SiteProfile> profiles;
  private final Path harDir;

  /**
   * @param profiles the site profiles by id ({@link SiteProfileRegistry#get})
   * @param harDir {@code crawler.har-dir}, as configured
   */
  public PhoneVantages(Plan plan, Function<String, SiteProfile> profiles, Path harDir) {
    this.plan = plan;
    this.profiles = profiles;
    this.harDir = harDir;
  }

  /** Whether the profile reads phone captures; a profile that cannot be loaded does not. */
  public boolean phoneSurface(String profileId) {
    return profile(profileId).map(p -> p.fetch().har()).orElse(false);
  }

  /**
   * Whether the account searches with a login state file anywhere: it is a vantage of a group that
   * fetches (static or browser), or of no group at all. An account sampled only from phone captures
   * needs none, so a missing, too open or expired file is not its trouble.
   */
  public boolean usesStateFile(MatrixAccount account) {
    List<KeywordGroup> groups = groupsOf(account.id());
    return groups.isEmpty() || groups.stream().anyMatch(g -> !phoneSurface(g.profile()));
  }

  /**
   * The folder the vantage's phone captures go to ({@code crawler.har-dir/<account-id>}), or {@code
   * null} when {@code crawler.har-dir} is unset.
   */
  public Path folderOf(String vantage) {
    return harDir == null ? null : HarInboxes.folderOf(harDir, vantage);
  }

  /**
   * When the newest capture file of the vantage's folder (or its {@value HarInbox#PROCESSED}/) was
   * written, if there is one. File times only: nothing is read.
   */
  public Optional<Instant> newestCapture(String vantage) {
    Path folder = folderOf(vantage);
    if (folder == null) {
      return Optional.empty();
    }
    Instant newest = null;
    for (Path dir : List.of(folder, folder.resolve(HarInbox.PROCESSED))) {
      if (!Files.isDirectory(dir)) {
        continue;
      }
      try (Stream<Path> files = Files.list(dir)) {
        for (Path file : files.filter(HarInbox::isHar).filter(Files::isRegularFile).toList()) {
          Instant modified = Files.getLastModifiedTime(file).toInstant();
          newest = newest == null || modified.isAfter(newest) ? modified : newest;
        }
      } catch (IOException e) {
        // unreadable folder: no time to show; the sample says why
      }
    }
    return Optional.ofNullable(newest);
  }

  /**
   * What {@code plan validate} warns about on phone surfaces, one line each: an anonymous vantage
   * on a surface whose search needs a login; an account whose folder does not exist yet (its
   * samples are skipped, no-capture) or cannot be one.
   */
  public List<String> warnings() {
    List<String> warnings = new ArrayList<>();
    for (KeywordGroup group : plan.groups()) {
      SiteProfile profile = profile(group.profile()).orElse(null);
      if (profile == null) {
        continue;
      }
      if (profile.search().requiresLogin() && group.vantages().contains(PlanLoader.ANONYMOUS)) {
        warnings.add(
            "group "
                + group.name()
                + ": "
                + profile.id()
                + " searches only with a logged-in account (search.requires-login"
                + refusal(profile)
                + "): its anonymous vantage is never sampled (skipped, no-account); list matrix"
                + " accounts as its vantages"
                + (profile.fetch().har()
                    ? ", each phone's captures in " + harDir + "/<account-id>/"
                    : ""));
      }
    }
    for (MatrixAccount account : plan.accounts()) {
      List<String> phoneGroups =
          groupsOf(account.id()).stream()
              .filter(g -> phoneSurface(g.profile()))
              .map(KeywordGroup::name)
              .toList();
      if (phoneGroups.isEmpty()) {
        continue;
      }
      Optional<String> unusable = HarInboxes.unusableVantage(account.id());
      Path folder = folderOf(account.id());
      if (unusable.isPresent()) {
        warnings.add("account " + account.id() + ": " + unusable.get());
      } else if (folder == null) {
        warnings.add(
            "account "
                + account.id()
                + ": crawler.har-dir is unset, so its phone captures cannot be read (group "
                + String.join(", ", phoneGroups)
                + ")");
      } else if (!Files.isDirectory(folder)) {
        warnings.add(
            "account "
                + account.id()
                + ": its phone captures (group "
                + String.join(", ", phoneGroups)
                + ") go to "
                + folder
                + "/, which does not exist: create it and export that phone's HAR files into it;"
                + " until then its samples there are skipped (no-capture)");
      }
    }
    return warnings;
  }

  /** The profile's first login-required markers: what a search without a login answers. */
  private static String refusal(SiteProfile profile) {
    List<String> markers =
        profile.markers().loginRequired().stream().limit(2).map(Marker::describe).toList();
    return markers.isEmpty() ? "" : "; without one it answers " + String.join(" or ", markers);
  }

  private List<KeywordGroup> groupsOf(String vantage) {
    return plan.groups().stream().filter(g -> g.vantages().contains(vantage)).toList();
  }

  private Optional<SiteProfile> profile(String id) {
    try {
      return Optional.of(profiles.apply(id));
    } catch (RuntimeException e) {
      return Optional.empty(); // an unknown or broken profile is the plan's or the profile's error
    }
  }
}
