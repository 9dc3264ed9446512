package org.mesadeayuda.platform;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The conversation an outgoing e-mail belongs to: it answers the message {@code inReplyTo} (RFC 5322 In-Reply-To) and
 * carries the conversation's earlier Message-IDs in {@code references}, so the requester's mail program shows our
 * answer under her own message.
 */
public record MailThread(String inReplyTo, String references) {

  /**
   * The process variable that holds the Message-ID of the e-mail a case came from; the case's e-mails to the address
   * that wrote it answer in that conversation.
   */
  public static final String MESSAGE_ID_VARIABLE = "emailMessageId";

  private static final int MAX_REFERENCES = 2000;
  private static final Pattern MESSAGE_ID = Pattern.compile("<[^<>\\s]+>");

  /**
   * The thread of an answer to the message {@code messageId} whose own References were {@code earlier} (may be null):
   * RFC 5322 §3.6.4, the parent's references followed by the parent, the oldest dropped first if too long.
   */
  public static MailThread answering(String messageId, String earlier) {
    String parent = messageId.trim();
    StringBuilder references = new StringBuilder();
    if (earlier != null) {
      Matcher ids = MESSAGE_ID.matcher(earlier);
      while (ids.find()) {
        references.append(ids.group()).append(' ');
      }
    }
    references.append(parent);
    String all = references.toString();
    while (all.length() > MAX_REFERENCES && all.indexOf(' ') > 0) {
      all = all.substring(all.indexOf(' ') + 1);
    }
    return new MailThread(parent, all);
  }
}
