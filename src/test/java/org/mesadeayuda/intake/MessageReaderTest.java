package org.mesadeayuda.intake;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.mail.Session;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeBodyPart;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import java.util.Properties;
import org.junit.jupiter.api.Test;

/** How a message is read: plain text preferred, HTML as text, files, automatic replies, quoted replies left out. */
class MessageReaderTest {

  @Test
  void ofPlainTextAndHtmlAlternativesThePlainTextIsTaken() throws Exception {
    MimeMessage message = message();
    MimeMultipart alternative = new MimeMultipart("alternative");
    alternative.addBodyPart(part("<p>Texto <i>HTML</i></p>", "html"));
    alternative.addBodyPart(part("Texto plano", "plain"));
    message.setContent(alternative);
    message.saveChanges();

    InboundMessage read = MessageReader.read(message);

    assertThat(read.text()).isEqualTo("Texto plano");
    assertThat(read.files()).isEmpty();
    assertThat(read.senderAddress()).isEqualTo("ana@institucion.gob");
    assertThat(read.senderName()).isEqualTo("Ana Pérez");
    assertThat(read.automatic()).isFalse();
  }

  @Test
  void htmlIsReadAsTextWithItsParagraphsLineBreaksAndListsButNoMarkupOrScripts() {
    String text = MessageReader.normalise(MessageReader.htmlToText("<html><head><style>p{color:red}</style></head>"
        + "<body><div>Hola,</div><p>No funciona:<br>el correo &amp; la red</p><ul><li>uno</li><li>dos</li></ul>"
        + "<script>alert(1)</script></body></html>"));

    // a div is a line (how mail programs write lines), a paragraph or a list a block of its own
    assertThat(text).isEqualTo("Hola,\nNo funciona:\nel correo & la red\n\n- uno\n- dos");
  }

  @Test
  void aMessageWithoutMessageIdGetsTheSameMadeUpIdAtEveryReading() throws Exception {
    MimeMessage message = message();
    message.setText("Hola");
    message.saveChanges();
    message.removeHeader("Message-ID");

    assertThat(MessageReader.messageId(message)).endsWith("@sin-message-id.invalid>")
        .isEqualTo(MessageReader.messageId(message));
  }

  @Test
  void outOfOfficeRepliesBouncesAndListsAreAutomatic() throws Exception {
    for (String[] header : new String[][] {{"Auto-Submitted", "auto-replied"}, {"Precedence", "bulk"},
        {"X-Autoreply", "yes"}, {"List-Id", "<lista.example>"}}) {
      MimeMessage message = message();
      message.setText("Fuera de la oficina");
      message.setHeader(header[0], header[1]);
      assertThat(MessageReader.read(message).automatic()).as(header[0]).isTrue();
    }
    MimeMessage bounce = message();
    bounce.setFrom(new InternetAddress("MAILER-DAEMON@institucion.gob"));
    bounce.setText("Undelivered");
    assertThat(MessageReader.read(bounce).automatic()).isTrue();
  }

  @Test
  void aReplyKeepsOnlyWhatWasWrittenAboveTheQuotedMessage() {
    assertThat(IntakeHandler.withoutQuotedReply("Ya funciona, gracias.\n\nOn Thu, Dec 3, 2026 Mesa wrote:\n> Hola\n"))
        .isEqualTo("Ya funciona, gracias.");
    assertThat(IntakeHandler.withoutQuotedReply("Sigue igual.\n-----Mensaje original-----\nDe: Mesa\nAsunto: x"))
        .isEqualTo("Sigue igual.");
    assertThat(IntakeHandler.withoutQuotedReply("> citado\nrespuesta")).isEqualTo("respuesta");
  }

  @Test
  void aLongTextIsCutSayingSo() {
    String cut = IntakeHandler.fit("x".repeat(5000), 4000);
    assertThat(cut).hasSizeLessThanOrEqualTo(4000).endsWith("(texto recortado: tenía 5000 caracteres)");
  }

  private static MimeMessage message() throws Exception {
    MimeMessage message = new MimeMessage(Session.getInstance(new Properties()));
    message.setFrom(new InternetAddress("ana@institucion.gob", "Ana Pérez", "UTF-8"));
    message.setSubject("Prueba");
    return message;
  }

  private static MimeBodyPart part(String text, String subtype) throws Exception {
    MimeBodyPart part = new MimeBodyPart();
    part.setText(text, "UTF-8", subtype);
    return part;
  }
}
