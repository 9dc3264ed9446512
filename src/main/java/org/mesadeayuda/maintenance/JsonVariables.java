package org.mesadeayuda.maintenance;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.camunda.spin.plugin.variable.SpinValues;
import org.camunda.spin.plugin.variable.value.JsonValue;

/**
 * Lists whose size grows with the programme (its weeks, departments and units) are kept as JSON variables, never as
 * text: Camunda keeps a String in a 4,000-character column, a JSON value in a byte array with no such limit, and
 * Tasklist hands it to the Camunda Form as a list that a table component shows, page by page.
 */
final class JsonVariables {

  private static final ObjectMapper MAPPER = new ObjectMapper();

  private JsonVariables() {}

  static JsonValue of(Object value) {
    try {
      return SpinValues.jsonValue(MAPPER.writeValueAsString(value)).create();
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("cannot write " + value.getClass() + " as JSON", e);
    }
  }
}
