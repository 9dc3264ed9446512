package org.mesadeayuda.dashboard;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.util.HashMap;
import java.util.Map;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.mesadeayuda.platform.InstitutionProperties;
import org.springframework.core.io.ClassPathResource;
import org.springframework.stereotype.Component;

/**
 * What people read instead of the registers' codes: request types as the start form offers them, departments as the
 * institution names them, procedures by their process's name, technicians by their name in the directory.
 */
@Component
class DashboardLabels {

  static final Map<String, String> PRIORITIES = Map.of("critical", "Crítica", "high", "Alta", "medium", "Media",
      "low", "Baja");
  static final Map<String, String> STATES = Map.of(
      "registered", "Recibida, por revisar y asignar",
      "assigned", "Asignada, sin iniciar atención",
      "attending", "En atención",
      "temporary", "Con solución temporal",
      "resolved", "Resuelta, por verificar y cerrar");
  static final Map<String, String> LIGHTS = Map.of(
      "on_time", "A tiempo",
      "at_risk", "En riesgo (vence a más tardar el próximo día hábil)",
      "breached", "Vencida",
      "exempt", "Exenta de plazo",
      "resolved", "Resuelta, en verificación");
  static final String[] AGES = {"Menos de 1 día", "1 a 3 días", "4 a 7 días", "8 a 15 días", "16 a 30 días",
      "Más de 30 días"};
  private static final String START_FORM = "forms/support-request/support-request-start.form";

  private final InstitutionProperties institution;
  private final IdentityService identityService;
  private final RepositoryService repositoryService;
  private final Map<String, String> requestTypes;

  DashboardLabels(InstitutionProperties institution, IdentityService identityService,
      RepositoryService repositoryService, ObjectMapper json) throws IOException {
    this.institution = institution;
    this.identityService = identityService;
    this.repositoryService = repositoryService;
    this.requestTypes = requestTypes(json);
  }

  String requestType(String code) {
    return requestTypes.getOrDefault(code, code);
  }

  String department(String code) {
    return institution.department(code).map(InstitutionProperties.Department::name).orElse(code);
  }

  String priority(String code) {
    return PRIORITIES.getOrDefault(code, code);
  }

  String procedure(String key) {
    ProcessDefinition definition = repositoryService.createProcessDefinitionQuery().processDefinitionKey(key)
        .latestVersion().singleResult();
    return definition == null || definition.getName() == null ? key : definition.getName();
  }

  String person(String userId) {
    if (userId == null) {
      return "Sin asignar";
    }
    User user = identityService.createUserQuery().userId(userId).singleResult();
    if (user == null) {
      return userId;
    }
    String name = ((user.getFirstName() == null ? "" : user.getFirstName()) + " "
        + (user.getLastName() == null ? "" : user.getLastName())).trim();
    return name.isEmpty() ? userId : name + " (" + userId + ")";
  }

  private static Map<String, String> requestTypes(ObjectMapper json) throws IOException {
    Map<String, String> labels = new HashMap<>();
    ClassPathResource form = new ClassPathResource(START_FORM);
    if (!form.exists()) {
      return labels;
    }
    try (InputStream in = form.getInputStream()) {
      collect(json.readTree(in), labels);
    }
    return labels;
  }

  private static void collect(JsonNode node, Map<String, String> labels) {
    for (JsonNode component : node.path("components")) {
      if ("requestType".equals(component.path("key").asText())) {
        for (JsonNode value : component.path("values")) {
          labels.put(value.path("value").asText(), value.path("label").asText());
        }
      }
      collect(component, labels);
    }
  }
}
