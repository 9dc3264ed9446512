package org.mesadeayuda;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.Properties;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.config.YamlProcessor.MatchStatus;
import org.springframework.beans.factory.config.YamlPropertiesFactoryBean;
import org.springframework.core.io.ClassPathResource;

/**
 * The embedded default (the H2 file URL of {@code application.yaml}) writes every commit to its file before the commit
 * returns: with H2's default write delay of 500 ms, {@code kill -9} lost support requests already answered 201 and
 * handed their numbers out again (issue 13). The crash itself is shown by {@code ./mvnw -Pcrash verify}
 * ({@code cluster/SupportRequestCrashIT}); this checks, in milliseconds, that H2 honours the setting of the URL.
 */
class EmbeddedDefaultDatabaseTest {

  private static final Pattern DEFAULT_OF_PLACEHOLDER = Pattern.compile("\\$\\{MESA_DB_URL:(.+)}");

  @Test
  void theDefaultH2FileWritesEveryCommitBeforeItReturns(@TempDir Path folder) throws Exception {
    String url = defaultUrl();
    assertThat(url).startsWith("jdbc:h2:file:./data/");

    // the same URL, its ./data folder moved to a temporary one
    try (Connection connection = DriverManager.getConnection(
        url.replace("./data/", folder.toAbsolutePath() + "/"), "sa", "");
        Statement statement = connection.createStatement();
        ResultSet setting = statement.executeQuery(
            "SELECT SETTING_VALUE FROM INFORMATION_SCHEMA.SETTINGS WHERE SETTING_NAME = 'WRITE_DELAY'")) {
      assertThat(setting.next()).isTrue();
      assertThat(setting.getString(1)).as("H2's write delay in ms (its default: 500)").isEqualTo("0");
    }
  }

  /** {@code spring.datasource.url} of the first (profile-less) document, without {@code MESA_DB_URL}. */
  private static String defaultUrl() {
    YamlPropertiesFactoryBean yaml = new YamlPropertiesFactoryBean();
    yaml.setResources(new ClassPathResource("application.yaml"));
    yaml.setDocumentMatchers(properties -> properties.containsKey("spring.config.activate.on-profile")
        ? MatchStatus.NOT_FOUND : MatchStatus.FOUND);
    Properties properties = yaml.getObject();
    Matcher placeholder = DEFAULT_OF_PLACEHOLDER.matcher(properties.getProperty("spring.datasource.url"));
    assertThat(placeholder.matches()).isTrue();
    return placeholder.group(1);
  }
}
