package org.mesadeayuda.platform;

import java.util.AbstractMap;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.spring.SpringExpressionManager;
import org.springframework.context.ApplicationContext;
import org.springframework.stereotype.Component;

/**
 * By default every Spring bean (the data source, the JDBC template, the mail sender...) can be named in a BPMN or DMN
 * expression, so a deployed diagram could read or change anything the application can. Expressions (and scripts)
 * see only what the processes use: the delegates and listeners ({@link JavaDelegate}, {@link ExecutionListener},
 * {@link TaskListener}) and the beans marked {@link ExpressionHelper}. This narrows what a diagram can reach by name;
 * it is not a sandbox: JUEL can still call methods on the objects it gets, so deploying stays an administrator's
 * right (README "Reliability and security").
 */
@Component
public class ExpressionBeansPlugin extends AbstractProcessEnginePlugin {

  private static final Set<Class<?>> PROCESS_TYPES = Set.of(JavaDelegate.class, ExecutionListener.class,
      TaskListener.class);

  private final ApplicationContext spring;
  private volatile Set<String> names;

  public ExpressionBeansPlugin(ApplicationContext spring) {
    this.spring = spring;
  }

  @Override
  public void preInit(ProcessEngineConfigurationImpl configuration) {
    Map<Object, Object> beans = new VisibleBeans();
    configuration.setBeans(beans);
    // the Spring factory built its expression manager over the whole application context before the plugins ran
    configuration.setExpressionManager(new SpringExpressionManager(spring, beans));
  }

  /** The names expressions may use. Looked up on first use: the beans need the engine this plugin helps build. */
  public Set<String> names() {
    Set<String> known = names;
    if (known == null) {
      TreeSet<String> found = new TreeSet<>();
      // by declared type, without creating any bean
      PROCESS_TYPES.forEach(type -> found.addAll(Set.of(spring.getBeanNamesForType(type, false, false))));
      found.addAll(Set.of(spring.getBeanNamesForAnnotation(ExpressionHelper.class)));
      known = Set.copyOf(found);
      names = known;
    }
    return known;
  }

  /** A read-only view of the visible beans; each is fetched from Spring when an expression asks for it. */
  private final class VisibleBeans extends AbstractMap<Object, Object> {
    @Override
    public boolean containsKey(Object key) {
      return key instanceof String name && names().contains(name);
    }

    @Override
    public Object get(Object key) {
      return containsKey(key) ? spring.getBean((String) key) : null;
    }

    @Override
    public Set<Entry<Object, Object>> entrySet() {
      return names().stream().map(name -> Map.entry((Object) name, spring.getBean(name)))
          .collect(Collectors.toUnmodifiableSet());
    }
  }
}
