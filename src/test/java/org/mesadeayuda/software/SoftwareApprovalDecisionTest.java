package org.mesadeayuda.software;

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
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** processes/software-approval.dmn: which approval an installation needs (SW-2, SW-3). First matching rule wins. */
class SoftwareApprovalDecisionTest {

  static DmnEngine dmn = DmnEngineConfiguration.createDefaultDmnEngineConfiguration().buildEngine();
  static DmnDecision approval;

  @BeforeAll
  static void parse() throws IOException {
    try (InputStream in = new FileInputStream("processes/software-approval.dmn")) {
      approval = dmn.parseDecision("software-approval", in);
    }
  }

  @ParameterizedTest(name = "in catalogue {0}, {1}, {2} free, pre-approved {3} → {4}")
  @CsvSource(nullValues = "none", textBlock = """
      false, none,          0, false, director_decides_procurement
      true,  prohibited,    5, true,  rejected_prohibited
      true,  free,          0, false, technical_check
      true,  institutional, 3, true,  auto_approved
      true,  institutional, 3, false, director_approval
      true,  subscription,  1, false, director_approval
      true,  institutional, 0, true,  director_decides_procurement
      true,  trial,         0, false, director_decides_procurement
      """)
  void decidesTheApprovalRoute(boolean inCatalogue, String licenceType, int freeSeats, boolean preApproved,
      String route) {
    Map<String, Object> inputs = new HashMap<>();
    inputs.put("inCatalogue", inCatalogue);
    inputs.put("licenceType", licenceType);
    inputs.put("freeSeats", freeSeats);
    inputs.put("preApproved", preApproved);
    assertThat((String) dmn.evaluateDecisionTable(approval, inputs).getSingleResult().getEntry("approvalRoute"))
        .isEqualTo(route);
  }
}
