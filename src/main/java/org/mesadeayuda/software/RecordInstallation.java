package org.mesadeayuda.software;

import static org.mesadeayuda.software.SoftwareInstallationVariables.*;

import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.delegate.BpmnError;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.history.HistoricTaskInstance;
import org.camunda.bpm.engine.history.HistoricVariableInstance;
import org.mesadeayuda.platform.CompletionGuard;
import org.springframework.stereotype.Component;

/**
 * The Technology Directorate installed the software (SW-2): the installation is recorded with the seat held for the
 * case, checked again now (still held, licence still valid), or else another free seat. If none is left, the case
 * goes back to the Director's procurement decision instead of installing without a licence.
 */
@Component("recordInstallation")
public class RecordInstallation implements JavaDelegate {

  static final String INSTALL_TASK = "Task_Install";
  static final String DIRECTORATE = "Dirección de Tecnología";

  private final LicenceRegister register;
  private final HistoryService historyService;

  public RecordInstallation(LicenceRegister register, HistoryService historyService) {
    this.register = register;
    this.historyService = historyService;
  }

  @Override
  public void execute(DelegateExecution execution) {
    String installer = installer(execution);
    execution.setVariable(INSTALLED_BY, installer);
    String version = string(execution, INSTALLED_VERSION) != null ? string(execution, INSTALLED_VERSION)
        : string(execution, SOFTWARE_VERSION);
    boolean recorded = register.installWithReservedSeat(string(execution, CASE_NUMBER),
        string(execution, ASSET_TAG), (Long) execution.getVariable(SOFTWARE_ID), version, installer).isPresent();
    if (!recorded) {
      throw new BpmnError(NO_SEAT_LEFT, "No quedan licencias libres de " + string(execution, SOFTWARE_NAME));
    }
  }

  private String installer(DelegateExecution execution) {
    HistoricTaskInstance install = historyService.createHistoricTaskInstanceQuery()
        .processInstanceId(execution.getProcessInstanceId()).taskDefinitionKey(INSTALL_TASK).finished()
        .orderByHistoricTaskInstanceEndTime().desc().list().stream().findFirst().orElse(null);
    if (install == null) {
      return DIRECTORATE;
    }
    // who completed it as the server authenticated her (CompletionGuard); the assignee only for the engine's own tests
    HistoricVariableInstance completedBy = historyService.createHistoricVariableInstanceQuery()
        .processInstanceId(execution.getProcessInstanceId()).taskIdIn(install.getId())
        .variableName(CompletionGuard.COMPLETED_BY).singleResult();
    if (completedBy != null && completedBy.getValue() != null) {
      return completedBy.getValue().toString();
    }
    return install.getAssignee() != null ? install.getAssignee() : DIRECTORATE;
  }
}
