package org.mesadeayuda.platform;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.User;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.mesadeayuda.MesaSpringTest;
import org.mesadeayuda.platform.Mailer.MailText;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;

/**
 * Walks every e-mail template and every form a person reads and fails on a raw code, a date as a program writes it,
 * a user id or a field line left empty (issue 16): what the texts show are {@link Labels}' words.
 */
@MesaSpringTest
class TextsForPeopleTest {

  /** Raw dates ("2026-12-03", "2026-12-03T16:42:06", "Thu Dec 03 22:42:06 UTC 2026") and snake_case codes. */
  static final Pattern RAW = Pattern.compile("\\d{4}-\\d{2}-\\d{2}|\\bUTC\\b|\\b[a-z]+_[a-z_]+\\b"
      + "|\\b(Mon|Tue|Wed|Thu|Fri|Sat|Sun) (Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)\\b");
  static final Pattern TAG = Pattern.compile("\\{\\{([#^/]?)\\s*([a-zA-Z][a-zA-Z0-9]*)\\s*}}");
  static final Pattern DATE_NAME = Pattern.compile(".*(Due|At|Date|On|Start|End)");
  static final Pattern EMPTY_FIELD_LINE = Pattern.compile("\\s*\\p{L}[^:\\n]{0,60}:\\s*");
  static final Pattern FIELD_LINE = Pattern.compile("\\s*\\p{L}[^:\\n]{0,60}: .*");
  static final String SAMPLE_USER = "nora.muestra";
  static final Date SAMPLE_MOMENT = Date.from(Instant.parse("2026-12-03T22:42:06Z"));
  static final String SAMPLE_MOMENT_IN_SPANISH = "jueves 3 de diciembre de 2026, 16:42";

  @Autowired Mailer mailer;
  @Autowired IdentityService identityService;

  @BeforeEach
  void sampleUser() {
    User user = identityService.newUser(SAMPLE_USER);
    user.setFirstName("Nora");
    user.setLastName("Muestra");
    identityService.saveUser(user);
  }

  @AfterEach
  void removeSampleUser() {
    identityService.deleteUser(SAMPLE_USER);
  }

  @Test
  void everyMailWithSampleDataShowsLabelsNotCodes() throws IOException {
    List<String> problems = new ArrayList<>();
    for (Map.Entry<String, String> template : templates().entrySet()) {
      Map<String, Object> values = new HashMap<>();
      Map<String, String> expected = new HashMap<>();
      Set<String> valueTags = new LinkedHashSet<>();
      Set<String> sectionTags = new LinkedHashSet<>();
      Matcher tag = TAG.matcher(template.getValue());
      while (tag.find()) {
        (tag.group(1).isEmpty() ? valueTags : sectionTags).add(tag.group(2));
      }
      for (String name : valueTags) {
        if (Labels.codedVariables().contains(name)) {
          String code = Labels.codes(name).keySet().iterator().next();
          values.put(name, code);
          expected.put(name, Labels.code(name, code));
        } else if (Labels.PERSON_VARIABLES.contains(name)) {
          values.put(name, SAMPLE_USER);
          expected.put(name, "Nora Muestra");
        } else if (DATE_NAME.matcher(name).matches()) {
          values.put(name, SAMPLE_MOMENT);
          expected.put(name, SAMPLE_MOMENT_IN_SPANISH);
        } else {
          values.put(name, "Dato de ejemplo");
        }
      }
      // once with every section on, once with every one off: a value inside {{^external}} is read too
      StringBuilder both = new StringBuilder();
      for (boolean sections : new boolean[] {true, false}) {
        Map<String, Object> withSections = new HashMap<>(values);
        sectionTags.stream().filter(name -> !valueTags.contains(name))
            .forEach(name -> withSections.put(name, sections));
        MailText mail = mailer.render(template.getKey(), withSections);
        both.append(mail.subject()).append('\n').append(mail.body()).append('\n');
      }
      String text = both.toString();
      Matcher raw = RAW.matcher(text);
      while (raw.find()) {
        problems.add(template.getKey() + ": «" + raw.group() + "»");
      }
      if (text.contains(SAMPLE_USER)) {
        problems.add(template.getKey() + ": user id " + SAMPLE_USER);
      }
      expected.forEach((name, label) -> {
        if (!text.contains(label)) {
          problems.add(template.getKey() + ": {{" + name + "}} does not read «" + label + "»");
        }
      });
    }
    assertThat(problems).isEmpty();
  }

  @Test
  void noMailLineNamesAFieldAndLeavesItEmpty() throws IOException {
    List<String> problems = new ArrayList<>();
    for (Map.Entry<String, String> template : templates().entrySet()) {
      // the worst case: every value missing (sections on, so their field lines are rendered too)
      Map<String, Object> values = new HashMap<>();
      Matcher tag = TAG.matcher(template.getValue());
      while (tag.find()) {
        values.put(tag.group(2), tag.group(1).isEmpty() ? "" : true);
      }
      String[] lines = mailer.render(template.getKey(), values).body().split("\n", -1);
      for (int i = 1; i < lines.length; i++) {
        boolean nothingFollows = i + 1 == lines.length || lines[i + 1].isBlank()
            || FIELD_LINE.matcher(lines[i + 1]).matches();
        if (nothingFollows && EMPTY_FIELD_LINE.matcher(lines[i]).matches()) {
          problems.add(template.getKey() + ": «" + lines[i] + "»");
        }
      }
    }
    assertThat(problems).isEmpty();
  }

