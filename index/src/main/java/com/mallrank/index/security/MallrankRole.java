package com.mallrank.index.security;

/**
 * The three Elasticsearch roles mallrank's work is split into; their privileges are data, in
 * {@value EsRoles#RESOURCE}.
 */
public enum MallrankRole {
  /** Sampling: writes samples, listings and change events; cannot search. */
  WRITER("mallrank_writer"),
  /** Reports, Kibana and the sampling job's look-ups: read only. */
  READER("mallrank_reader"),
  /** Index templates, mapping upgrades, id migration, retention. */
  ADMIN("mallrank_admin");

  private final String roleName;

  MallrankRole(String roleName) {
    this.roleName = roleName;
  }

  /** The role's name in Elasticsearch, e.g. {@code mallrank_writer}. */
  public String roleName() {
    return roleName;
  }
}
