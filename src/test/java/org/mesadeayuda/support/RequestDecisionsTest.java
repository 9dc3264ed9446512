package org.mesadeayuda.support;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.FileInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.Map;
import org.camunda.bpm.dmn.engine.DmnDecision;
import org.camunda.bpm.dmn.engine.DmnDecisionRuleResult;
import org.camunda.bpm.dmn.engine.DmnEngine;
import org.camunda.bpm.dmn.engine.DmnEngineConfiguration;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.mesadeayuda.platform.Role;

/** The decision tables process owners edit: processes/request-classification.dmn and request-priority.dmn. */
class RequestDecisionsTest {

  static DmnEngine dmn = DmnEngineConfiguration.createDefaultDmnEngineConfiguration().buildEngine();
  static DmnDecision classification;
  static DmnDecision priority;

  @BeforeAll
  static void parse() throws IOException {
    classification = decision("processes/request-classification.dmn", "request-classification");
    priority = decision("processes/request-priority.dmn", "request-priority");
  }

  @ParameterizedTest(name = "{0} → {1}: {2}")
  @CsvSource(delimiter = '|', textBlock = """
      equipment_support       | tecnicos   | Soporte a equipos de cómputo
      equipment_failure       | tecnicos   | Falla de equipo
      software_installation   | tecnicos   | Instalación de software
      telephony               | tecnicos   | Telefonía / telefonía IP
      system_user_account     | mesa-ayuda | Creación de usuario en sistema
      password_reset          | mesa-ayuda | Restablecimiento de contraseña
      email_account           | mesa-ayuda | Administración de correo electrónico
      backup                  | tecnicos   | Copia de seguridad de información
      remote_access           | tecnicos   | Conexión remota
      website_publication     | tecnicos   | Publicación en sitio web
      meeting_equipment       | tecnicos   | Instalación de equipo para reuniones
      decommissioning_concept | tecnicos   | Concepto técnico para baja de equipo
      financial_application   | mesa-ayuda | Soporte a aplicativo financiero (primer nivel)
      software_development    | director-ti | Desarrollo de software
      hardware_software_acquisition | director-ti | Adquisición de hardware y software
      application_adjustment  | director-ti | Ajuste a una aplicación existente
      other                   | mesa-ayuda | Otra solicitud
      """)
  void everyRequestTypeOfTheManualsGoesToARole(String requestType, String group, String catalogueEntry) {
    DmnDecisionRuleResult result =
        dmn.evaluateDecisionTable(classification, Map.of("requestType", requestType)).getSingleResult();
    assertThat((String) result.getEntry("handlingGroup")).isEqualTo(group);
    assertThat(Role.byGroupId(group)).isPresent();
    assertThat((String) result.getEntry("serviceCatalogEntry")).isEqualTo(catalogueEntry);
  }

  @Test
  void anUnknownTypeHasNoClassification() {
    assertThat(dmn.evaluateDecisionTable(classification, Map.of("requestType", "coffee_machine"))).isEmpty();
  }

  @ParameterizedTest(name = "impact {0} × urgency {1} → {2}")
  @CsvSource(textBlock = """
      high,   high,   critical, 4,  1, 100
      high,   medium, high,     8,  2, 75
      medium, high,   high,     8,  2, 75
      high,   low,    medium,   12, 3, 50
      low,    high,   medium,   12, 3, 50
      medium, medium, medium,   12, 3, 50
      medium, low,    low,      12, 3, 25
      low,    medium, low,      12, 3, 25
      low,    low,    low,      12, 3, 25
      """)
  void impactAndUrgencyGivePriorityAndTargets(String impact, String urgency, String expectedPriority,
      int firstResponseHours, int resolutionDays, int taskPriority) {
    DmnDecisionRuleResult result =
        dmn.evaluateDecisionTable(priority, Map.of("impact", impact, "urgency", urgency)).getSingleResult();
    assertThat((String) result.getEntry("priority")).isEqualTo(expectedPriority);
    assertThat(((Number) result.getEntry("firstResponseHours")).intValue()).isEqualTo(firstResponseHours);
    assertThat(((Number) result.getEntry("resolutionDays")).intValue()).isEqualTo(resolutionDays);
    assertThat(((Number) result.getEntry("taskPriority")).intValue()).isEqualTo(taskPriority);
  }

  @Test
  void noTargetExceedsTheManualsLimits() {
    // SR-8: 3 business days at most; SR-9: 12 hours at most
    for (String impact : new String[] {"high", "medium", "low"}) {
      for (String urgency : new String[] {"high", "medium", "low"}) {
        DmnDecisionRuleResult result =
            dmn.evaluateDecisionTable(priority, Map.of("impact", impact, "urgency", urgency)).getSingleResult();
        assertThat(((Number) result.getEntry("firstResponseHours")).intValue()).isLessThanOrEqualTo(12);
        assertThat(((Number) result.getEntry("resolutionDays")).intValue()).isLessThanOrEqualTo(3);
      }
    }
  }

  @Test
  void anUnknownImpactIsNotGuessed() {
    assertThat(dmn.evaluateDecisionTable(priority, Map.of("impact", "huge", "urgency", "high"))).isEmpty();
  }

  private static DmnDecision decision(String file, String key) throws IOException {
    try (InputStream in = new FileInputStream(file)) {
      return dmn.parseDecision(key, in);
    }
  }
}
