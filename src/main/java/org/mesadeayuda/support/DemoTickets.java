package org.mesadeayuda.support;

import static org.mesadeayuda.support.SupportRequestVariables.*;

import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.RuntimeService;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.context.annotation.Profile;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/** The {@code demo} profile: a few open tickets, so Tasklist has work to show on first start. */
@Component
@Profile("demo")
@Order(2)
public class DemoTickets implements ApplicationRunner {

  private static final Logger LOG = LoggerFactory.getLogger(DemoTickets.class);

  private final RuntimeService runtimeService;
  private final OwnProcedure catalogue;
  private final String department;

  public DemoTickets(RuntimeService runtimeService, OwnProcedure catalogue,
      @Value("${mesa.demo.department}") String department) {
    this.runtimeService = runtimeService;
    this.catalogue = catalogue;
    this.department = department;
  }

  @Override
  public void run(ApplicationArguments args) {
    if (runtimeService.createProcessInstanceQuery().processDefinitionKey(PROCESS_KEY).count() > 0) {
      return;
    }
    // the institution profile's demo department and the types its catalogue offers
    List<Map<String, Object>> requests = requests(department).stream()
        .filter(request -> catalogue.offered((String) request.get(REQUEST_TYPE))).toList();
    for (Map<String, Object> request : requests) {
      runtimeService.createProcessInstanceByKey(PROCESS_KEY).setVariables(request)
          .setVariable(REGISTERED_BY, "marta.mesa").execute();
    }
    LOG.info("Demo: {} support requests opened", requests.size());
  }

  /** The demo tickets, as the start form would send them (a test starts each, so a new start rule cannot break them). */
  static List<Map<String, Object>> requests(String department) {
    Map<String, Object> passwordReset = request("Ana Solicitante", "ana.solicitante", department, "phone",
        "password_reset", "No puede ingresar a su correo institucional: la contraseña venció.", null, "low", "medium");
    // a password reset goes to the e-mail procedure, signed by the requester's immediate boss (EM-2)
    passwordReset.put("existingAccount", "ana.solicitante@demo.mesa-de-ayuda.local");
    passwordReset.put("immediateBoss", "julia.jefa");
    return List.of(
        request("Ana Solicitante", "ana.solicitante", department, "web", "equipment_support",
            "La computadora de recepción se apaga sola varias veces al día.", "INV-0042", "medium", "high"),
        passwordReset,
        request("Andrés Director de Área", "andres.area", department, "email", "meeting_equipment",
            "Instalar proyector y videoconferencia en el salón de reuniones para el jueves.", "INV-0310", "high",
            "high"));
  }

  private static Map<String, Object> request(String name, String user, String department, String channel, String type,
      String description, String assetTag, String impact, String urgency) {
    Map<String, Object> variables = new java.util.HashMap<>(Map.of(
        REQUESTER_NAME, name, REQUESTER, user, REQUESTER_EMAIL, user + "@demo.mesa-de-ayuda.local",
        DEPARTMENT, department, CHANNEL, channel, REQUEST_TYPE, type, DESCRIPTION, description,
        IMPACT, impact, URGENCY, urgency));
    variables.put(ASSET_TAG, assetTag);
    return variables;
  }
}
