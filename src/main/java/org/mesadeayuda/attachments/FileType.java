package org.mesadeayuda.attachments;

import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;

/** The kinds of support document a case may carry; which of them are accepted is configuration. */
public enum FileType {
  PDF("pdf", "application/pdf", "PDF", "pdf"),
  JPEG("jpeg", "image/jpeg", "JPEG", "jpg", "jpeg"),
  PNG("png", "image/png", "PNG", "png"),
  DOCX("docx", "application/vnd.openxmlformats-officedocument.wordprocessingml.document", "Word (docx)", "docx"),
  XLSX("xlsx", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", "Excel (xlsx)", "xlsx"),
  PPTX("pptx", "application/vnd.openxmlformats-officedocument.presentationml.presentation", "PowerPoint (pptx)",
      "pptx"),
  ODT("odt", "application/vnd.oasis.opendocument.text", "OpenDocument texto (odt)", "odt"),
  ODS("ods", "application/vnd.oasis.opendocument.spreadsheet", "OpenDocument hoja de cálculo (ods)", "ods");

  private final String key;
  private final String contentType;
  private final String label;
  private final List<String> extensions;

  FileType(String key, String contentType, String label, String... extensions) {
    this.key = key;
    this.contentType = contentType;
    this.label = label;
    this.extensions = List.of(extensions);
  }

  public String key() {
    return key;
  }

  public String contentType() {
    return contentType;
  }

  public String label() {
    return label;
  }

  /** Lower case, without the dot; the first is the one given to a file that has none. */
  public List<String> extensions() {
    return extensions;
  }

  public boolean isOfficeOpenXml() {
    return this == DOCX || this == XLSX || this == PPTX;
  }

  static FileType byKey(String key) {
    return Arrays.stream(values()).filter(type -> type.key.equalsIgnoreCase(key.trim())).findFirst()
        .orElseThrow(() -> new IllegalArgumentException("mesa.attachments.allowed-types: unknown type '" + key
            + "'; known: " + Arrays.stream(values()).map(FileType::key).collect(Collectors.joining(", "))));
  }
}
