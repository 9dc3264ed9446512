package org.mesadeayuda.documents;

import com.openhtmltopdf.pdfboxout.PdfRendererBuilder;
import com.openhtmltopdf.util.XRLog;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.util.Locale;
import java.util.Map;
import java.util.function.Consumer;
import java.util.logging.Level;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilder;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.mesadeayuda.platform.CalendarProperties;
import org.mesadeayuda.platform.InstitutionProperties;
import org.springframework.stereotype.Component;
import org.thymeleaf.spring6.SpringTemplateEngine;
import org.thymeleaf.context.Context;
import org.thymeleaf.templatemode.TemplateMode;
import org.thymeleaf.templateresolver.ClassLoaderTemplateResolver;
import org.w3c.dom.Document;
import org.xml.sax.InputSource;
import org.xml.sax.SAXException;

/**
 * Renders a document template ({@code templates/documents/<name>.html}, Thymeleaf in XML mode so its output is the
 * well-formed XHTML openhtmltopdf reads) to PDF. Every document gets the institution's name and the date it was
 * produced, in Spanish in the office's time zone; the page footer numbers the pages.
 *
 * <p>Text uses the PDF standard fonts (Helvetica): nothing to install or ship, and PDFBox reads the text back, which
 * the tests and people who search their PDFs rely on. They cover Spanish (á, ñ, ¿, «», —).
 */
@Component
public class PdfDocuments {

  static {
    // openhtmltopdf writes three INFO lines of its own (stylesheets parsed, selectors, "fast mode") to the console for
    // every document: a line per ticket closed in the service's journal, and time spent writing it (issue 19).
    // Its warnings and errors still show.
    XRLog.listRegisteredLoggers().forEach(logger -> XRLog.setLevel(logger, Level.WARNING));
  }

  private final SpringTemplateEngine templates = new SpringTemplateEngine();
  private final InstitutionProperties institution;
  private final CalendarProperties calendar;

  public PdfDocuments(InstitutionProperties institution, CalendarProperties calendar) {
    this.institution = institution;
    this.calendar = calendar;
    ClassLoaderTemplateResolver resolver = new ClassLoaderTemplateResolver();
    resolver.setPrefix("templates/documents/");
    resolver.setSuffix(".html");
    resolver.setTemplateMode(TemplateMode.XML);
    resolver.setCharacterEncoding("UTF-8");
    resolver.setCacheable(true);
    templates.setTemplateResolver(resolver);
  }

  /** The template filled with {@code values} (plus {@code institution}, {@code producedAt}) as a PDF. */
  public byte[] render(String template, String title, Map<String, ?> values) {
    return pdf(html(template, title, values), title);
  }

  /** The XHTML the PDF is made of (tests and previews). */
  public String html(String template, String title, Map<String, ?> values) {
    Context context = new Context(new Locale("es"));
    values.forEach(context::setVariable);
    context.setVariable("institution", institution.name());
    context.setVariable("title", title);
    context.setVariable("producedAt", SpanishText.dateTime(ClockUtil.getCurrentTime().toInstant(), calendar.zone()));
    return templates.process(template, context);
  }

  /**
   * Parses the template's XHTML for openhtmltopdf. Given the text, openhtmltopdf looks the XML parser and transformer
   * factories up again for every document (a scan of the class path), tries parser features one by one and copies the
   * parse through an identity transformation: a fifth of a technical report's rendering (issue 19). One factory,
   * configured once, parses the same text into the same document. No external DTDs or entities are read (the
   * templates are ours, and Thymeleaf's XML escaping only uses XML's own entities).
   */
  private static final ThreadLocal<DocumentBuilder> PARSER = ThreadLocal.withInitial(() -> {
    try {
      DocumentBuilderFactory factory = DocumentBuilderFactory.newDefaultInstance();
      factory.setNamespaceAware(true);
      factory.setValidating(false);
      factory.setExpandEntityReferences(false);
      factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
      factory.setFeature("http://apache.org/xml/features/nonvalidating/load-external-dtd", false);
      factory.setFeature("http://xml.org/sax/features/external-general-entities", false);
      factory.setFeature("http://xml.org/sax/features/external-parameter-entities", false);
      return factory.newDocumentBuilder();
    } catch (ParserConfigurationException e) {
      throw new IllegalStateException("no XML parser for the documents", e);
    }
  });

  private static Document parse(String html) {
    DocumentBuilder parser = PARSER.get();
    try {
      return parser.parse(new InputSource(new StringReader(html)));
    } catch (SAXException | IOException e) {
      throw new IllegalStateException("a document template gave no well-formed XHTML", e);
    } finally {
      parser.reset();
    }
  }

  /** The XHTML as a PDF (package-visible for the tests). */
  static byte[] pdf(String html, String title) {
    return pdf(builder -> builder.withW3cDocument(parse(html), null), title);
  }

  /** A PDF of what {@code content} gives the renderer, with the documents' settings. */
  static byte[] pdf(Consumer<PdfRendererBuilder> content, String title) {
    try (ByteArrayOutputStream out = new ByteArrayOutputStream()) {
      PdfRendererBuilder builder = new PdfRendererBuilder();
      builder.useFastMode();
      content.accept(builder);
      builder.withProducer("Mesa de Ayuda");
      builder.toStream(out);
      builder.run();
      return out.toByteArray();
    } catch (IOException e) {
      throw new UncheckedIOException("the document «" + title + "» could not be rendered", e);
    }
  }
}
