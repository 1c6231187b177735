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
  void rolesYmlHasOneLinePerRoleWithThePrefixFilledIn() {
    String yml = roles.rolesYml();
    assertThat(yml).doesNotContain("{prefix}");
    assertThat(yml.lines().filter(l -> !l.startsWith("#")))
        .extracting(l -> l.substring(0, l.indexOf(':')))
        .containsExactly("mallrank_writer", "mallrank_reader", "mallrank_admin");
    assertThat(yml).contains("mallrank_writer: " + roles.body(MallrankRole.WRITER) + "\n");
  }
}
