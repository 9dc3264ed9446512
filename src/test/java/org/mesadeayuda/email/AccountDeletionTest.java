package org.mesadeayuda.email;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.camunda.bpm.engine.RuntimeService;
import org.junit.jupiter.api.Test;
import org.mesadeayuda.MesaSpringTest;
import org.mesadeayuda.platform.InvalidInputException;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * EM-3: the Ministry deletes the accounts of people who no longer work at the institution by itself (001 §4.4), so
 * the application offers no deletion request: the start form says so, and a deletion asked for through the API is
 * refused instead of becoming a case nobody can carry out.
 */
@MesaSpringTest
class AccountDeletionTest {

  @Autowired RuntimeService runtimeService;

  @Test
  void anAccountDeletionIsNotRequestedHereBecauseTheMinistryDeletesAccountsByItself() throws Exception {
    String startForm = Files.readString(Path.of("forms", "email-account", "email-account-start.form"));
    assertThat(startForm).contains("La eliminación de las cuentas del personal que ya no labora en la institución "
        + "la hace el Ministerio de forma automática").doesNotContain("\"value\": \"deletion\"");

    long before = runtimeService.createProcessInstanceQuery().processDefinitionKey("email-account").count();
    assertThatThrownBy(() -> runtimeService.startProcessInstanceByKey("email-account", Map.of(
        "requestType", "deletion", "requesterName", "Carlos Pérez",
        "requesterEmail", "carlos.perez.contacto@correo.example", "department", "operaciones",
        "existingAccount", "carlos.perez@mineco.gob.gt")))
        .isInstanceOf(InvalidInputException.class).hasMessageContaining("Qué solicita");
    assertThat(runtimeService.createProcessInstanceQuery().processDefinitionKey("email-account").count())
        .isEqualTo(before);
  }
}
