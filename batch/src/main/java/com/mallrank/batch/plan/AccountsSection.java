package com.mallrank.batch.plan;

import com.mallrank.batch.plan.PlanReading.Indexed;
import com.mallrank.crawler.yaml.YamlFields;
import com.mallrank.crawler.yaml.YamlTree.MapNode;
import com.mallrank.crawler.yaml.YamlTree.Node;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The identities of a plan: {@code accounts} (matrix accounts, their listings, login state, budget
 * and network) and {@code anonymous} (the logged-out shopper's budget and network). A matrix
 * account's login state file is not the plan's problem: one that cannot be used makes that account
 * need a new login (see {@code LoginStates}), never the whole plan invalid.
 */
final class AccountsSection {

  private static final Set<String> ACCOUNT_KEYS =
      PlanReading.union(
          Set.of("id", "name", "shop-ids", "product-ids", "storage-state", "budget"),
          NetworkSection.KEYS);
  private static final Set<String> ANONYMOUS_KEYS =
      PlanReading.union(Set.of("budget"), NetworkSection.KEYS);
  private static final Set<String> BUDGET_KEYS = Set.of("per-minute", "per-day");

  private final PlanReading reading;
  private final YamlFields yaml;
  private final NetworkSection network;

  final List<MatrixAccount> accounts = new ArrayList<>();
  final Set<String> accountIds = new HashSet<>();
  final Map<String, IdentityBudget> budgets = new LinkedHashMap<>();
  IdentityNetwork anonymous = IdentityNetwork.DEFAULT;

  AccountsSection(PlanReading reading, NetworkSection network) {
    this.reading = reading;
    this.yaml = reading.yaml;
    this.network = network;
  }

  /** Reads {@code anonymous}, then {@code accounts}. */
  void read(MapNode root) {
    Node anonymousNode = root.value(PlanLoader.ANONYMOUS);
    if (anonymousNode instanceof MapNode anonymousMap) {
      yaml.keys(anonymousMap, PlanLoader.ANONYMOUS, ANONYMOUS_KEYS);
      budget(anonymousMap, PlanLoader.ANONYMOUS, PlanLoader.ANONYMOUS);
    } else if (anonymousNode != null) {
      reading.problem(
          anonymousNode,
          PlanLoader.ANONYMOUS,
          "expected a mapping (budget, proxy, device, locale, timezone)");
    }
    for (Indexed item : reading.sequence(root.value("accounts"), "accounts")) {
      MatrixAccount account = account(item.node(), item.path());
      if (account == null) {
        continue;
      }
      budget((MapNode) item.node(), item.path(), account.id());
      if (!accountIds.add(account.id())) {
        reading.problem(
            item.node(), item.path() + ".id", "duplicate account id '" + account.id() + "'");
      }
      accounts.add(account);
    }
  }

  /** The anonymous vantage's network; read after the groups, as the plan always did. */
  void readAnonymousNetwork(MapNode root) {
    if (root.value(PlanLoader.ANONYMOUS) instanceof MapNode anonymousMap) {
      anonymous = network.read(anonymousMap, PlanLoader.ANONYMOUS); // its keys checked in read
    }
  }

  private void budget(MapNode identity, String path, String id) {
    IdentityBudget budget = budget(identity.value("budget"), path + ".budget");
    if (budget != null) {
      budgets.put(id, budget);
    }
  }

  private MatrixAccount account(Node node, String path) {
    if (!(node instanceof MapNode map)) {
      reading.problem(node, path, "expected a mapping (id, name, shop-ids, product-ids)");
      return null;
    }
    yaml.keys(map, path, ACCOUNT_KEYS);
    String id = reading.requiredId(map, path + ".id");
    String name = yaml.scalar(map.value("name"), path + ".name");
    Set<String> shops = reading.idSet(map.value("shop-ids"), path + ".shop-ids");
    Set<String> products = reading.idSet(map.value("product-ids"), path + ".product-ids");
    if (shops.isEmpty() && products.isEmpty()) {
      reading.problem(map, path, "an account needs shop-ids or product-ids to own listings");
    }
    // A state file that is missing, too open or expired is that account's trouble only, not the
    // plan's: its samples are skipped as needs-login and `plan validate` warns (LoginStates).
    String stateText = yaml.scalar(map.value("storage-state"), path + ".storage-state");
    Path state = stateText == null ? null : Path.of(stateText);
    IdentityNetwork identityNetwork = network.read(map, path);
    return id == null
        ? null
        : new MatrixAccount(id, name == null ? id : name, shops, products, state, identityNetwork);
  }

  /** A {@code budget: {per-minute: N, per-day: M}} mapping, or null when absent or bad. */
  private IdentityBudget budget(Node node, String path) {
    if (node == null) {
      return null;
    }
    if (!(node instanceof MapNode map)) {
      reading.problem(node, path, "expected a mapping (per-minute, per-day)");
      return null;
    }
    yaml.keys(map, path, BUDGET_KEYS);
    int before = reading.problems.size();
    Integer perMinute = limit(map.value("per-minute"), path + ".per-minute");
    Integer perDay = limit(map.value("per-day"), path + ".per-day");
    if (reading.problems.size() > before) {
      return null;
    }
    if (perMinute == null && perDay == null) {
      reading.problem(map, path, "set per-minute, per-day or both");
      return null;
    }
    return new IdentityBudget(perMinute, perDay);
  }

  private Integer limit(Node node, String path) {
    String text = yaml.scalar(node, path);
    return text == null ? null : yaml.whole(text.strip(), node, path, 1, IdentityBudget.MAX);
  }
}
