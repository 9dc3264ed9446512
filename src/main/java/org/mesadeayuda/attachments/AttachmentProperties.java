package org.mesadeayuda.attachments;

import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * Limits of the support documents a case carries (SR-15).
 *
 * @param maxFileSize the largest file accepted; the servlet's multipart limit follows it ({@link AttachmentUploads})
 * @param maxTotalPerCase what all the files of one case may add up to
 * @param allowedTypes the {@link FileType} keys accepted, checked on the content (pdf, jpeg, png by default; office
 *     formats docx, xlsx, pptx, odt, ods when the institution wants them)
 * @param maxNameLength the longest file name kept (longer names are shortened, keeping the extension)
 */
@ConfigurationProperties("mesa.attachments")
public record AttachmentProperties(
    @DefaultValue("10MB") DataSize maxFileSize,
    @DefaultValue("25MB") DataSize maxTotalPerCase,
    @DefaultValue({"pdf", "jpeg", "png"}) List<String> allowedTypes,
    @DefaultValue("120") int maxNameLength) {

  public AttachmentProperties {
    // a wrong setting stops the start with its reason, rather than refusing every upload later
    if (maxFileSize.toBytes() <= 0 || maxTotalPerCase.toBytes() < maxFileSize.toBytes()) {
      throw new IllegalArgumentException("mesa.attachments: max-file-size must be positive and not larger than "
          + "max-total-per-case (" + maxFileSize + " / " + maxTotalPerCase + ")");
    }
    if (maxNameLength < 20 || maxNameLength > 255) {
      throw new IllegalArgumentException("mesa.attachments.max-name-length must be between 20 and 255");
    }
    allowedTypes = allowedTypes.stream().map(String::trim).filter(type -> !type.isEmpty()).toList();
    if (allowedTypes.isEmpty()) {
      throw new IllegalArgumentException("mesa.attachments.allowed-types is empty");
    }
    allowedTypes.forEach(FileType::byKey);
  }

  public Set<FileType> allowed() {
    return allowedTypes.stream().map(FileType::byKey).collect(Collectors.toUnmodifiableSet());
  }

  /** The allowed types as a person reads them: "PDF, JPEG, PNG". */
  public String allowedForPeople() {
    return allowedTypes.stream().map(FileType::byKey).map(FileType::label).collect(Collectors.joining(", "));
  }
}