  @Test
  void aSectionOverAnEmptyValueLeavesItsLineOut() {
    // "Equipo asignado:" came out with nothing after it: an empty text opened its section
    String body = mailer.render("equipment-case-closed", Map.of("ticketNumber", "EQP-2026-000001",
        "requesterName", "Ana López", "assetTag", "INV-1", "outcome", "El equipo fue reparado.",
        "replacementAssetTag", "", "fromTicket", false)).body();
    assertThat(body).doesNotContain("Equipo asignado").contains("El equipo fue reparado.");
    assertThat(Mailer.withoutEmptyFields("Estimado/a Ana:\n\nMotivo:\n\nSaludos")).isEqualTo("Estimado/a Ana:\n\nSaludos");
  }

  @Test
  void everyFormShowsLabelsNotCodes() throws IOException {
    List<String> problems = new ArrayList<>();
    String mainSources = mainSources();
    try (Stream<Path> files = Files.walk(Path.of("forms"))) {
      for (Path form : files.filter(path -> path.toString().endsWith(".form")).sorted().toList()) {
        for (String text : texts(new ObjectMapper().readTree(form.toFile()))) {
          Matcher tag = Pattern.compile("\\{\\{\\s*([a-zA-Z][a-zA-Z0-9]*)\\s*}}").matcher(text);
          while (tag.find()) {
            String name = tag.group(1);
            if (Labels.codedVariables().contains(name) || Labels.PERSON_VARIABLES.contains(name)
                || DATE_NAME.matcher(name).matches() || "department".equals(name)) {
              problems.add(form.getFileName() + ": {{" + name + "}} shows a code, a user id or a raw date");
            } else if ((name.endsWith("Label") || name.endsWith("Name")) && !produced(name, mainSources)) {
              problems.add(form.getFileName() + ": {{" + name + "}} is set by nobody");
            }
          }
          // a FEEL chain of labels in a form is a second copy of Labels (and missed "conforming")
          Matcher chain = Pattern.compile("\\{\\{if (\\w+) = ").matcher(text);
          while (chain.find()) {
            if (Labels.codedVariables().contains(chain.group(1)) || "department".equals(chain.group(1))) {
              problems.add(form.getFileName() + ": labels of " + chain.group(1) + " written in the form");
            }
          }
          Matcher dateAsText = Pattern.compile("string\\((\\w+)\\)").matcher(text);
          while (dateAsText.find()) {
            if (DATE_NAME.matcher(dateAsText.group(1)).matches()) {
              problems.add(form.getFileName() + ": " + dateAsText.group(1) + " written as ISO text");
            }
          }
        }
      }
    }
    assertThat(problems).isEmpty();
  }

  /**
   * Whether a display variable the form reads is set: by {@link DisplayLabelsPlugin}, or by a procedure by name (a
   * constant in its code, an input parameter in its diagram).
   */
  private static boolean produced(String name, String mainSources) {
    String base = name.replaceAll("(Label|Name)$", "");
    if (name.endsWith("Label") && (Labels.codedVariables().contains(base) || DATE_NAME.matcher(base).matches()
        || "departmentLabel".equals(name))) {
      return true;
    }
    if (name.endsWith("Name") && Labels.PERSON_VARIABLES.contains(base)) {
      return true;
    }
    return mainSources.contains("\"" + name + "\"");
  }

  private static List<String> texts(JsonNode node) {
    List<String> texts = new ArrayList<>();
    if (node.isObject()) {
      if ("text".equals(node.path("type").asText()) && node.has("text")) {
        texts.add(node.get("text").asText());
      }
      node.fields().forEachRemaining(field -> texts.addAll(texts(field.getValue())));
    } else if (node.isArray()) {
      node.forEach(child -> texts.addAll(texts(child)));
    }
    return texts;
  }

  private static String mainSources() throws IOException {
    StringBuilder all = new StringBuilder();
    for (String root : List.of("src/main/java", "processes")) {
      try (Stream<Path> files = Files.walk(Path.of(root))) {
        for (Path file : files.filter(path -> path.toString().endsWith(".java") || path.toString().endsWith(".bpmn"))
            .toList()) {
          all.append(Files.readString(file));
        }
      }
    }
    return all.toString();
  }

  private static Map<String, String> templates() throws IOException {
    Map<String, String> templates = new java.util.TreeMap<>();
    for (Resource resource : new PathMatchingResourcePatternResolver()
        .getResources("classpath:templates/mail/*.mustache")) {
      String name = resource.getFilename().replace(".mustache", "");
      templates.put(name, new String(resource.getInputStream().readAllBytes(), StandardCharsets.UTF_8));
    }
    assertThat(templates).hasSizeGreaterThan(30);
    return templates;
  }
}
