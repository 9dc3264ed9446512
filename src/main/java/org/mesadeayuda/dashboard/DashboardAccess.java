package org.mesadeayuda.dashboard;

import org.mesadeayuda.platform.WebappSession;
import jakarta.servlet.http.HttpServletRequest;
import java.util.Set;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.identity.Group;
import org.mesadeayuda.platform.InstitutionProperties;
import org.mesadeayuda.platform.Role;
import org.springframework.stereotype.Component;

/**
 * Who may look at the dashboard, with the same login as Tasklist and the attachments page (the webapps' session):
 * Quality, the Technology Director and the desk see every figure; a head of department (the department's
 * {@code head-user}) sees her department's; nobody else (technicians, requesters) sees it. The groups are read again
 * from the identity service at every request, so a role taken away counts at once.
 */
@Component
class DashboardAccess {

  static class NotSignedInException extends RuntimeException {}

  static class NotAllowedException extends RuntimeException {}

  private final IdentityService identityService;
  private final String engineName;
  private final InstitutionProperties institution;

  DashboardAccess(ProcessEngine processEngine, InstitutionProperties institution) {
    this.identityService = processEngine.getIdentityService();
    this.engineName = processEngine.getName();
    this.institution = institution;
  }

  Viewer viewer(HttpServletRequest request) {
    String userId = WebappSession.userId(request, engineName, identityService)
        .orElseThrow(NotSignedInException::new);
    return viewer(userId);
  }

  Viewer viewer(String userId) {
    Set<String> groups = identityService.createGroupQuery().groupMember(userId).list().stream().map(Group::getId)
        .collect(Collectors.toSet());
    for (Role role : new Role[] {Role.CALIDAD, Role.DIRECTOR_TI, Role.MESA_AYUDA}) {
      if (groups.contains(role.groupId())) {
        return Viewer.everything(userId, role.displayName());
      }
    }
    Set<String> departments = institution.departments().entrySet().stream()
        .filter(department -> userId.equals(department.getValue().headUser()))
        .map(java.util.Map.Entry::getKey).collect(Collectors.toSet());
    if (departments.isEmpty()) {
      throw new NotAllowedException();
    }
    return new Viewer(userId, "Jefatura de departamento", departments);
  }
}
