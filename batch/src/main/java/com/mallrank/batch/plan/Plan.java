package com.mallrank.batch.plan;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The keyword plan: which keywords are sampled, as whom, and which listings are the user's own.
 *
 * @param source the file it was read from
 * @param accounts the matrix accounts
 * @param groups the keyword groups
 * @param budgets the request budgets by identity ({@code anonymous} or an account id); an identity
 *     without one is not limited
 * @param anonymousNetwork the anonymous vantage's own proxy and device (the plan's {@code
 *     anonymous} section)
 */
public record Plan(
    Path source,
    List<MatrixAccount> accounts,
    List<KeywordGroup> groups,
    Map<String, IdentityBudget> budgets,
    IdentityNetwork anonymousNetwork) {

  public Plan {
    accounts = List.copyOf(accounts);
    groups = List.copyOf(groups);
    budgets = budgets == null ? Map.of() : Map.copyOf(budgets);
    anonymousNetwork = anonymousNetwork == null ? IdentityNetwork.DEFAULT : anonymousNetwork;
  }

  /** A plan without budgets whose anonymous vantage uses the direct network and the device set. */
  public static Plan of(Path source, List<MatrixAccount> accounts, List<KeywordGroup> groups) {
    return new Plan(source, accounts, groups, Map.of(), IdentityNetwork.DEFAULT);
  }

  /** The network and device of an identity ({@code anonymous} or an account id). */
  public IdentityNetwork network(String identity) {
    if (PlanLoader.ANONYMOUS.equals(identity)) {
      return anonymousNetwork;
    }
    return account(identity).map(MatrixAccount::network).orElse(IdentityNetwork.DEFAULT);
  }

  public Optional<KeywordGroup> group(String name) {
    return groups.stream().filter(g -> g.name().equals(name)).findFirst();
  }

  /** The group, or an error that lists the groups there are. */
  public KeywordGroup requireGroup(String name) {
    return group(name)
        .orElseThrow(
            () ->
                new IllegalArgumentException(
                    "no keyword group '"
                        + name
                        + "' in "
                        + source
                        + "; groups: "
                        + groups.stream().map(KeywordGroup::name).toList()));
  }

  /** The matrix account with this id, if any. */
  public Optional<MatrixAccount> account(String id) {
    return accounts.stream().filter(a -> a.id().equals(id)).findFirst();
  }

  /** Resolves which matrix account owns a listing, by product id first, then by shop id. */
  public MatrixOwnership ownership() {
    return MatrixOwnership.of(accounts);
  }
}
