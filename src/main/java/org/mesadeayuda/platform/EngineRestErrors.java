package org.mesadeayuda.platform;

import jakarta.annotation.Priority;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import java.util.Optional;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.exception.NotFoundException;
import org.camunda.bpm.engine.exception.NullValueException;
import org.camunda.bpm.engine.rest.dto.ExceptionDto;
import org.camunda.bpm.engine.rest.exception.ProcessEngineExceptionHandler;
import org.camunda.bpm.engine.rest.exception.RestException;
import org.camunda.bpm.engine.rest.exception.RestExceptionHandler;
import jakarta.ws.rs.ConstrainedTo;
import jakarta.ws.rs.RuntimeType;
import jakarta.ws.rs.core.FeatureContext;
import org.glassfish.jersey.internal.spi.ForcedAutoDiscoverable;

/**
 * What Tasklist shows when a form is refused. The engine wraps a listener's exception twice ("Cannot submit task form
 * …: ENGINE-03051 There was an exception while invoking the TaskListener. Message: '…'") and answers 500; a person
 * should read only our Spanish reason, as a 400. Every other error keeps Camunda's own answer.
 *
 * <p>Tasklist calls the webapps' own engine API ({@code /camunda/api/engine}), a JAX-RS application of its own
 * beside {@code /engine-rest}: Jersey's auto-discovery (listed in {@code META-INF/services}) adds the mappers to both.
 *
 * <p>A task, instance or definition that does not exist is a 404: some resources (completing a task) wrap the
 * engine's {@link NotFoundException} in a 500.
 */
@ConstrainedTo(RuntimeType.SERVER)
public class EngineRestErrors implements ForcedAutoDiscoverable {

  // before Camunda's own mappers of the same exception types
  private static final int BEFORE_CAMUNDA = 1;

  @Override
  public void configure(FeatureContext context) {
    if (!context.getConfiguration().isRegistered(RestExceptions.class)) {
      context.register(RestExceptions.class, BEFORE_CAMUNDA);
      context.register(EngineExceptions.class, BEFORE_CAMUNDA);
    }
  }

  /** The refusal our code raised somewhere in the chain of causes, if any. */
  static Optional<InvalidInputException> invalidInput(Throwable error) {
    for (Throwable cause = error; cause != null; cause = cause.getCause()) {
      if (cause instanceof InvalidInputException invalid) {
        return Optional.of(invalid);
      }
      if (cause.getCause() == cause) {
        break;
      }
    }
    return Optional.empty();
  }

  /**
   * The engine's "no such task" (or instance, or definition) somewhere in the chain of causes, if any. Completing a
   * task checks the id with {@code ensureNotNull}, which raises a {@link NullValueException} "Cannot find task with id
   * …" rather than a {@link NotFoundException}.
   */
  static Optional<ProcessEngineException> notFound(Throwable error) {
    for (Throwable cause = error; cause != null; cause = cause.getCause()) {
      if (cause instanceof NotFoundException missing) {
        return Optional.of(missing);
      }
      if (cause instanceof NullValueException missing && missing.getMessage() != null
          && missing.getMessage().startsWith("Cannot find ")) {
        return Optional.of(missing);
      }
      if (cause.getCause() == cause) {
        break;
      }
    }
    return Optional.empty();
  }

  static Response notFoundResponse(Response camunda) {
    return Response.fromResponse(camunda).status(Response.Status.NOT_FOUND).build();
  }

  static Response badRequest(InvalidInputException invalid) {
    ExceptionDto body = new ExceptionDto();
    body.setType(InvalidInputException.class.getSimpleName());
    body.setMessage(invalid.getMessage());
    return Response.status(Response.Status.BAD_REQUEST).type(MediaType.APPLICATION_JSON_TYPE).entity(body).build();
  }

  @Priority(BEFORE_CAMUNDA)
  public static class RestExceptions implements ExceptionMapper<RestException> {
    private final RestExceptionHandler camunda = new RestExceptionHandler();

    @Override
    public Response toResponse(RestException error) {
      return invalidInput(error).map(EngineRestErrors::badRequest).orElseGet(() -> {
        Response answer = camunda.toResponse(error);
        return notFound(error).isPresent() ? notFoundResponse(answer) : answer;
      });
    }
  }

  @Priority(BEFORE_CAMUNDA)
  public static class EngineExceptions implements ExceptionMapper<ProcessEngineException> {
    private final ProcessEngineExceptionHandler camunda = new ProcessEngineExceptionHandler();

    @Override
    public Response toResponse(ProcessEngineException error) {
      return invalidInput(error).map(EngineRestErrors::badRequest).orElseGet(() -> {
        Response answer = camunda.toResponse(error);
        return notFound(error).isPresent() ? notFoundResponse(answer) : answer;
      });
    }
  }
}
