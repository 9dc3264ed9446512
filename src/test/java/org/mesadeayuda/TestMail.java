package org.mesadeayuda;

import com.icegreen.greenmail.util.ServerSetup;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;

/**
 * The SMTP server the tests run (GreenMail). Its port is a free one chosen once per test JVM, so two builds on one
 * machine (two work trees, a build beside a benchmark) never fight over a fixed port; {@code -Dmesa.test.smtp-port=N}
 * (N &gt; 0) still fixes it. The application of the test profile sends to the same port ({@link TestMailPort} gives it
 * to the Spring environment before any context starts).
 */
public final class TestMail {

  static final String PROPERTY = "mesa.test.smtp-port";

  /** The port the build asked for; 0 (the pom's default) or unset: a free one. */
  static final int CONFIGURED = Integer.getInteger(PROPERTY, 0);
  public static final int PORT = port();
  public static final ServerSetup SMTP = new ServerSetup(PORT, null, ServerSetup.PROTOCOL_SMTP);

  /**
   * The line of a requester's e-mail that opens her case in "Mis solicitudes" (issue 17), with the portal address of
   * the test profile (the default {@code mesa.portal.url}).
   */
  public static String myRequestsLink(String caseNumber) {
    return "Siga su solicitud en «Mis solicitudes»: http://localhost:8080/portal/solicitudes/" + caseNumber;
  }

  private TestMail() {}

  private static int port() {
    int port = CONFIGURED > 0 ? CONFIGURED : freePort();
    // anything else in this JVM that reads the property (a node started by a test) follows the chosen port
    System.setProperty(PROPERTY, String.valueOf(port));
    return port;
  }

  /** A port nobody listens on now; GreenMail binds it moments later (the system does not hand it out again soon). */
  private static int freePort() {
    try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      return socket.getLocalPort();
    } catch (IOException e) {
      throw new UncheckedIOException("no free port for the tests' SMTP server", e);
    }
  }
}
