package org.mesadeayuda;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.instance.BaseElement;
import org.camunda.bpm.model.bpmn.instance.BusinessRuleTask;
import org.camunda.bpm.model.bpmn.instance.FlowElement;
import org.camunda.bpm.model.bpmn.instance.Process;
import org.camunda.bpm.model.bpmn.instance.SendTask;
import org.camunda.bpm.model.bpmn.instance.ServiceTask;
import org.camunda.bpm.model.bpmn.instance.StartEvent;
import org.camunda.bpm.model.bpmn.instance.UserTask;
import org.camunda.bpm.model.bpmn.instance.camunda.CamundaExecutionListener;
import org.camunda.bpm.model.bpmn.instance.camunda.CamundaTaskListener;
import org.camunda.bpm.model.dmn.Dmn;
import org.camunda.bpm.model.dmn.DmnModelInstance;
import org.camunda.bpm.model.dmn.instance.Decision;
import org.junit.jupiter.api.Test;
import org.mesadeayuda.platform.ExpressionBeansPlugin;
import org.mesadeayuda.platform.Role;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;

/**
 * What process owners edit in Camunda Modeler must still fit the application: forms that exist, beans that exist,
 * roles that exist, a diagram for every element and ids a reader understands.
 */
@MesaSpringTest
class ModelTest {

  private static final Path PROCESSES = Path.of("processes");
  private static final Path FORMS = Path.of("forms");
  private static final Pattern BEAN_EXPRESSION = Pattern.compile("^\\$\\{([A-Za-z][A-Za-z0-9]*)}$");
  private static final Pattern GENERATED_ID = Pattern.compile("^[A-Za-z]+_([0-9a-z]{7}|[0-9]+)$");
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Pattern EXPRESSION = Pattern.compile("[$#]\\{([^}]*)}");
  private static final Pattern ROOT_IDENTIFIER = Pattern.compile("(?<![.\\w'\"])([A-Za-z_][A-Za-z0-9_]*)");

  @Autowired ApplicationContext spring;
  @Autowired ExpressionBeansPlugin expressionBeans;

  @Test
  void everyUserTaskAndStartFormNamesAFormThatExists() throws IOException {
    Map<String, Path> forms = formsById();
    List<String> problems = new ArrayList<>();
    for (Path file : files(PROCESSES, ".bpmn")) {
      BpmnModelInstance model = Bpmn.readModelFromFile(file.toFile());
      for (UserTask task : model.getModelElementsByType(UserTask.class)) {
        checkFormRef(file, task.getId(), task.getCamundaFormRef(), forms, problems);
      }
      for (StartEvent start : model.getModelElementsByType(StartEvent.class)) {
        boolean processStart = start.getParentElement() instanceof Process;
        if (processStart && start.getEventDefinitions().isEmpty()) {
          checkFormRef(file, start.getId(), start.getCamundaFormRef(), forms, problems);
        }
      }
    }
    assertThat(problems).isEmpty();
  }

  @Test
  void everyDelegateExpressionNamesASpringBean() throws IOException {
    List<String> problems = new ArrayList<>();
    for (Path file : files(PROCESSES, ".bpmn")) {
      BpmnModelInstance model = Bpmn.readModelFromFile(file.toFile());
      Map<String, String> delegates = new HashMap<>();
      model.getModelElementsByType(ServiceTask.class)
          .forEach(task -> delegates.put(task.getId(), task.getCamundaDelegateExpression()));
      model.getModelElementsByType(SendTask.class)
          .forEach(task -> delegates.put(task.getId(), task.getCamundaDelegateExpression()));
      model.getModelElementsByType(BusinessRuleTask.class)
          .forEach(task -> delegates.put(task.getId(), task.getCamundaDelegateExpression()));
      for (CamundaExecutionListener listener : model.getModelElementsByType(CamundaExecutionListener.class)) {
        delegates.put(ownerId(listener) + " (listener)", listener.getCamundaDelegateExpression());
      }
      for (CamundaTaskListener listener : model.getModelElementsByType(CamundaTaskListener.class)) {
        delegates.put(ownerId(listener) + " (task listener)", listener.getCamundaDelegateExpression());
      }
      delegates.forEach((elementId, expression) -> {
        if (expression == null) {
          return;
        }
        Matcher bean = BEAN_EXPRESSION.matcher(expression);
        if (!bean.matches()) {
          problems.add(file + " " + elementId + ": delegateExpression is not ${beanName}: " + expression);
        } else if (!expressionBeans.names().contains(bean.group(1))) {
          problems.add(file + " " + elementId + ": no delegate, listener or @ExpressionHelper bean named "
              + bean.group(1));
        }
      });
    }
    assertThat(problems).isEmpty();
  }

  /**
   * Expressions see only the beans {@link ExpressionBeansPlugin} lets them see (issue 13): a diagram naming any other
   * Spring bean would fail at run time, so it fails here first.
   */
  @Test
  void everyBeanAnExpressionNamesIsVisibleToExpressions() throws IOException {
    List<String> problems = new ArrayList<>();
    for (Path file : Stream.concat(files(PROCESSES, ".bpmn").stream(), files(PROCESSES, ".dmn").stream()).toList()) {
      Matcher expression = EXPRESSION.matcher(Files.readString(file));
      while (expression.find()) {
        Matcher identifier = ROOT_IDENTIFIER.matcher(expression.group(1));
        while (identifier.find()) {
          String name = identifier.group(1);
          if (spring.containsBean(name) && !expressionBeans.names().contains(name)) {
            problems.add(file + ": " + expression.group() + " names bean " + name + ", not visible to expressions");
          }
        }
      }
    }
    assertThat(problems).isEmpty();
    assertThat(expressionBeans.names()).contains("businessCalendar", "maintenanceProgrammes", "assignTicketNumber")
        .doesNotContain("dataSource", "jdbcTemplate", "ticketNumbers", "runtimeService");
  }

