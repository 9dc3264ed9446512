package org.mesadeayuda.platform;

import java.util.List;
import java.util.Map;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * What an institution runs (its profile, README "Institution profiles"): the procedures its manual has, the request
 * types its catalogue offers and the prefixes of its case numbers.
 *
 * @param active process definition keys this institution runs; the others are suspended at start (nobody can start
 *     them, their timers do not fire; cases already open finish). Empty: every procedure
 * @param requestTypes the request types of the support request's catalogue this institution offers; empty: all. A
 *     type whose own procedure is not active is attended as an ordinary ticket
 * @param casePrefixes process definition key to the prefix of its case numbers (2 to 6 capital letters), replacing the
 *     application's (SOP, EQP, SWI ...)
 */
@ConfigurationProperties("mesa.procedures")
public record ProcedureProperties(List<String> active, List<String> requestTypes, Map<String, String> casePrefixes) {

  public ProcedureProperties {
    active = active == null ? List.of() : List.copyOf(active);
    requestTypes = requestTypes == null ? List.of() : List.copyOf(requestTypes);
    casePrefixes = casePrefixes == null ? Map.of() : Map.copyOf(casePrefixes);
    casePrefixes.forEach((key, prefix) -> {
      if (prefix == null || !prefix.matches("[A-Z]{2,6}")) {
        throw new IllegalArgumentException("mesa.procedures.case-prefixes." + key + ": «" + prefix
            + "» no es un prefijo válido (de 2 a 6 letras mayúsculas, sin tildes)");
      }
    });
  }
}
