package org.mesadeayuda;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.mail.internet.MimeMessage;
import java.util.List;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;

/** How the process tests drive the engine the way the job executor and people would, without sleeping. */
public final class Jobs {

  private Jobs() {}

  /** Executes the async continuations (not timers) until the case waits for a person or a timer. */
  public static void runAsyncSteps(ManagementService management, ProcessInstance instance) {
    for (int i = 0; i < 30; i++) {
      List<Job> jobs = management.createJobQuery().processInstanceId(instance.getId()).messages().list();
      if (jobs.isEmpty()) {
        return;
      }
      jobs.forEach(job -> management.executeJob(job.getId()));
    }
    throw new AssertionError("async steps did not settle");
  }

  /** The case's one open task. */
  public static Task onlyTask(TaskService tasks, ProcessInstance instance) {
    List<Task> open = tasks.createTaskQuery().processInstanceId(instance.getId()).list();
    assertThat(open).hasSize(1);
    return open.get(0);
  }

  /** The task is offered to the group (also when it is already assigned to one of its members). */
  public static void assertCandidateGroup(TaskService tasks, Task task, String group) {
    assertThat(tasks.createTaskQuery().taskId(task.getId()).taskCandidateGroup(group).includeAssignedTasks()
        .count()).as("candidate group " + group).isEqualTo(1);
  }

  /** The e-mail whose subject starts so (GreenMail lists messages by mailbox, not by time). */
  public static MimeMessage message(MimeMessage[] received, String subjectStart) throws Exception {
    for (MimeMessage message : received) {
      if (message.getSubject().startsWith(subjectStart)) {
        return message;
      }
    }
    throw new AssertionError("no e-mail starting with " + subjectStart);
  }
}
