package org.mesadeayuda.attachments;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.EnumSet;
import java.util.Set;
import java.util.zip.CRC32;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.Test;

/** A file's type comes from its content, never from its name (SR-15). */
class ContentDetectorTest {

  static final Set<FileType> DEFAULT = EnumSet.of(FileType.PDF, FileType.JPEG, FileType.PNG);
  static final Set<FileType> WITH_OFFICE = EnumSet.allOf(FileType.class);

  @Test
  void theAllowedTypesAreRecognisedByTheirSignature() {
    assertThat(ContentDetector.detect(AttachmentApiTest.pdf(100), DEFAULT)).contains(FileType.PDF);
    assertThat(ContentDetector.detect(AttachmentApiTest.jpeg(100), DEFAULT)).contains(FileType.JPEG);
    assertThat(ContentDetector.detect(AttachmentApiTest.png(100), DEFAULT)).contains(FileType.PNG);
  }

  @Test
  void executablesScriptsAndUnknownContentAreNot() {
    byte[] windowsExecutable = {'M', 'Z', (byte) 0x90, 0, 3, 0, 0, 0};
    byte[] linuxExecutable = {0x7F, 'E', 'L', 'F', 2, 1, 1, 0};
    byte[] html = "<html><script>alert(1)</script>%PDF-".getBytes(StandardCharsets.US_ASCII);
    assertThat(ContentDetector.detect(windowsExecutable, WITH_OFFICE)).isEmpty();
    assertThat(ContentDetector.detect(linuxExecutable, WITH_OFFICE)).isEmpty();
    assertThat(ContentDetector.detect(html, WITH_OFFICE)).isEmpty();
    assertThat(ContentDetector.detect(new byte[0], WITH_OFFICE)).isEmpty();
    // OLE2, the container of legacy office files and of Windows installers (msi)
    assertThat(ContentDetector.detect(new byte[] {(byte) 0xD0, (byte) 0xCF, 0x11, (byte) 0xE0, (byte) 0xA1,
        (byte) 0xB1, 0x1A, (byte) 0xE1}, WITH_OFFICE)).isEmpty();
  }

  @Test
  void officeFormatsOnlyWhenConfigured() throws IOException {
    byte[] docx = zip("[Content_Types].xml", "word/document.xml");
    byte[] xlsx = zip("[Content_Types].xml", "xl/workbook.xml");
    assertThat(ContentDetector.detect(docx, DEFAULT)).isEmpty();
    assertThat(ContentDetector.detect(docx, WITH_OFFICE)).contains(FileType.DOCX);
    assertThat(ContentDetector.detect(xlsx, WITH_OFFICE)).contains(FileType.XLSX);
    assertThat(ContentDetector.detect(zip("[Content_Types].xml", "ppt/presentation.xml"), WITH_OFFICE))
        .contains(FileType.PPTX);
    // a plain archive, and a document with macros, are not accepted
    assertThat(ContentDetector.detect(zip("setup.exe"), WITH_OFFICE)).isEmpty();
    assertThat(ContentDetector.detect(zip("[Content_Types].xml", "word/document.xml", "word/vbaProject.bin"),
        WITH_OFFICE)).isEmpty();
  }

  @Test
  void openDocumentByItsStoredMimetypeEntry() throws IOException {
    assertThat(ContentDetector.detect(odf("application/vnd.oasis.opendocument.text"), WITH_OFFICE))
        .contains(FileType.ODT);
    assertThat(ContentDetector.detect(odf("application/vnd.oasis.opendocument.spreadsheet"), WITH_OFFICE))
        .contains(FileType.ODS);
    assertThat(ContentDetector.detect(odf("application/vnd.oasis.opendocument.text"), DEFAULT)).isEmpty();
  }

  private static byte[] zip(String... entries) throws IOException {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (ZipOutputStream zip = new ZipOutputStream(bytes)) {
      for (String entry : entries) {
        zip.putNextEntry(new ZipEntry(entry));
        zip.write("<x/>".getBytes(StandardCharsets.UTF_8));
        zip.closeEntry();
      }
    }
    return bytes.toByteArray();
  }

  /** An OpenDocument file: its first entry "mimetype", stored uncompressed. */
  private static byte[] odf(String mimetype) throws IOException {
    byte[] type = mimetype.getBytes(StandardCharsets.US_ASCII);
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (ZipOutputStream zip = new ZipOutputStream(bytes)) {
      ZipEntry entry = new ZipEntry("mimetype");
      entry.setMethod(ZipEntry.STORED);
      entry.setSize(type.length);
      CRC32 crc = new CRC32();
      crc.update(type);
      entry.setCrc(crc.getValue());
      zip.putNextEntry(entry);
      zip.write(type);
      zip.closeEntry();
      zip.putNextEntry(new ZipEntry("content.xml"));
      zip.write("<x/>".getBytes(StandardCharsets.UTF_8));
      zip.closeEntry();
    }
    return bytes.toByteArray();
  }
}