  @Test
  void everyCandidateGroupIsARole() throws IOException {
    List<String> problems = new ArrayList<>();
    for (Path file : files(PROCESSES, ".bpmn")) {
      BpmnModelInstance model = Bpmn.readModelFromFile(file.toFile());
      for (UserTask task : model.getModelElementsByType(UserTask.class)) {
        // an expression is decided at run time, by a DMN table whose outputs are tested
        checkRoles(file + " " + task.getId() + ": unknown candidate group ", task.getCamundaCandidateGroups(),
            problems);
      }
      for (Process process : model.getModelElementsByType(Process.class)) {
        checkRoles(file + " " + process.getId() + ": unknown starter group ",
            process.getCamundaCandidateStarterGroups(), problems);
      }
    }
    assertThat(problems).isEmpty();
  }

  @Test
  void everyElementHasDiagramLayoutAndAReadableId() throws IOException {
    List<String> problems = new ArrayList<>();
    for (Path file : files(PROCESSES, ".bpmn")) {
      BpmnModelInstance model = Bpmn.readModelFromFile(file.toFile());
      for (FlowElement element : model.getModelElementsByType(FlowElement.class)) {
        if (element.getDiagramElement() == null) {
          problems.add(file + " " + element.getId() + ": no diagram layout (BPMNDI)");
        }
        if (GENERATED_ID.matcher(element.getId()).matches()) {
          problems.add(file + " " + element.getId() + ": generated id, name it after what it is");
        }
      }
      for (Process process : model.getModelElementsByType(Process.class)) {
        if (process.getCamundaHistoryTimeToLiveString() == null) {
          problems.add(file + " " + process.getId() + ": no historyTimeToLive");
        }
        if (!file.getFileName().toString().equals(process.getId() + ".bpmn")) {
          problems.add(file + ": file name is not the process id " + process.getId());
        }
      }
    }
    assertThat(problems).isEmpty();
  }

  @Test
  void everyDecisionHasAHistoryTimeToLiveAndItsFileName() throws IOException {
    List<String> problems = new ArrayList<>();
    for (Path file : files(PROCESSES, ".dmn")) {
      DmnModelInstance model = Dmn.readModelFromFile(file.toFile());
      Collection<Decision> decisions = model.getModelElementsByType(Decision.class);
      for (Decision decision : decisions) {
        if (decision.getCamundaHistoryTimeToLiveString() == null) {
          problems.add(file + " " + decision.getId() + ": no historyTimeToLive");
        }
      }
      if (decisions.stream().noneMatch(d -> file.getFileName().toString().equals(d.getId() + ".dmn"))) {
        problems.add(file + ": no decision named like the file");
      }
    }
    assertThat(problems).isEmpty();
  }

  @Test
  void everyFormIsNamedByItsIdAndLabelsItsFields() throws IOException {
    List<String> problems = new ArrayList<>();
    for (Path file : files(FORMS, ".form")) {
      JsonNode form = JSON.readTree(file.toFile());
      String expectedId = file.getFileName().toString().replace(".form", "");
      if (!expectedId.equals(form.path("id").asText())) {
        problems.add(file + ": form id " + form.path("id").asText() + " is not the file name");
      }
      if (!form.path("components").isArray() || form.path("components").isEmpty()) {
        problems.add(file + ": no components");
      }
      form.findParents("key").forEach(component -> {
        if (component.path("label").asText().isBlank()) {
          problems.add(file + " " + component.path("key").asText() + ": field without a label");
        }
      });
    }
    assertThat(problems).isEmpty();
  }

  private static void checkRoles(String problem, String groups, List<String> problems) {
    if (groups == null || groups.contains("${")) {
      return;
    }
    for (String group : groups.split(",")) {
      if (Role.byGroupId(group.trim()).isEmpty()) {
        problems.add(problem + group);
      }
    }
  }

  private static void checkFormRef(Path file, String elementId, String formRef, Map<String, Path> forms,
      List<String> problems) {
    if (formRef == null) {
      problems.add(file + " " + elementId + ": no camunda:formRef");
    } else if (!forms.containsKey(formRef)) {
      problems.add(file + " " + elementId + ": form " + formRef + " does not exist in forms/");
    }
  }

  private static String ownerId(org.camunda.bpm.model.xml.instance.ModelElementInstance listener) {
    org.camunda.bpm.model.xml.instance.ModelElementInstance parent = listener.getParentElement();
    while (parent != null && !(parent instanceof BaseElement)) {
      parent = parent.getParentElement();
    }
    return parent == null ? "?" : ((BaseElement) parent).getId();
  }

  private static Map<String, Path> formsById() throws IOException {
    Map<String, Path> forms = new HashMap<>();
    for (Path file : files(FORMS, ".form")) {
      forms.put(JSON.readTree(file.toFile()).path("id").asText(), file);
    }
    return forms;
  }

  private static List<Path> files(Path folder, String suffix) throws IOException {
    if (!Files.isDirectory(folder)) {
      return List.of();
    }
    try (Stream<Path> walk = Files.walk(folder)) {
      return walk.filter(path -> path.toString().endsWith(suffix)).sorted().toList();
    }
  }

}
