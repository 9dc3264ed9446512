package org.mesadeayuda.email;

import static org.mesadeayuda.email.EmailAccountVariables.*;

import java.util.regex.Pattern;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.mesadeayuda.platform.InvalidInputException;
import org.mesadeayuda.platform.ProcessVariables;
import org.springframework.stereotype.Component;

/**
 * EM-1, EM-2: the ministry answered the ticket: the account was created (with its address) or the password reset,
 * or the ministry refused with a reason. Credentials are delivered by the ministry: a password typed here is refused,
 * so it never reaches a variable, the register or an e-mail.
 */
@Component("recordMinistryAnswer")
public class RecordMinistryAnswer implements TaskListener {

  private static final Pattern PASSWORD = Pattern.compile("(?iu)(contraseña|password|clave)\\s*[:=]");

  private final EmailAccountRequestRepository requests;

  public RecordMinistryAnswer(EmailAccountRequestRepository requests) {
    this.requests = requests;
  }

  @Override
  public void notify(DelegateTask task) {
    String outcome = string(task, MINISTRY_OUTCOME);
    String answer = string(task, MINISTRY_ANSWER);
    String address = string(task, ACCOUNT_ADDRESS);
    if (!DONE.equals(outcome) && !REFUSED.equals(outcome)) {
      throw new InvalidInputException("Indique qué respondió el Ministerio.");
    }
    if ((answer != null && PASSWORD.matcher(answer).find()) || (address != null && PASSWORD.matcher(address).find())) {
      throw new InvalidInputException("No escriba contraseñas: el Ministerio entrega las credenciales directamente a "
          + "la persona.");
    }
    boolean creation = CREATION.equals(string(task, REQUEST_TYPE));
    if (REFUSED.equals(outcome)) {
      if (answer == null) {
        throw new InvalidInputException("Indique el motivo que dio el Ministerio; se envía al solicitante.");
      }
      address = null;
    } else if (creation) {
      if (address == null || !RegisterEmailAccountRequest.EMAIL.matcher(address).matches()) {
        throw new InvalidInputException("Indique la dirección de correo que creó el Ministerio.");
      }
    } else {
      address = string(task, EXISTING_ACCOUNT);
    }
    task.setVariable(ACCOUNT_ADDRESS, address);
    requests.recordAnswer(string(task, CASE_NUMBER), outcome, address, answer, ProcessVariables.actor(task),
        ClockUtil.getCurrentTime().toInstant());
  }
}
