package org.mesadeayuda;

import com.icegreen.greenmail.util.ServerSetup;

/**
 * The SMTP server the tests run (GreenMail). Its port is {@code mesa.test.smtp-port} (default 3025), the same the test
 * profile gives the application, so two builds on one machine (two work trees, a build beside a benchmark) can run
 * their tests at the same time: {@code ./mvnw verify -Dmesa.test.smtp-port=3125}.
 */
public final class TestMail {

  public static final int PORT = Integer.getInteger("mesa.test.smtp-port", 3025);
  public static final ServerSetup SMTP = new ServerSetup(PORT, null, ServerSetup.PROTOCOL_SMTP);

  /**
   * The line of a requester's e-mail that opens her case in "Mis solicitudes" (issue 17), with the portal address of
   * the test profile (the default {@code mesa.portal.url}).
   */
  public static String myRequestsLink(String caseNumber) {
    return "Siga su solicitud en «Mis solicitudes»: http://localhost:8080/portal/solicitudes/" + caseNumber;
  }

  private TestMail() {}
}
