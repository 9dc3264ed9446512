package org.mesadeayuda.intake;

import jakarta.mail.Address;
import jakarta.mail.BodyPart;
import jakarta.mail.MessagingException;
import jakarta.mail.Multipart;
import jakarta.mail.Part;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeUtility;
import java.io.IOException;
import java.io.InputStream;
import java.io.UnsupportedEncodingException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Node;
import org.jsoup.nodes.TextNode;
import org.jsoup.select.NodeTraversor;
import org.jsoup.select.NodeVisitor;

/** Reads a MIME message into an {@link InboundMessage}: sender, subject, text (HTML made text), files. */
final class MessageReader {

  private static final Set<String> AUTOMATIC_PRECEDENCE = Set.of("bulk", "junk", "list", "auto_reply");

  private MessageReader() {}

  /** The message's Message-ID, read from its headers only (cheap: the body is not fetched). */
  static String messageId(MimeMessage message) throws MessagingException {
    String id = message.getMessageID();
    if (id != null && !id.isBlank()) {
      return id.trim();
    }
    // without a Message-ID the same message must still be recognised at the next reading: its headers name it
    String headers = String.join("\n", String.valueOf(header(message, "From")), String.valueOf(header(message, "Date")),
        String.valueOf(header(message, "Subject")), String.valueOf(header(message, "Received")));
    return "<" + sha256(headers).substring(0, 40) + "@sin-message-id.invalid>";
  }

  static InboundMessage read(MimeMessage message) throws MessagingException, IOException {
    InternetAddress from = firstAddress(message.getFrom());
    String address = from == null ? null : from.getAddress();
    String name = from == null ? null : from.getPersonal();
    String subject = message.getSubject() == null ? "" : message.getSubject().strip();
    Body body = new Body();
    walk(message, body);
    String text = body.plain != null ? body.plain : body.html != null ? htmlToText(body.html) : "";
    String references = String.join(" ", nonNull(header(message, "In-Reply-To")),
        nonNull(header(message, "References"))).strip();
    return new InboundMessage(messageId(message), address == null ? "" : address.trim(), name, subject,
        normalise(text), List.copyOf(body.files), references.isEmpty() ? null : references, automatic(message, address));
  }

  /** RFC 3834 and the usual marks of automatic mail: answering them would start a loop of answers. */
  private static boolean automatic(MimeMessage message, String address) throws MessagingException {
    String autoSubmitted = header(message, "Auto-Submitted");
    if (autoSubmitted != null && !autoSubmitted.trim().toLowerCase(Locale.ROOT).startsWith("no")) {
      return true;
    }
    String precedence = header(message, "Precedence");
    if (precedence != null && AUTOMATIC_PRECEDENCE.contains(precedence.trim().toLowerCase(Locale.ROOT))) {
      return true;
    }
    if (header(message, "X-Autoreply") != null || header(message, "X-Autorespond") != null
        || header(message, "List-Id") != null) {
      return true;
    }
    String local = address == null ? "" : address.toLowerCase(Locale.ROOT);
    return local.startsWith("mailer-daemon@") || local.startsWith("postmaster@") || local.isEmpty();
  }

  private static final class Body {
    String plain;
    String html;
    final List<InboundMessage.File> files = new ArrayList<>();
  }

