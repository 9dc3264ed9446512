package org.mesadeayuda.remoteaccess;

import static org.mesadeayuda.remoteaccess.RemoteAccessVariables.*;

import java.util.Map;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.identity.User;
import org.mesadeayuda.platform.InstitutionProperties;
import org.springframework.stereotype.Component;

/**
 * RA-1, 000 procedimiento 5 (documents): "Envío de correo electrónico, por parte del Director del Área al Director de
 * Tecnología". The head of the area confirmed the technician; the Technology Director is told which of his staff
 * connects to which equipment, for which work order and window, and who confirmed it.
 */
@Component("notifyTechnologyDirectorOfInternalAccess")
public class NotifyTechnologyDirectorOfInternalAccess implements JavaDelegate {

  private final RemoteAccessMails mails;
  private final InstitutionProperties institution;
  private final IdentityService identityService;

  public NotifyTechnologyDirectorOfInternalAccess(RemoteAccessMails mails, InstitutionProperties institution,
      IdentityService identityService) {
    this.mails = mails;
    this.institution = institution;
    this.identityService = identityService;
  }

  @Override
  public void execute(DelegateExecution execution) {
    String confirmedBy = string(execution, AUTHORIZED_BY);
    mails.send(institution.technologyHeadEmail(), "remote-access-internal-notice", execution,
        Map.of("confirmedBy", displayName(confirmedBy), "technicianName", displayName(string(execution, TECHNICIAN))));
  }

  /** "Nombre Apellido (usuario)" when the user is known, the user id otherwise. */
  private String displayName(String userId) {
    if (userId == null) {
      return "";
    }
    User user = identityService.createUserQuery().userId(userId).singleResult();
    if (user == null) {
      return userId;
    }
    String name = ((user.getFirstName() == null ? "" : user.getFirstName()) + " "
        + (user.getLastName() == null ? "" : user.getLastName())).trim();
    return name.isEmpty() ? userId : name + " (" + userId + ")";
  }
}
