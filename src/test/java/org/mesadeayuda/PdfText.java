package org.mesadeayuda;

import jakarta.mail.BodyPart;
import jakarta.mail.Multipart;
import jakarta.mail.Part;
import jakarta.mail.internet.MimeMessage;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import javax.imageio.ImageIO;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.rendering.PDFRenderer;
import org.apache.pdfbox.text.PDFTextStripper;

/** Reads the PDF documents back as a person would: their text (PDFBox), their e-mail attachments, their pages. */
public final class PdfText {

  private PdfText() {}

  /** The PDF's text, with line breaks as spaces so a phrase wrapped by the layout is still found. */
  public static String of(byte[] pdf) {
    try (PDDocument document = Loader.loadPDF(pdf)) {
      return new PDFTextStripper().getText(document).replaceAll("\\s+", " ");
    } catch (IOException e) {
      throw new AssertionError("not a PDF", e);
    }
  }

  public static int pages(byte[] pdf) {
    try (PDDocument document = Loader.loadPDF(pdf)) {
      return document.getNumberOfPages();
    } catch (IOException e) {
      throw new AssertionError("not a PDF", e);
    }
  }

  /** An e-mail's attachments: file name and bytes. */
  public record Attached(String fileName, String contentType, byte[] content) {}

  public static List<Attached> attachments(MimeMessage message) throws Exception {
    List<Attached> found = new ArrayList<>();
    if (message.getContent() instanceof Multipart multipart) {
      collect(multipart, found);
    }
    return found;
  }

  private static void collect(Multipart multipart, List<Attached> found) throws Exception {
    for (int i = 0; i < multipart.getCount(); i++) {
      BodyPart part = multipart.getBodyPart(i);
      if (part.getContent() instanceof Multipart nested) {
        collect(nested, found);
      } else if (Part.ATTACHMENT.equalsIgnoreCase(part.getDisposition())) {
        try (InputStream in = part.getInputStream()) {
          found.add(new Attached(jakarta.mail.internet.MimeUtility.decodeText(part.getFileName()),
              part.getContentType(), in.readAllBytes()));
        }
      }
    }
  }

  /** An e-mail's text, whether it carries attachments (multipart) or not. */
  public static String body(MimeMessage message) throws Exception {
    return body(message.getContent());
  }

  private static String body(Object content) throws Exception {
    if (content instanceof Multipart multipart) {
      for (int i = 0; i < multipart.getCount(); i++) {
        BodyPart part = multipart.getBodyPart(i);
        if (!Part.ATTACHMENT.equalsIgnoreCase(part.getDisposition())) {
          String text = body(part.getContent());
          if (text != null) {
            return text;
          }
        }
      }
      return null;
    }
    return content instanceof String text ? text : null;
  }

  /** Renders each page to PNG under {@code target/documents/} (to look at); returns the files. */
  public static List<Path> renderPages(byte[] pdf, String name) throws IOException {
    Path folder = Path.of("target", "documents");
    Files.createDirectories(folder);
    List<Path> files = new ArrayList<>();
    try (PDDocument document = Loader.loadPDF(pdf)) {
      PDFRenderer renderer = new PDFRenderer(document);
      for (int page = 0; page < document.getNumberOfPages(); page++) {
        BufferedImage image = renderer.renderImageWithDPI(page, 110);
        Path file = folder.resolve(name + "-" + (page + 1) + ".png");
        ImageIO.write(image, "png", file.toFile());
        files.add(file);
      }
    }
    Files.write(folder.resolve(name + ".pdf"), pdf);
    return files;
  }
}
