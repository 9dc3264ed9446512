package org.mesadeayuda.platform;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * A Spring bean that BPMN expressions may call by name (deadlines, assignees), besides the delegates and listeners.
 * Every other bean is invisible to expressions ({@link ExpressionBeansPlugin}).
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
public @interface ExpressionHelper {}
