package com.mallrank.index.security;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.mallrank.index.schema.IndexNames;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class EsRolesTest {

  private static final ObjectMapper JSON = new ObjectMapper();
  private final EsRoles roles = EsRoles.forPrefix(new IndexNames("shop-a"));

  private static List<String> texts(JsonNode array) {
    List<String> values = new ArrayList<>();
    array.forEach(v -> values.add(v.asText()));
    return values;
  }

  @Test
  void theWriterWritesItsPrefixOnlyAndDeletesOnlyListingsAndChanges() throws Exception {
    JsonNode writer = JSON.readTree(roles.body(MallrankRole.WRITER));
    assertThat(texts(writer.get("cluster"))).isEmpty();
    JsonNode indices = writer.get("indices");
    assertThat(indices).hasSize(2);
    assertThat(texts(indices.get(0).get("names")))
        .containsExactly("shop-a-samples*", "shop-a-listings*", "shop-a-changes*", "shop-a-slots*");
    assertThat(texts(indices.get(0).get("privileges")))
        .containsExactly("create_doc", "index", "create_index", "indices:admin/refresh*");
    assertThat(texts(indices.get(1).get("names")))
        .containsExactly("shop-a-listings-*", "shop-a-changes-*");
    assertThat(texts(indices.get(1).get("privileges"))).containsExactly("delete");
  }

  @Test
  void theReaderReadsAndTheAdminManages() throws Exception {
    JsonNode reader = JSON.readTree(roles.body(MallrankRole.READER));
    assertThat(texts(reader.get("cluster"))).containsExactly("monitor");
    assertThat(texts(reader.get("indices").get(0).get("names"))).containsExactly("shop-a-*");
    assertThat(texts(reader.get("indices").get(0).get("privileges")))
        .containsExactly("read", "view_index_metadata");
    JsonNode admin = JSON.readTree(roles.body(MallrankRole.ADMIN));
    assertThat(texts(admin.get("cluster"))).containsExactly("monitor", "manage_index_templates");
    assertThat(texts(admin.get("indices").get(0).get("privileges")))
        .containsExactly("manage", "read", "write");
  }

  @Test
  void readersMayOpenDashboardsAndTheKibanaImportWritesSavedObjectsOnly() throws Exception {
    // Kibana 8.19's feature ids (the v1 ids are deprecated in favour of *_v2, PR 202863:
    // x-pack/platform/plugins/shared/features/server/oss_features.ts)
    JsonNode reader = JSON.readTree(roles.body(MallrankRole.READER)).get("applications").get(0);
    assertThat(reader.get("application").asText()).isEqualTo("kibana-.kibana");
    assertThat(texts(reader.get("privileges")))
        .containsExactly("feature_dashboard_v2.read", "feature_discover_v2.read");
    assertThat(texts(reader.get("resources"))).containsExactly("*");
    JsonNode kibana = JSON.readTree(roles.body(EsRoles.KIBANA_OBJECTS_ROLE));
    assertThat(kibana.get("indices")).isEmpty();
    assertThat(kibana.get("cluster")).isEmpty();
    assertThat(texts(kibana.get("applications").get(0).get("privileges")))
        .containsExactly(
            "feature_dashboard_v2.all",
            "feature_discover_v2.all",
            "feature_indexPatterns.all",
            "feature_visualize_v2.all");
    assertThat(roles.body(MallrankRole.WRITER)).doesNotContain("applications");
  }

  @Test
  void rolesYmlHasOneLinePerRoleWithThePrefixFilledIn() {
    String yml = roles.rolesYml();
    assertThat(yml).doesNotContain("{prefix}");
    assertThat(yml.lines().filter(l -> !l.startsWith("#")))
        .extracting(l -> l.substring(0, l.indexOf(':')))
        .containsExactly(
            "mallrank_writer", "mallrank_reader", "mallrank_kibana_objects", "mallrank_admin");
    assertThat(yml).contains("mallrank_writer: " + roles.body(MallrankRole.WRITER) + "\n");
  }
}
