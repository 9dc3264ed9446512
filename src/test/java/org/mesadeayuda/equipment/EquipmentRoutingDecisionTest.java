package org.mesadeayuda.equipment;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.FileInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.HashMap;
import java.util.Map;
import org.camunda.bpm.dmn.engine.DmnDecision;
import org.camunda.bpm.dmn.engine.DmnEngine;
import org.camunda.bpm.dmn.engine.DmnEngineConfiguration;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** processes/equipment-routing.dmn: who handles a failure (EF-2, EF-3, SR-14). */
class EquipmentRoutingDecisionTest {

  static DmnEngine dmn = DmnEngineConfiguration.createDefaultDmnEngineConfiguration().buildEngine();
  static DmnDecision routing;

  @BeforeAll
  static void parse() throws IOException {
    try (InputStream in = new FileInputStream("processes/equipment-routing.dmn")) {
      routing = dmn.parseDecision("equipment-routing", in);
    }
  }

  @ParameterizedTest(name = "{0}, {1} days of warranty left → {2}")
  @CsvSource(nullValues = "none", textBlock = """
      leased, 200,  lessor
      leased, -30,  lessor
      leased, none, lessor
      owned,  200,  warranty
      owned,  0,    warranty
      owned,  -1,   in_house
      owned,  none, in_house
      """)
  void routesByOwnershipAndWarrantyOnTheFailureDate(String ownership, Integer warrantyDaysLeft, String route) {
    Map<String, Object> inputs = new HashMap<>();
    inputs.put("ownership", ownership);
    inputs.put("warrantyDaysLeft", warrantyDaysLeft);
    assertThat((String) dmn.evaluateDecisionTable(routing, inputs).getSingleResult().getEntry("route"))
        .isEqualTo(route);
  }

  @Test
  void anUnknownOwnershipIsNotGuessed() {
    Map<String, Object> inputs = new HashMap<>();
    inputs.put("ownership", "borrowed");
    inputs.put("warrantyDaysLeft", 10);
    assertThat(dmn.evaluateDecisionTable(routing, inputs)).isEmpty();
  }
}
