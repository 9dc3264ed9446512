package org.mesadeayuda.platform;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.interceptor.Command;
import org.camunda.bpm.engine.impl.interceptor.CommandInterceptor;
import org.springframework.stereotype.Component;

/**
 * Tells the {@link Directory} to forget the group members it keeps when a user, a group or a membership is written
 * through the engine (Admin, the REST API, the application's own setup), once the change has committed.
 */
@Component
public class DirectoryChanges extends AbstractProcessEnginePlugin {

  /** The engine's commands that change who exists or who belongs where. */
  static final Set<String> CHANGES = Set.of("SaveUserCmd", "DeleteUserCmd", "CreateMembershipCmd",
      "DeleteMembershipCmd", "SaveGroupCmd", "DeleteGroupCmd", "UnlockUserCmd");

  private final Directory directory;

  public DirectoryChanges(Directory directory) {
    this.directory = directory;
  }

  @Override
  public void preInit(ProcessEngineConfigurationImpl configuration) {
    List<CommandInterceptor> interceptors = configuration.getCustomPreCommandInterceptorsTxRequired() == null
        ? new ArrayList<>() : new ArrayList<>(configuration.getCustomPreCommandInterceptorsTxRequired());
    interceptors.add(new CommandInterceptor() {
      @Override
      public <T> T execute(Command<T> command) {
        try {
          return next.execute(command);
        } finally {
          if (CHANGES.contains(command.getClass().getSimpleName())) {
            directory.forget();
          }
        }
      }
    });
    configuration.setCustomPreCommandInterceptorsTxRequired(interceptors);
  }
}
