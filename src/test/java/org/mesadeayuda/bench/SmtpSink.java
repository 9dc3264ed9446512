package org.mesadeayuda.bench;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The benchmark's mail relay: an SMTP server that takes every message, counts it and throws it away, in a process of
 * its own. A relay is another machine in production; run inside the application's JVM (GreenMail, until issue 19) it
 * kept every message with its PDF in the heap the benchmark measures as the application's, and its threads in the
 * same process. Here it still shares the two cores (its work is charged to both variants' rounds as before), but not
 * the memory. Each reply is one write with TCP_NODELAY, as a real relay answers (see README, "What was changed").
 * The extra command {@code XCOUNT} answers with the messages taken so far.
 */
final class SmtpSink {

  private final Process process;
  private final int port;

  private SmtpSink(Process process, int port) {
    this.process = process;
    this.port = port;
  }

  /** Starts the sink in a JVM of its own on the test classpath and waits until it answers. */
  static SmtpSink start(int port) {
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    try {
      Process process = new ProcessBuilder(java, "-Xmx32m", "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1", "-cp",
          System.getProperty("java.class.path"), SmtpSink.class.getName(), Integer.toString(port))
          .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.INHERIT).start();
      SmtpSink sink = new SmtpSink(process, port);
      long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
      while (true) {
        try {
          sink.received();
          return sink;
        } catch (IOException notYet) {
          if (System.nanoTime() > deadline || !process.isAlive()) {
            process.destroyForcibly();
            throw new IllegalStateException("the benchmark's SMTP sink did not start on port " + port, notYet);
          }
          Thread.sleep(100);
        }
      }
    } catch (IOException e) {
      throw new IllegalStateException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  /** Messages taken so far. */
  long received() throws IOException {
    try (Socket socket = new Socket(InetAddress.getLoopbackAddress(), port)) {
      socket.setSoTimeout(5000);
      BufferedReader in = new BufferedReader(new InputStreamReader(socket.getInputStream(), StandardCharsets.US_ASCII));
      OutputStream out = socket.getOutputStream();
      in.readLine();
      out.write("XCOUNT\r\n".getBytes(StandardCharsets.US_ASCII));
      out.flush();
      String answer = in.readLine();
      out.write("QUIT\r\n".getBytes(StandardCharsets.US_ASCII));
      out.flush();
      return Long.parseLong(answer.substring(4).trim());
    }
  }

  void stop() {
    process.destroy();
  }

  public static void main(String[] args) throws IOException {
    AtomicLong messages = new AtomicLong();
    try (ServerSocket server = new ServerSocket(Integer.parseInt(args[0]), 50, InetAddress.getLoopbackAddress())) {
      while (true) {
        Socket client = server.accept();
        Thread connection = new Thread(() -> serve(client, messages), "smtp-sink");
        connection.setDaemon(true);
        connection.start();
      }
    }
  }

  private static void serve(Socket client, AtomicLong messages) {
    try (client) {
      client.setTcpNoDelay(true);
      BufferedReader in = new BufferedReader(new InputStreamReader(client.getInputStream(),
          StandardCharsets.ISO_8859_1), 65536);
      OutputStream out = client.getOutputStream();
      reply(out, "220 bench-sink ESMTP");
      String line;
      while ((line = in.readLine()) != null) {
        String command = line.length() >= 4 ? line.substring(0, 4).toUpperCase(Locale.ROOT) : line;
        switch (command) {
          case "EHLO" -> reply(out, "250-bench-sink\r\n250-8BITMIME\r\n250 SIZE 52428800");
          case "HELO", "MAIL", "RCPT", "RSET", "NOOP" -> reply(out, "250 OK");
          case "DATA" -> {
            reply(out, "354 End data with <CR><LF>.<CR><LF>");
            String data;
            while ((data = in.readLine()) != null && !".".equals(data)) {
              // the message is read and dropped
            }
            reply(out, "250 OK queued as " + messages.incrementAndGet());
          }
          case "XCOU" -> reply(out, "250 " + messages.get());
          case "QUIT" -> {
            reply(out, "221 Bye");
            return;
          }
          default -> reply(out, "502 Command not implemented");
        }
      }
    } catch (IOException e) {
      // the client went away
    }
  }

  private static void reply(OutputStream out, String text) throws IOException {
    out.write((text + "\r\n").getBytes(StandardCharsets.US_ASCII));
    out.flush();
  }
}
