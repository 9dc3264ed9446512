package org.mesadeayuda.platform;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.impl.persistence.entity.ExecutionEntity;
import org.springframework.stereotype.Component;

/** Answers from the institution's profile ({@link ProcedureProperties}): which procedures run, what it offers. */
@Component
public class Procedures {

  private final ProcedureProperties properties;

  public Procedures(ProcedureProperties properties) {
    this.properties = properties;
  }

  /** Whether the institution runs the procedure (process definition key). */
  public boolean isActive(String processKey) {
    return properties.active().isEmpty() || properties.active().contains(processKey);
  }

  /** Whether the institution's catalogue offers the support request type. */
  public boolean offers(String requestType) {
    return properties.requestTypes().isEmpty() || properties.requestTypes().contains(requestType);
  }

  public ProcedureProperties properties() {
    return properties;
  }

  /** The prefix of the case numbers of the process {@code execution} runs: the institution's, or the application's. */
  public String casePrefix(DelegateExecution execution, String applicationPrefix) {
    String key = processKey(execution);
    return key == null ? applicationPrefix : properties.casePrefixes().getOrDefault(key, applicationPrefix);
  }

  private static String processKey(DelegateExecution execution) {
    if (execution instanceof ExecutionEntity entity && entity.getProcessDefinition() != null) {
      return entity.getProcessDefinition().getKey();
    }
    String definitionId = execution.getProcessDefinitionId();
    return definitionId == null ? null : definitionId.split(":")[0];
  }
}
