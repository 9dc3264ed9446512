package org.mesadeayuda.attachments;

import java.text.Normalizer;
import java.util.Locale;

/**
 * The name a file is kept and offered under: the last part of what the browser sent (some send the whole path), without
 * control or invisible formatting characters (such as the right-to-left override that makes "fdp.exe" read as
 * "exe.pdf"), without characters that are not allowed in file names on common systems, not hidden (no leading dot),
 * and shortened to the configured length keeping the extension.
 */
final class FileNames {

  static final String FALLBACK = "adjunto";

  private FileNames() {}

  /** The cleaned name, not yet checked against the content; never blank. */
  static String clean(String original, int maxLength) {
    String name = original == null ? "" : Normalizer.normalize(original, Normalizer.Form.NFC);
    name = name.substring(Math.max(name.lastIndexOf('/'), name.lastIndexOf('\\')) + 1);
    StringBuilder kept = new StringBuilder();
    name.codePoints().forEach(c -> {
      int type = Character.getType(c);
      if (type == Character.CONTROL || type == Character.FORMAT || type == Character.UNASSIGNED
          || type == Character.PRIVATE_USE || type == Character.SURROGATE) {
        return;
      }
      if ("<>:\"|?*".indexOf(c) >= 0) {
        kept.append('_');
      } else if (Character.isWhitespace(c) || Character.isSpaceChar(c)) {
        kept.append(' ');
      } else {
        kept.appendCodePoint(c);
      }
    });
    name = kept.toString().replaceAll(" {2,}", " ").strip();
    name = name.replaceAll("^[.\\s]+", "").replaceAll("[.\\s]+$", "");
    if (name.isEmpty()) {
      name = FALLBACK;
    }
    return shorten(name, maxLength);
  }

  /** The extension after the last dot, in lower case, or empty. */
  static String extension(String name) {
    int dot = name.lastIndexOf('.');
    return dot <= 0 ? "" : name.substring(dot + 1).toLowerCase(Locale.ROOT);
  }

  /** The name with the type's extension added when it has none. */
  static String withExtension(String name, FileType type, int maxLength) {
    if (!extension(name).isEmpty()) {
      return name;
    }
    String suffix = "." + type.extensions().get(0);
    return shorten(name, maxLength - suffix.length()) + suffix;
  }

  private static String shorten(String name, int maxLength) {
    if (name.codePointCount(0, name.length()) <= maxLength) {
      return name;
    }
    String extension = extension(name);
    String suffix = extension.isEmpty() || extension.length() > 10 ? "" : "." + extension;
    String base = suffix.isEmpty() ? name : name.substring(0, name.length() - suffix.length());
    int keep = maxLength - suffix.length();
    return base.substring(0, base.offsetByCodePoints(0, keep)).strip() + suffix;
  }
}
