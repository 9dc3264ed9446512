package org.mesadeayuda.attachments;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Optional;
import java.util.Set;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;

/**
 * Tells what a file is from its first bytes (its "magic number"), never from its name or what the browser claims: an
 * executable renamed {@code .pdf} is not a PDF.
 *
 * <p>A small check of the few allowed formats rather than a detection library: the accepted list is short and fixed,
 * each format has a well-defined signature, and a general detector such as Tika core tells a Word document only as a
 * ZIP archive (telling them apart needs its parser modules). Office Open XML files (docx, xlsx, pptx) are ZIP archives
 * and are recognised by the parts their format requires, read from the archive's directory without inflating
 * anything; macro-enabled documents (a {@code vbaProject.bin} part) are not accepted. The legacy binary office
 * formats (doc, xls) are left out on purpose: their container (OLE2) is also that of Windows installers (msi).
 */
final class ContentDetector {

  private static final byte[] PDF = ascii("%PDF-");
  private static final byte[] JPEG = {(byte) 0xFF, (byte) 0xD8, (byte) 0xFF};
  private static final byte[] PNG = {(byte) 0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A};
  private static final byte[] ZIP = {'P', 'K', 3, 4};
  // OpenDocument: an uncompressed first entry named "mimetype" holding the type, at fixed offsets (ODF 1.2, 3.3)
  private static final byte[] ODF_MIMETYPE_ENTRY = ascii("mimetype");
  private static final int ODF_NAME_OFFSET = 30;
  private static final int ODF_TYPE_OFFSET = 38;

  private ContentDetector() {}

  /** The allowed type the content is, if it is one of them. */
  static Optional<FileType> detect(byte[] content, Set<FileType> allowed) {
    if (startsWith(content, 0, PDF)) {
      return only(FileType.PDF, allowed);
    }
    if (startsWith(content, 0, JPEG)) {
      return only(FileType.JPEG, allowed);
    }
    if (startsWith(content, 0, PNG)) {
      return only(FileType.PNG, allowed);
    }
    if (startsWith(content, 0, ZIP)) {
      if (startsWith(content, ODF_NAME_OFFSET, ODF_MIMETYPE_ENTRY)) {
        for (FileType type : new FileType[] {FileType.ODT, FileType.ODS}) {
          if (startsWith(content, ODF_TYPE_OFFSET, ascii(type.contentType()))) {
            return only(type, allowed);
          }
        }
        return Optional.empty();
      }
      if (allowed.stream().anyMatch(FileType::isOfficeOpenXml)) {
        return officeOpenXml(content).flatMap(type -> only(type, allowed));
      }
    }
    return Optional.empty();
  }

  private static Optional<FileType> officeOpenXml(byte[] content) {
    Path file = null;
    try {
      // ZipFile reads the central directory only; a stream reader would inflate every entry to find the next one
      file = Files.createTempFile("mesa-attachment-", ".zip");
      Files.write(file, content);
      try (ZipFile zip = new ZipFile(file.toFile())) {
        if (zip.getEntry("[Content_Types].xml") == null) {
          return Optional.empty();
        }
        boolean macros = zip.stream().map(ZipEntry::getName).anyMatch(name -> name.endsWith("vbaProject.bin"));
        if (macros) {
          return Optional.empty();
        }
        if (zip.getEntry("word/document.xml") != null) {
          return Optional.of(FileType.DOCX);
        }
        if (zip.getEntry("xl/workbook.xml") != null) {
          return Optional.of(FileType.XLSX);
        }
        if (zip.getEntry("ppt/presentation.xml") != null) {
          return Optional.of(FileType.PPTX);
        }
        return Optional.empty();
      }
    } catch (java.util.zip.ZipException notAnArchive) {
      return Optional.empty();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } finally {
      if (file != null) {
        try {
          Files.deleteIfExists(file);
        } catch (IOException ignored) {
          // a temporary file left behind is removed with the temporary folder
        }
      }
    }
  }

  private static Optional<FileType> only(FileType type, Set<FileType> allowed) {
    return allowed.contains(type) ? Optional.of(type) : Optional.empty();
  }

  private static boolean startsWith(byte[] content, int offset, byte[] prefix) {
    return content.length >= offset + prefix.length
        && Arrays.equals(content, offset, offset + prefix.length, prefix, 0, prefix.length);
  }

  private static byte[] ascii(String text) {
    return text.getBytes(StandardCharsets.US_ASCII);
  }
}
