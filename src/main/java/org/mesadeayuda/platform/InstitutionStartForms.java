package org.mesadeayuda.platform;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.cmd.GetDeployedStartFormCmd;
import org.camunda.bpm.engine.impl.interceptor.Command;
import org.camunda.bpm.engine.impl.interceptor.CommandInterceptor;
import org.springframework.stereotype.Component;

/**
 * A start form offers the institution's own lists (its profile, README "Institution profiles"): a select reading
 * {@value #DEPARTMENTS} gets the institution's departments, and the select marked
 * {@code "properties": {"catalogue": "request-types"}} only the request types its catalogue offers. Tasklist asks the
 * engine no variables for a Camunda Form start form, so the form is served with them in it (every way of reading the
 * deployed start form goes through the engine's command). What is sent back is checked against the same lists
 * ({@link StartValidationPlugin}, and the support request's own check of the catalogue).
 */
@Component
public class InstitutionStartForms extends AbstractProcessEnginePlugin {

  /** The {@code valuesKey} of a department select. */
  public static final String DEPARTMENTS = "departmentOptions";
  static final String CATALOGUE = "catalogue";
  static final String REQUEST_TYPES = "request-types";
  private static final ObjectMapper JSON = new ObjectMapper();

  private final InstitutionProperties institution;
  private final Procedures procedures;

  public InstitutionStartForms(InstitutionProperties institution, Procedures procedures) {
    this.institution = institution;
    this.procedures = procedures;
  }

  @Override
  public void preInit(ProcessEngineConfigurationImpl configuration) {
    List<CommandInterceptor> interceptors = configuration.getCustomPostCommandInterceptorsTxRequired() == null
        ? new ArrayList<>() : new ArrayList<>(configuration.getCustomPostCommandInterceptorsTxRequired());
    interceptors.add(new Serving());
    configuration.setCustomPostCommandInterceptorsTxRequired(interceptors);
  }

  /** The institution's departments as a select's options: {@code [{label, value}]}, by name. */
  public List<Map<String, String>> departments() {
    return institution.departments().entrySet().stream()
        .map(entry -> Map.of("label", entry.getValue().name() == null ? entry.getKey() : entry.getValue().name(),
            "value", entry.getKey()))
        .sorted(Comparator.comparing(option -> option.get("label"), String.CASE_INSENSITIVE_ORDER))
        .toList();
  }

  /** The start form with the institution's lists in it; anything that is not a Camunda Form is left as it is. */
  public byte[] serve(byte[] deployed) {
    JsonNode form;
    try {
      form = JSON.readTree(deployed);
    } catch (IOException notJson) {
      return deployed;
    }
    if (form == null || !form.isObject() || !form.path("components").isArray()) {
      return deployed;
    }
    fill((ArrayNode) form.path("components"));
    try {
      return JSON.writeValueAsBytes(form);
    } catch (IOException e) {
      return deployed;
    }
  }

  private void fill(ArrayNode components) {
    for (JsonNode node : components) {
      ObjectNode component = (ObjectNode) node;
      if (component.path("components").isArray()) {
        fill((ArrayNode) component.path("components"));
      }
      if (DEPARTMENTS.equals(component.path("valuesKey").asText(null))) {
        component.remove("valuesKey");
        component.set("values", JSON.valueToTree(departments()));
      }
      if (REQUEST_TYPES.equals(component.path("properties").path(CATALOGUE).asText(""))
          && component.path("values").isArray()) {
        ArrayNode offered = JSON.createArrayNode();
        component.path("values").forEach(option -> {
          if (procedures.offers(option.path("value").asText())) {
            offered.add(option);
          }
        });
        component.set("values", offered);
      }
    }
  }

  private final class Serving extends CommandInterceptor {
    @Override
    public <T> T execute(Command<T> command) {
      T result = next.execute(command);
      if (!(command instanceof GetDeployedStartFormCmd) || !(result instanceof InputStream stream)) {
        return result;
      }
      try (stream) {
        @SuppressWarnings("unchecked")
        T served = (T) new ByteArrayInputStream(serve(stream.readAllBytes()));
        return served;
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
  }
}
