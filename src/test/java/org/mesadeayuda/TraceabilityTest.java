package org.mesadeayuda;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The traceability table is what an auditor reads to find the test behind a rule of the manuals: every rule of
 * {@code ../shared/RULES.md} must have a row, and every test the table names must exist, so a renamed or deleted
 * test cannot leave the table pointing at nothing.
 */
class TraceabilityTest {

  private static final Path RULES = Path.of("..", "shared", "RULES.md");
  private static final Path TABLE = Path.of("processes", "TRACEABILITY.md");
  private static final Path TESTS = Path.of("src", "test", "java", "org", "mesadeayuda");

  private static final Pattern RULE_ID = Pattern.compile("\\b([A-Z]{2})-(\\d+)\\b");
  private static final Pattern DEFINED_RULE = Pattern.compile("^- \\*\\*([A-Z]{2}-\\d+)\\*\\*", Pattern.MULTILINE);
  private static final Pattern CODE = Pattern.compile("`([^`]+)`");
  private static final Pattern TEST_METHOD =
      Pattern.compile("@(?:Test|ParameterizedTest|RepeatedTest)\\b[\\s\\S]*?\\bvoid\\s+(\\w+)\\s*\\(");
  private static final Pattern SUPERTYPES = Pattern.compile("(?:extends|implements)\\s+([\\w\\s,<>]+?)\\s*\\{");

  /** Test source file by simple class name. */
  private static final Map<String, Path> testClasses = new HashMap<>();
  /** Test methods declared in each test source file. */
  private static final Map<String, Set<String>> methodsByClass = new HashMap<>();
  private static final Set<String> allMethods = new LinkedHashSet<>();

  @BeforeAll
  static void readTestSources() throws IOException {
    try (Stream<Path> files = Files.walk(TESTS)) {
      for (Path file : files.filter(f -> f.toString().endsWith(".java")).toList()) {
        String name = file.getFileName().toString().replace(".java", "");
        testClasses.put(name, file);
        Set<String> methods = new LinkedHashSet<>();
        Matcher m = TEST_METHOD.matcher(Files.readString(file));
        while (m.find()) {
          methods.add(m.group(1));
        }
        methodsByClass.put(name, methods);
        allMethods.addAll(methods);
      }
    }
  }

  @Test
  void everyRuleOfTheManualsHasARowShownByATestThatExists() throws IOException {
    List<String> rules = new ArrayList<>();
    Matcher defined = DEFINED_RULE.matcher(Files.readString(RULES));
    while (defined.find()) {
      rules.add(defined.group(1));
    }
    assertThat(rules).as("rules read from %s", RULES).hasSizeGreaterThan(40);

    Map<String, List<String>> testsByRule = new HashMap<>();
    for (String[] row : rows()) {
      List<String> tests = CODE.matcher(row[2]).results().map(r -> r.group(1)).toList();
      Matcher ids = RULE_ID.matcher(row[0]);
      while (ids.find()) {
        testsByRule.computeIfAbsent(ids.group(), k -> new ArrayList<>()).addAll(tests);
      }
    }
    List<String> untraced = rules.stream().filter(rule -> testsByRule.getOrDefault(rule, List.of()).isEmpty()).toList();
    assertThat(untraced).as("rules without a row naming a test in %s", TABLE).isEmpty();
  }

  @Test
  void everyTestTheTableNamesExists() throws IOException {
    List<String> missing = new ArrayList<>();
    for (String[] row : rows()) {
      CODE.matcher(row[2]).results().map(r -> r.group(1)).filter(ref -> !exists(ref)).forEach(missing::add);
    }
    assertThat(missing).as("tests named in %s that do not exist", TABLE).isEmpty();
  }

  @Test
  void aRenamedTestIsNoticed() {
    assertThat(exists("solvedDefinitivelyClosedByTheDeskAndRatedConforme")).isTrue();
    assertThat(exists("solvedDefinitively…")).isTrue();
    assertThat(exists("solvedDefinitivelyButNoLongerThere")).isFalse();
    assertThat(exists("solvedDefinitively…RatedConforme")).isTrue();
    assertThat(exists("solvedDefinitively…RatedNoConforme")).isFalse();
    assertThat(exists("platform/BusinessCalendarTest")).isTrue();
    assertThat(exists("platform/NoSuchTest")).isFalse();
  }

  /** Rows of the rule tables (rule, enforced by, shown by); header and separator rows and other tables left out. */
  private static List<String[]> rows() throws IOException {
    List<String[]> rows = new ArrayList<>();
    boolean ruleTable = false;
    for (String line : Files.readAllLines(TABLE)) {
      if (!line.startsWith("|")) {
        ruleTable = false;
        continue;
      }
      if (line.startsWith("| rule") || line.startsWith("| concern")) {
        ruleTable = true;
        continue;
      }
      if (!ruleTable || line.startsWith("|---")) {
        continue;
      }
      String[] cells = line.substring(1, line.length() - 1).split("\\|", -1);
      assertThat(cells).as("row of three cells: %s", line).hasSize(3);
      rows.add(cells);
    }
    return rows;
  }

  /**
   * A reference is a test class ({@code BusinessCalendarTest}, {@code platform/BusinessCalendarTest}), a class and one
   * of its methods ({@code LicenceRegisterTest.aSeat…}) or a test method; "…" at either end or in the middle abbreviates
   * the name.
   */
  static boolean exists(String reference) {
    String ref = reference.trim();
    if (ref.contains("/")) {
      return TESTS.resolve(ref + ".java").toFile().isFile();
    }
    int dot = ref.indexOf('.');
    if (dot > 0 && !ref.startsWith("…")) {
      String type = ref.substring(0, dot);
      return testClasses.containsKey(type) && methodsOf(type, new LinkedHashSet<>()).stream()
          .anyMatch(method -> matches(method, ref.substring(dot + 1)));
    }
    if (Character.isUpperCase(ref.charAt(0))) {
      return testClasses.containsKey(ref);
    }
    return allMethods.stream().anyMatch(method -> matches(method, ref));
  }

  /** The methods a test class runs: its own and those of the contracts or base classes it extends or implements. */
  private static Set<String> methodsOf(String type, Set<String> seen) {
    Set<String> methods = new LinkedHashSet<>();
    if (!seen.add(type) || !testClasses.containsKey(type)) {
      return methods;
    }
    methods.addAll(methodsByClass.get(type));
    try {
      Matcher supertypes = SUPERTYPES.matcher(Files.readString(testClasses.get(type)));
      if (supertypes.find()) {
        for (String supertype : supertypes.group(1).replaceAll("<[^>]*>", "").split("[,\\s]+")) {
          if (!supertype.isBlank() && !supertype.equals("implements") && !supertype.equals("extends")) {
            methods.addAll(methodsOf(supertype, seen));
          }
        }
      }
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
    return methods;
  }

  private static boolean matches(String method, String ref) {
    if (ref.endsWith("…") && ref.startsWith("…")) {
      return method.contains(ref.substring(1, ref.length() - 1));
    }
    if (ref.endsWith("…")) {
      return method.startsWith(ref.substring(0, ref.length() - 1));
    }
    if (ref.startsWith("…")) {
      return method.endsWith(ref.substring(1));
    }
    int gap = ref.indexOf('…');
    if (gap > 0) {
      return method.startsWith(ref.substring(0, gap)) && method.endsWith(ref.substring(gap + 1))
          && method.length() >= ref.length() - 1;
    }
    return method.equals(ref);
  }
}
