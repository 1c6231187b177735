package com.mallrank.kibana;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.HashSet;
import java.util.Iterator;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * A dashboard's panels and controls against its references: each panel's {@code
 * <panelIndex>:<panelRefName>} reference exists and has the panel's type (Kibana resolves panels by
 * that name, so a renamed reference is an "unable to find" panel), each control has its {@code
 * controlGroup_<id>:<kind>DataView} reference and an aggregatable field, and no reference is left
 * over.
 */
final class DashboardCheck {

  private DashboardCheck() {}

  static void check(
      JsonNode attributes,
      Map<String, String> refs,
      SavedObjectsCheck.FieldUse use,
      Map<String, Set<String>> viewsByKey) {
    Set<String> usedRefs = new HashSet<>();
    Set<String> panelViews = new TreeSet<>();
    for (JsonNode panel : SavedObjectsCheck.readJson(attributes.path("panelsJSON").asText("[]"))) {
      String refName = panel.path("panelRefName").asText("");
      if (refName.isEmpty()) {
        continue; // by value: reported by the panel schema
      }
      String name = panel.path("panelIndex").asText() + ":" + refName;
      String key = refs.get(name);
      usedRefs.add(name);
      if (key != null) {
        panelViews.addAll(viewsByKey.getOrDefault(key, Set.of()));
      }
      if (key == null) {
        use.problem("panel " + panel.path("panelIndex").asText() + ": no reference named " + name);
      } else if (!key.startsWith(panel.path("type").asText() + "/")) {
        use.problem(
            "panel "
                + panel.path("panelIndex").asText()
                + " is a "
                + panel.path("type").asText()
                + " but its reference "
                + name
                + " is "
                + key);
      }
    }

    // the data view a control should read: a panel's, the samples' when a panel reads them
    String samples =
        panelViews.stream()
            .filter(v -> PanelRules.SAMPLES_TEMPLATE.equals(use.template(v)))
            .findFirst()
            .orElse(null);
    boolean profileControl = false;
    JsonNode controls = attributes.path("controlGroupInput");
    if (controls.hasNonNull("panelsJSON")) {
      for (Iterator<Map.Entry<String, JsonNode>> it =
              SavedObjectsCheck.readJson(controls.get("panelsJSON").asText()).fields();
          it.hasNext(); ) {
        Map.Entry<String, JsonNode> control = it.next();
        String type = control.getValue().path("type").asText();
        String kind =
            switch (type) {
              case "optionsListControl" -> "optionsListDataView";
              case "rangeSliderControl" -> "rangeSliderDataView";
              default -> null;
            };
        if (kind == null) {
          if (!type.equals("timeSlider")) {
            use.problem("control " + control.getKey() + " has unknown type '" + type + "'");
          }
          continue;
        }
        String name = "controlGroup_" + control.getKey() + ":" + kind;
        usedRefs.add(name);
        String key = refs.get(name);
        String field = control.getValue().path("explicitInput").path("fieldName").asText("");
        profileControl |= field.equals(PanelRules.PROFILE_FIELD);
        if (key == null || !key.startsWith("index-pattern/")) {
          use.problem("control " + control.getKey() + ": no data view reference named " + name);
        } else {
          String view = key.substring("index-pattern/".length());
          if (!panelViews.isEmpty() && !panelViews.contains(view)) {
            use.problem(
                "control "
                    + control.getKey()
                    + " reads data view "
                    + view
                    + ", which no panel reads "
                    + panelViews
                    + ": it offers values the panels do not have and misses theirs");
          } else if (samples != null && !view.equals(samples)) {
            use.problem(
                "control "
                    + control.getKey()
                    + " reads data view "
                    + view
                    + " but the panels read the samples ("
                    + samples
                    + "): a vantage or keyword with samples and no "
                    + use.template(view)
                    + " (blocked all day) is missing from the control");
          }
          SavedObjectsCheck.FieldType fieldType =
              use.requireAggregatable(view, field, "control " + control.getKey());
          if (fieldType != null && kind.startsWith("range") && !fieldType.numeric()) {
            use.problem("control " + control.getKey() + ": range slider on a " + fieldType.type());
          }
        }
      }
    }
    if (!profileControl) {
      use.problem(
          "no control on '"
              + PanelRules.PROFILE_FIELD
              + "': the rankings of two surfaces (profiles) are mixed");
    }
    for (String name : refs.keySet()) {
      if (!usedRefs.contains(name)) {
        use.problem("reference " + name + " is used by no panel or control");
      }
    }
    // A dashboard-wide query or filter reaches every panel, so it must fit every data view.
    JsonNode source =
        SavedObjectsCheck.readJson(
            attributes.path("kibanaSavedObjectMeta").path("searchSourceJSON").asText("{}"));
    use.requireQuery(use.allViews(), source.path("query"), "query");
    use.requireFilters(use.allViews(), source.path("filter"));
  }
}
