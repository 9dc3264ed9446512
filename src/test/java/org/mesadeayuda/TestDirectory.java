package org.mesadeayuda;

import java.util.List;
import org.camunda.bpm.engine.IdentityService;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.context.annotation.Profile;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * The people the process tests hand work to. No task is assigned to a user the identity does not know (issue 16), so
 * the technicians, heads and requesters the tests name exist in the shared test engine, each in her group. API tests
 * that log in give them a password through {@link TestUsers}.
 */
@Component
@Profile({"test", "bench"})
@Order(5)
public class TestDirectory implements ApplicationRunner {

  record Member(String id, String group) {}

  public static final List<Member> MEMBERS = List.of(
      new Member("tomas.tecnico", "tecnicos"),
      new Member("ingrid.especialista", "tecnicos"),
      new Member("marta.mesa", "mesa-ayuda"),
      new Member("diego.director", "director-ti"),
      new Member("julia.jefa", "jefes-proceso"),
      // another department's head, to whom the desk may hand a task she must not answer
      new Member("otra.jefa", "jefes-proceso"),
      new Member("andres.area", "directores-area"),
      new Member("ana.solicitante", "solicitantes"),
      // TaskCaseData's people, as every task of every form is walked
      new Member("form.tecnico", "tecnicos"),
      new Member("form.jefe", "jefes-proceso"),
      new Member("form.funcionaria", "solicitantes"),
      new Member("form.solicitante", "solicitantes"),
      // a technician the identity knows without an e-mail address (remote access: the identifier cannot be mailed)
      new Member("usuario.sin.correo", "tecnicos"));

  private final IdentityService identityService;

  public TestDirectory(IdentityService identityService) {
    this.identityService = identityService;
  }

  @Override
  public void run(ApplicationArguments args) {
    for (Member member : MEMBERS) {
      TestUsers.create(identityService, member.id(), member.group(), null);
      TestUsers.create(identityService, member.id(), "solicitantes", null);
    }
  }
}