  private static void walk(Part part, Body body) throws MessagingException, IOException {
    String fileName = fileName(part);
    if (part.isMimeType("multipart/*")) {
      Multipart parts = (Multipart) part.getContent();
      if (part.isMimeType("multipart/alternative")) {
        // one text in several forms: plain text preferred, else the richest (last) form
        Part chosen = null;
        for (int i = 0; i < parts.getCount(); i++) {
          BodyPart alternative = parts.getBodyPart(i);
          if (alternative.isMimeType("text/plain")) {
            chosen = alternative;
            break;
          }
          chosen = alternative;
        }
        if (chosen != null) {
          walk(chosen, body);
        }
        return;
      }
      for (int i = 0; i < parts.getCount(); i++) {
        walk(parts.getBodyPart(i), body);
      }
    } else if (fileName == null && !Part.ATTACHMENT.equalsIgnoreCase(part.getDisposition())
        && part.isMimeType("text/plain") && body.plain == null) {
      body.plain = text(part);
    } else if (fileName == null && !Part.ATTACHMENT.equalsIgnoreCase(part.getDisposition())
        && part.isMimeType("text/html") && body.html == null) {
      body.html = text(part);
    } else {
      body.files.add(new InboundMessage.File(fileName == null ? "adjunto" : fileName, bytes(part)));
    }
  }

  private static String fileName(Part part) throws MessagingException {
    String name = part.getFileName();
    if (name == null || name.isBlank()) {
      return null;
    }
    try {
      return MimeUtility.decodeText(name);
    } catch (UnsupportedEncodingException e) {
      return name;
    }
  }

  private static String text(Part part) throws MessagingException, IOException {
    Object content = part.getContent();
    return content instanceof String text ? text : new String(bytes(part), StandardCharsets.UTF_8);
  }

  private static byte[] bytes(Part part) throws MessagingException, IOException {
    try (InputStream in = part.getInputStream()) {
      return in.readAllBytes();
    }
  }

  /** HTML as a person reads it: paragraphs, line breaks and list items on lines of their own, no markup. */
  static String htmlToText(String html) {
    Element body = Jsoup.parse(html).body();
    body.select("script, style, head, title").remove();
    StringBuilder out = new StringBuilder();
    NodeTraversor.traverse(new NodeVisitor() {
      @Override
      public void head(Node node, int depth) {
        if (node instanceof TextNode textNode) {
          out.append(textNode.text());
        } else if (node instanceof Element element) {
          if (element.normalName().equals("br")) {
            out.append('\n');
          } else if (element.isBlock()) {
            newLine(out);
            if (element.normalName().equals("li")) {
              out.append("- ");
            }
          }
        }
      }

      @Override
      public void tail(Node node, int depth) {
        if (node instanceof Element element && element.isBlock()) {
          newLine(out);
          if (PARAGRAPHS.contains(element.normalName())) {
            // a paragraph, a list, a table: an empty line after it, as in a plain-text e-mail
            out.append('\n');
          }
        }
      }
    }, body);
    return out.toString();
  }

  private static final Set<String> PARAGRAPHS =
      Set.of("p", "ul", "ol", "table", "blockquote", "pre", "h1", "h2", "h3", "h4", "h5", "h6");

  private static void newLine(StringBuilder out) {
    if (!out.isEmpty() && out.charAt(out.length() - 1) != '\n') {
      out.append('\n');
    }
  }

  /** Trailing spaces off, Windows line ends made plain, at most one empty line in a row. */
  static String normalise(String text) {
    String lines = text.replace("\r\n", "\n").replace('\r', '\n').replace('\u00a0', ' ');
    StringBuilder out = new StringBuilder();
    int empty = 0;
    for (String line : lines.split("\n", -1)) {
      String clean = line.stripTrailing();
      if (clean.isBlank()) {
        empty++;
        if (empty > 1 || out.isEmpty()) {
          continue;
        }
        out.append('\n');
      } else {
        empty = 0;
        out.append(clean).append('\n');
      }
    }
    return out.toString().strip();
  }

  private static InternetAddress firstAddress(Address[] addresses) {
    if (addresses == null) {
      return null;
    }
    for (Address address : addresses) {
      if (address instanceof InternetAddress internet) {
        return internet;
      }
    }
    return null;
  }

  private static String header(MimeMessage message, String name) throws MessagingException {
    return message.getHeader(name, " ");
  }

  private static String nonNull(String value) {
    return value == null ? "" : value;
  }

  static String sha256(String text) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
          .digest(text.getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
