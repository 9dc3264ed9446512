package org.mesadeayuda.intake;

import java.util.List;

/**
 * A message of the intake mailbox as the help desk reads it.
 *
 * @param messageId its Message-ID (one made up from its headers when it has none, the same at every reading)
 * @param senderAddress the From address
 * @param senderName the From display name, or null
 * @param subject the subject, or an empty text
 * @param text the text: the plain-text part when there is one, else the HTML part as text
 * @param files its attachments, by the names they came with
 * @param references the Message-IDs it answers: In-Reply-To and References, as they came (may be null)
 * @param automatic an automatic message (out-of-office reply, delivery failure, mailing list): never answered
 */
record InboundMessage(String messageId, String senderAddress, String senderName, String subject, String text,
    List<File> files, String references, boolean automatic) {

  record File(String name, byte[] content) {}

  /** How the sender is shown: "Ana Pérez <ana@institucion.gob>", or the address alone. */
  String sender() {
    return senderName == null || senderName.isBlank() ? senderAddress : senderName + " <" + senderAddress + ">";
  }
}
