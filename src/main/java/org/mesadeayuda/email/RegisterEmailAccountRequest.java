package org.mesadeayuda.email;

import static org.mesadeayuda.email.EmailAccountVariables.*;

import java.util.regex.Pattern;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.mesadeayuda.platform.InstitutionProperties;
import org.mesadeayuda.platform.BusinessKeys;
import org.mesadeayuda.platform.TicketNumbers;
import org.springframework.stereotype.Component;

/**
 * An e-mail account request gets its case number (COR-2026-000001) and its line in the register as it starts; its
 * fields were checked against the start form's rules before (fields required for one type only included).
 */
@Component("registerEmailAccountRequest")
public class RegisterEmailAccountRequest implements ExecutionListener {

  static final Pattern EMAIL = Pattern.compile("^[^@\\s]+@[^@\\s]+\\.[^@\\s]+$");

  private final TicketNumbers ticketNumbers;
  private final EmailAccountRequestRepository requests;
  private final InstitutionProperties institution;
  private final ImmediateBoss immediateBoss;

  public RegisterEmailAccountRequest(TicketNumbers ticketNumbers, EmailAccountRequestRepository requests,
      InstitutionProperties institution, ImmediateBoss immediateBoss) {
    this.ticketNumbers = ticketNumbers;
    this.requests = requests;
    this.institution = institution;
    this.immediateBoss = immediateBoss;
  }

  @Override
  public void notify(DelegateExecution execution) {
    // what is asked for each type (SUA fields for a new account, the address of a reset) is the start form's rules,
    // checked as the process started (StartValidationPlugin)
    String type = string(execution, REQUEST_TYPE);
    String requesterEmail = string(execution, REQUESTER_EMAIL);
    boolean creation = CREATION.equals(type);
    String existing = string(execution, EXISTING_ACCOUNT);
    // EM-2: checked before the case takes a number; a reset signed by nobody or by the requester is not started
    User signer = creation ? null : immediateBoss.signerOf(execution);
    String caseNumber = BusinessKeys.assign(execution, ticketNumbers, CASE_PREFIX);
    String department = string(execution, DEPARTMENT);
    execution.setVariable(CASE_NUMBER, caseNumber);
    execution.setVariable(REQUEST_TYPE_LABEL, TYPES.get(type));
    // the task headers name the department as people know it, not by its code
    execution.setVariable(DEPARTMENT_NAME,
        institution.department(department).map(InstitutionProperties.Department::name).orElse(department));
    // EM-2: the signature task goes to the boss the requester named (a department head's own reset included), never
    // to the department's configured head by default
    execution.setVariable(BOSS_USER, signer == null ? null : signer.getId());
    execution.setVariable(IMMEDIATE_BOSS_NAME, signer == null ? string(execution, IMMEDIATE_BOSS)
        : ImmediateBoss.displayName(signer));
    requests.save(new EmailAccountRequest(null, caseNumber, execution.getProcessInstanceId(), type,
        string(execution, REQUESTED_BY), string(execution, REQUESTER_NAME), requesterEmail,
        string(execution, POSITION), department, string(execution, IMMEDIATE_BOSS),
        creation ? string(execution, REQUESTED_ACCOUNT) : null, creation ? null : existing,
        string(execution, JUSTIFICATION), EmailAccountRequest.REQUESTED, ClockUtil.getCurrentTime().toInstant(),
        null, null, null, null, null, null, 0, null, null, null, null, null));
  }
}
