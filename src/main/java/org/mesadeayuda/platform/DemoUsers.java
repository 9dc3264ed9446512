package org.mesadeayuda.platform;

import java.util.List;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.User;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.context.annotation.Profile;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * The {@code demo} profile: one user per role so a newcomer can try every role in Tasklist. There is no fixed demo
 * password: it is MESA_DEMO_PASSWORD when set, otherwise a new random one at every start, printed in the log.
 */
@Component
@Profile("demo")
@Order(1)
public class DemoUsers implements ApplicationRunner {

  private static final Logger LOG = LoggerFactory.getLogger(DemoUsers.class);

  record DemoUser(String id, String firstName, String lastName, Role role) {}

  static final List<DemoUser> USERS = List.of(
      new DemoUser("ana.solicitante", "Ana", "Solicitante", Role.SOLICITANTES),
      new DemoUser("marta.mesa", "Marta", "Mesa de Ayuda", Role.MESA_AYUDA),
      new DemoUser("tomas.tecnico", "Tomás", "Técnico", Role.TECNICOS),
      new DemoUser("diego.director", "Diego", "Director de Tecnología", Role.DIRECTOR_TI),
      new DemoUser("fabiola.daf", "Fabiola", "Administración y Finanzas", Role.DAF),
      new DemoUser("andres.area", "Andrés", "Director de Área", Role.DIRECTORES_AREA),
      new DemoUser("julia.jefa", "Julia", "Jefa de Departamento", Role.JEFES_PROCESO),
      new DemoUser("carla.calidad", "Carla", "Gestión de Calidad", Role.CALIDAD));

  private final IdentityService identityService;
  private final String configuredPassword;

  public DemoUsers(IdentityService identityService, @Value("${mesa.demo.password:}") String configuredPassword) {
    this.identityService = identityService;
    this.configuredPassword = configuredPassword;
  }

  @Override
  public void run(ApplicationArguments args) {
    if (identityService.isReadOnly()) {
      LOG.warn("Profile demo with a read-only identity (directory login): no demo users are created");
      return;
    }
    boolean generated = configuredPassword == null || configuredPassword.isBlank();
    String password = generated ? IdentitySetup.randomPassword() : configuredPassword;
    StringBuilder table = new StringBuilder();
    for (DemoUser demo : USERS) {
      User user = identityService.createUserQuery().userId(demo.id()).singleResult();
      if (user == null) {
        user = identityService.newUser(demo.id());
      }
      user.setFirstName(demo.firstName());
      user.setLastName(demo.lastName());
      user.setEmail(demo.id() + "@demo.mesa-de-ayuda.local");
      user.setPassword(password);
      identityService.saveUser(user);
      addMembership(demo.id(), demo.role().groupId());
      // every member of staff may ask for support (SR-1)
      addMembership(demo.id(), Role.SOLICITANTES.groupId());
      table.append("%n   %-16s %s".formatted(demo.id(), demo.role().displayName()));
    }
    LOG.warn("""

        ===================================================================
         Demo users (one per role), all with the password '{}'{}{}
        ===================================================================""",
        generated ? password : "<MESA_DEMO_PASSWORD>",
        generated ? " (new at every start; set MESA_DEMO_PASSWORD to fix it)" : "",
        table);
  }

  private void addMembership(String userId, String groupId) {
    if (identityService.createUserQuery().userId(userId).memberOfGroup(groupId).count() == 0) {
      identityService.createMembership(userId, groupId);
    }
  }
}
