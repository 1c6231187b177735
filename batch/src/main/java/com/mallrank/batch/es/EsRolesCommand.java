package com.mallrank.batch.es;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.mallrank.batch.config.IndexProperties;
import com.mallrank.batch.runtime.ElasticsearchRuntime;
import com.mallrank.index.client.EsClients;
import com.mallrank.index.client.EsConnection;
import com.mallrank.index.schema.IndexNames;
import com.mallrank.index.security.EsRoles;
import com.mallrank.index.security.MallrankRole;
import java.io.IOException;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code mallrank es roles}: mallrank's Elasticsearch roles ({@code mallrank_writer}, {@code
 * mallrank_reader} (with the Kibana privilege to open dashboards), {@code mallrank_kibana_objects}
 * (loads the saved objects), {@code mallrank_admin}) for the configured prefix, printed as
 * security-API requests or as a file-realm {@code roles.yml}, or applied to the external cluster.
 */
@Command(
    name = "roles",
    mixinStandardHelpOptions = true,
    description = {
      "Prints mallrank's roles for index.prefix as security-API requests (PUT _security/role/...),"
          + " or as a roles.yml (--format=yml) for file-realm clusters; --apply puts them into the"
          + " cluster of index.es.url with the admin credential (index.es.admin.*, else"
          + " index.es.*), which needs the manage_security privilege (e.g. the elastic user).",
      "Sampling then runs as index.es.writer.*, reports as index.es.reader.*, templates and"
          + " retention as index.es.admin.*."
    })
public class EsRolesCommand implements Callable<Integer> {

  /** Exit code when --apply has no external cluster to apply to. */
  static final int NO_CLUSTER = 2;

  enum Format {
    api,
    yml
  }

  @Option(
      names = "--format",
      defaultValue = "api",
      description = "api (request bodies, the default) or yml (a roles.yml)")
  Format format;

  @Option(names = "--apply", description = "put the roles into the cluster of index.es.url")
  boolean apply;

  private final IndexProperties properties;
  private final ElasticsearchRuntime elasticsearch;

  public EsRolesCommand(IndexProperties properties, ElasticsearchRuntime elasticsearch) {
    this.properties = properties;
    this.elasticsearch = elasticsearch;
  }

  @Override
  public Integer call() throws IOException {
    EsRoles roles = EsRoles.forPrefix(new IndexNames(properties.prefix()));
    if (apply) {
      if (!properties.es().external()) {
        System.err.println(
            "es roles --apply: index.es.url is blank; the local Elasticsearch runs without"
                + " security. Print the roles (--format=yml for a file-realm cluster) instead.");
        return NO_CLUSTER;
      }
      EsConnection admin = elasticsearch.connection(MallrankRole.ADMIN);
      ElasticsearchClient client = EsClients.create(admin);
      try {
        roles.apply(client);
      } finally {
        client._transport().close();
      }
      for (String role : roles.names()) {
        System.out.printf("role %s applied at %s%n", role, admin.displayUrl());
      }
      return 0;
    }
    if (format == Format.yml) {
      System.out.print(roles.rolesYml());
      return 0;
    }
    ObjectMapper json = new ObjectMapper();
    for (String role : roles.names()) {
      System.out.printf("PUT _security/role/%s%n", role);
      System.out.println(
          json.writerWithDefaultPrettyPrinter()
              .writeValueAsString(json.readTree(roles.body(role))));
      System.out.println();
    }
    return 0;
  }
}
