package org.mesadeayuda.platform;

import jakarta.annotation.Priority;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import java.util.Optional;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.rest.dto.ExceptionDto;
import org.camunda.bpm.engine.rest.exception.ProcessEngineExceptionHandler;
import org.camunda.bpm.engine.rest.exception.RestException;
import org.camunda.bpm.engine.rest.exception.RestExceptionHandler;
import org.springframework.boot.autoconfigure.jersey.ResourceConfigCustomizer;
import org.springframework.stereotype.Component;

/**
 * What Tasklist shows when a form is refused. The engine wraps a listener's exception twice ("Cannot submit task form
 * …: ENGINE-03051 There was an exception while invoking the TaskListener. Message: '…'") and answers 500; a person
 * should read only our Spanish reason, as a 400. Every other error keeps Camunda's own answer.
 */
@Component
public class EngineRestErrors implements ResourceConfigCustomizer {

  // before Camunda's own mappers of the same exception types
  private static final int BEFORE_CAMUNDA = 1;

  @Override
  public void customize(org.glassfish.jersey.server.ResourceConfig config) {
    config.register(RestExceptions.class, BEFORE_CAMUNDA);
    config.register(EngineExceptions.class, BEFORE_CAMUNDA);
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
      return invalidInput(error).map(EngineRestErrors::badRequest).orElseGet(() -> camunda.toResponse(error));
    }
  }

  @Priority(BEFORE_CAMUNDA)
  public static class EngineExceptions implements ExceptionMapper<ProcessEngineException> {
    private final ProcessEngineExceptionHandler camunda = new ProcessEngineExceptionHandler();

    @Override
    public Response toResponse(ProcessEngineException error) {
      return invalidInput(error).map(EngineRestErrors::badRequest).orElseGet(() -> camunda.toResponse(error));
    }
  }
}
