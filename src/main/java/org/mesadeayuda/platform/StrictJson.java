package org.mesadeayuda.platform;

import com.fasterxml.jackson.databind.cfg.CoercionAction;
import com.fasterxml.jackson.databind.cfg.CoercionInputShape;
import com.fasterxml.jackson.databind.type.LogicalType;
import org.springframework.boot.autoconfigure.jackson.Jackson2ObjectMapperBuilderCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Our API's JSON: a text field takes only a JSON string. Jackson would otherwise turn {@code "name": 42} or
 * {@code "name": true} into the text "42" or "true" and store it; a client that sends a number where a name is
 * expected has a bug it should hear about ({@link ApiErrors} answers 400 naming the field). Camunda's REST API keeps
 * its own mapper and is not affected.
 */
@Configuration
public class StrictJson {

  @Bean
  Jackson2ObjectMapperBuilderCustomizer textOnlyFromJsonStrings() {
    return builder -> builder.postConfigurer(mapper -> {
      var textual = mapper.coercionConfigFor(LogicalType.Textual);
      textual.setCoercion(CoercionInputShape.Integer, CoercionAction.Fail);
      textual.setCoercion(CoercionInputShape.Float, CoercionAction.Fail);
      textual.setCoercion(CoercionInputShape.Boolean, CoercionAction.Fail);
    });
  }
}
