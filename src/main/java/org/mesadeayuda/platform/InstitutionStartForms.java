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
import java.util.List;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.cmd.GetDeployedStartFormCmd;
import org.camunda.bpm.engine.impl.interceptor.Command;
import org.camunda.bpm.engine.impl.interceptor.CommandInterceptor;
import org.springframework.stereotype.Component;

/**
 * The one place a start form is served (Tasklist, the REST API's {@code deployed-start-form}, the portal): Tasklist
 * asks the engine no variables for a Camunda Form start form, so the form is served with everything it shows already
 * in it (every way of reading the deployed start form goes through the engine's command):
 * <ul>
 *   <li>a select whose {@code valuesKey} is one of {@link FormOptions}' gets that list: the institution's departments
 *   ({@value FormOptions#DEPARTMENTS}), the directory, the signers (README "Institution profiles", "People in
 *   forms");</li>
 *   <li>the select marked {@code "properties": {"catalogue": "request-types"}} offers only the request types the
 *   institution's catalogue offers;</li>
 *   <li>what the application knows about the person who opens it is shown, not asked ({@link RequesterProfile}).</li>
 * </ul>
 * What is sent back is checked against the same lists ({@link StartValidationPlugin}, and the support request's own
 * check of the catalogue).
 */
@Component
public class InstitutionStartForms extends AbstractProcessEnginePlugin {

  static final String CATALOGUE = "catalogue";
  static final String REQUEST_TYPES = "request-types";
  private static final ObjectMapper JSON = new ObjectMapper();

  private final FormOptions options;
  private final Procedures procedures;
  private final RequesterProfile profile;

  public InstitutionStartForms(FormOptions options, Procedures procedures, RequesterProfile profile) {
    this.options = options;
    this.procedures = procedures;
    this.profile = profile;
  }

  @Override
  public void preInit(ProcessEngineConfigurationImpl configuration) {
    List<CommandInterceptor> interceptors = configuration.getCustomPostCommandInterceptorsTxRequired() == null
        ? new ArrayList<>() : new ArrayList<>(configuration.getCustomPostCommandInterceptorsTxRequired());
    interceptors.add(new Serving());
    configuration.setCustomPostCommandInterceptorsTxRequired(interceptors);
  }

  /**
   * The start form with the institution's lists in it, as the person who opens it should see it; anything that is not
   * a Camunda Form is left as it is.
   */
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
    profile.personalise((ArrayNode) form.path("components"));
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
      String valuesKey = component.path("valuesKey").asText(null);
      List<Directory.Person> offered = valuesKey == null ? null : options.options(valuesKey, variable -> null);
      if (offered != null) {
        component.remove("valuesKey");
        component.set("values", JSON.valueToTree(offered));
      }
      if (REQUEST_TYPES.equals(component.path("properties").path(CATALOGUE).asText(""))
          && component.path("values").isArray()) {
        ArrayNode types = JSON.createArrayNode();
        component.path("values").forEach(option -> {
          if (procedures.offers(option.path("value").asText())) {
            types.add(option);
          }
        });
        component.set("values", types);
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
