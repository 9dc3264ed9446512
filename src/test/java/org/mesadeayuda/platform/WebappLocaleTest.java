package org.mesadeayuda.platform;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

/**
 * Issue 16, "Spanish everywhere a person looks": Camunda's webapps speak our own Spanish locale (es.json beside the
 * webjar's en.json, src/tools/webapp-locales/build-es.py), always, with Spanish relative dates, without the Camunda 8
 * banner, and with form-js' own messages translated by the Tasklist script. The English side is read from the webjar
 * on the classpath, so after a Camunda upgrade this test names every new key that es.json lacks.
 */
class WebappLocaleTest {

  private static final String APP = "META-INF/resources/webjars/camunda/app/";
  private static final Pattern PLACEHOLDER = Pattern.compile("\\{\\{[^}]*\\}\\}|\\{\\}|%[sd]");
  private static final ObjectMapper JSON = new ObjectMapper();

  @ParameterizedTest
  @ValueSource(strings = {"tasklist", "cockpit", "admin", "welcome"})
  void everyEnglishKeyHasItsSpanishText(String app) throws IOException {
    JsonNode english = json(APP + app + "/locales/en.json").get("labels");
    JsonNode spanish = json(APP + app + "/locales/es.json").get("labels");
    List<String> missing = new ArrayList<>();
    List<String> placeholdersDiffer = new ArrayList<>();
    english.fieldNames().forEachRemaining(key -> {
      JsonNode text = spanish.get(key);
      String englishText = english.get(key).asText();
      if (text == null || (text.asText().isBlank() && !englishText.isBlank())) {
        missing.add(key);
      } else if (!placeholders(englishText).equals(placeholders(text.asText()))) {
        placeholdersDiffer.add(key);
      }
    });
    assertThat(missing).as("keys of %s/en.json without Spanish text (run src/tools/webapp-locales/build-es.py)", app)
        .isEmpty();
    assertThat(placeholdersDiffer).as("keys whose {{placeholders}} differ from en.json").isEmpty();
    assertThat(spanish.size()).isEqualTo(english.size());
  }

  @ParameterizedTest
  @ValueSource(strings = {"tasklist", "cockpit", "admin"})
  void datesAreSpanishAndRelative(String app) throws IOException {
    JsonNode english = json(APP + app + "/locales/en.json").get("dateLocales");
    JsonNode dates = json(APP + app + "/locales/es.json").get("dateLocales");
    english.fieldNames().forEachRemaining(key -> assertThat(dates.has(key)).as("dateLocales." + key).isTrue());
    // moment.js: "hace 5 minutos", "en 2 días"
    assertThat(dates.at("/relativeTime/past").asText().replace("%s", "5 minutos")).isEqualTo("hace 5 minutos");
    assertThat(dates.at("/relativeTime/future").asText().replace("%s",
        dates.at("/relativeTime/dd").asText().replace("%d", "2"))).isEqualTo("en 2 días");
    assertThat(dates.at("/months/11").asText()).isEqualTo("diciembre");
    assertThat(dates.at("/weekdays/1").asText()).isEqualTo("lunes");
  }

  @ParameterizedTest
  @ValueSource(strings = {"tasklist", "cockpit", "admin", "welcome"})
  void spanishIsTheOnlyLanguageOffered(String app) throws IOException {
    String config = text(APP + app + "/scripts/config.js");
    assertThat(config).contains("availableLocales: ['es']").contains("fallbackLocale: 'es'");
  }

  @ParameterizedTest
  @ValueSource(strings = {"tasklist", "cockpit", "admin", "welcome"})
  void theCamunda8MigrationBannerIsHidden(String app) throws IOException {
    // the banner is an element of this class in Camunda's header (no option turns it off)
    assertThat(text(APP + app + "/camunda-" + app + "-bootstrap.js")).contains("class=\"ce-eol-banner\"");
    assertThat(text(APP + app + "/styles/user-styles.css").replaceAll("\\s+", " "))
        .contains(".ce-eol-banner { display: none !important; }");
  }

  @Test
  void formJsMessagesOfCamundasBundleAreTranslatedByTheTasklistScript() throws IOException {
    String bundle = text("META-INF/resources/webjars/camunda/lib/deps.js");
    String script = text(APP + "tasklist/scripts/mesa/tasklist.js");
    // the exact literals form-js 1.x shows; if an upgrade changes them, the script no longer matches them
    for (String literal : List.of("Field is required.", "Field must be a valid email.", "Value is not a number.",
        "Field must have minimum length of ", "Field must have maximum length of ", "Field must match pattern ")) {
      assertThat(bundle).as("form-js in Camunda's bundle").contains(literal);
      assertThat(script).as("tasklist.js").contains(literal.strip());
    }
    assertThat(script).contains("'Este campo es obligatorio.'").contains("['Select', 'Seleccione']");
    assertThat(text(APP + "tasklist/scripts/config.js")).contains("customScripts: ['scripts/mesa/tasklist']");
  }

  @Test
  void requestersAreNotOfferedCreateTask() throws IOException {
    // Tasklist's header offers "Create task" (view id create-task-action) to everybody; it stays hidden unless the
    // Tasklist script found the engine allows the user to create tasks
    assertThat(text("META-INF/resources/plugin/tasklist/app/plugin.js")).contains("id:\"create-task-action\"");
    assertThat(text(APP + "tasklist/styles/user-styles.css"))
        .contains("html:not(.mesa-may-create-task) .create-task-action");
    assertThat(text(APP + "tasklist/scripts/mesa/tasklist.js")).contains("authorized('CREATE')");
  }

  @Test
  void errorNoticesLeaveTheFormsButtonsFree() throws IOException {
    // Camunda puts its notices at the bottom right, where a task form's "Completar" is
    String camunda = text(APP + "tasklist/camunda-tasklist-bootstrap.css").replaceAll("\\s+", " ");
    assertThat(camunda).contains(".page-notifications { position: absolute; z-index: 1060; max-height: 70%;"
        + " overflow: auto; bottom: 20px; right: 30px; }");
    String ours = text(APP + "tasklist/styles/user-styles.css").replaceAll("\\s+", " ");
    assertThat(ours).contains(".page-notifications { right: auto !important; left: 20px;");
  }

  @Test
  void qualityIsNotOfferedToClaimWhatItMayOnlyRead() throws IOException {
    assertThat(text(APP + "tasklist/styles/user-styles.css"))
        .contains("html:not(.mesa-may-work-task) .task-card .assignee .claim");
    assertThat(text(APP + "tasklist/scripts/mesa/tasklist.js")).contains("authorized('TASK_WORK', taskId)");
  }

  private static List<String> placeholders(String text) {
    List<String> found = new ArrayList<>();
    Matcher matcher = PLACEHOLDER.matcher(text);
    while (matcher.find()) {
      found.add(matcher.group());
    }
    Collections.sort(found);
    return found;
  }

  private static JsonNode json(String resource) throws IOException {
    return JSON.readTree(text(resource).replace("\uFEFF", ""));
  }

  private static String text(String resource) throws IOException {
    try (InputStream in = WebappLocaleTest.class.getClassLoader().getResourceAsStream(resource)) {
      assertThat(in).as(resource).isNotNull();
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
  }
}
