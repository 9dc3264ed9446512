package org.mesadeayuda.bench;

import com.icegreen.greenmail.Managers;
import com.icegreen.greenmail.smtp.SmtpServer;
import com.icegreen.greenmail.util.ServerSetup;
import java.net.Socket;
import java.net.SocketException;

/**
 * GreenMail's SMTP server with TCP_NODELAY on its connections. GreenMail writes a reply in pieces (the greeting, each
 * line of the EHLO answer); with Nagle's algorithm on, each later piece waits for the client's delayed ACK, about
 * 40 ms, several times per message: a cost of the test server, not of the application (a real relay answers in one
 * write), which made every e-mail look like 150-250 ms of work.
 */
final class BenchMailServer extends SmtpServer {

  private final Managers managers;

  private BenchMailServer(ServerSetup setup, Managers managers) {
    super(setup, managers);
    this.managers = managers;
  }

  static BenchMailServer start(int port) {
    BenchMailServer server = new BenchMailServer(new ServerSetup(port, null, ServerSetup.PROTOCOL_SMTP),
        new Managers());
    server.startService();
    try {
      if (!server.waitTillRunning(10_000)) {
        throw new IllegalStateException("bench SMTP server did not start on port " + port);
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
    return server;
  }

  @Override
  protected void handleClientSocket(Socket clientSocket) throws SocketException {
    clientSocket.setTcpNoDelay(true);
    super.handleClientSocket(clientSocket);
  }

  /** Messages received so far (all mailboxes). */
  long received() {
    return managers.getUserManager().listUser().stream()
        .mapToLong(user -> {
          try {
            return managers.getImapHostManager().getInbox(user).getMessageCount();
          } catch (Exception e) {
            return 0;
          }
        }).sum();
  }
}
