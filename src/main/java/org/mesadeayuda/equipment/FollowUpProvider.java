package org.mesadeayuda.equipment;

import static org.mesadeayuda.equipment.EquipmentFailureVariables.*;

import java.util.Map;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.mesadeayuda.platform.InstitutionProperties;
import org.springframework.stereotype.Component;

/** The provider did not answer in time: a reminder, copied to nobody else; the technician's task stays open. */
@Component("followUpProvider")
public class FollowUpProvider implements JavaDelegate {

  private final EquipmentMails mails;
  private final InstitutionProperties institution;

  public FollowUpProvider(EquipmentMails mails, InstitutionProperties institution) {
    this.mails = mails;
    this.institution = institution;
  }

  @Override
  public void execute(DelegateExecution execution) {
    String providerEmail = string(execution, PROVIDER_EMAIL);
    mails.send(providerEmail != null ? providerEmail : institution.technologyHeadEmail(),
        "equipment-provider-reminder", execution, Map.of());
  }
}
