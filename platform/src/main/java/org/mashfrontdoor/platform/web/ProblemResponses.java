package org.mashfrontdoor.platform.web;

import java.net.URI;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.mashfrontdoor.platform.paging.PageWindow;
import org.slf4j.Logger;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.validation.FieldError;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.beans.TypeMismatchException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;
import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonParser;
import tools.jackson.core.TokenStreamContext;
import tools.jackson.core.TokenStreamLocation;
import tools.jackson.core.exc.StreamReadException;
import tools.jackson.databind.exc.UnrecognizedPropertyException;

/**
 * RFC 9457 problem+json for every rejection. Invalid fields are listed together under {@code errors}, each
 * named by JSON Pointer. Messages never echo submitted values: they may be personal data. Replaces Boot's
 * {@code spring.mvc.problemdetails} advice, which must stay disabled so it cannot shadow this one.
 */
@RestControllerAdvice
@Order(Ordered.LOWEST_PRECEDENCE) // a service's own handlers for its domain exceptions come first
public class ProblemResponses extends ResponseEntityExceptionHandler {

  private static final Logger log = LoggerFactory.getLogger(ProblemResponses.class);

  /** One invalid field: where ({@code pointer}) and what is wrong ({@code detail}). */
  public record InvalidField(String pointer, String detail) {
  }

  public static ProblemDetail problem(HttpStatus status, String title, String detail) {
    ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
    problem.setTitle(title);
    problem.setType(URI.create("https://mash-front-door.example/problems/" + status.value()));
    return problem;
  }

  public static ProblemDetail invalid(List<InvalidField> errors) {
    ProblemDetail problem = problem(HttpStatus.BAD_REQUEST, "Invalid request",
        errors.size() == 1 ? "1 field is invalid." : errors.size() + " fields are invalid.");
    problem.setProperty("errors", errors.stream()
        .sorted(Comparator.comparing(InvalidField::pointer)).toList());
    return problem;
  }

  @Override
  protected ResponseEntity<Object> handleMethodArgumentNotValid(MethodArgumentNotValidException ex,
      HttpHeaders headers, HttpStatusCode status, WebRequest request) {
    List<InvalidField> errors = new ArrayList<>();
    for (FieldError error : ex.getBindingResult().getFieldErrors()) {
      errors.add(new InvalidField(pointer(error.getField()), error.getDefaultMessage()));
    }
    ex.getBindingResult().getGlobalErrors()
        .forEach(error -> errors.add(new InvalidField("", error.getDefaultMessage())));
    return problemResponse(invalid(errors));
  }

  @Override
  protected ResponseEntity<Object> handleHttpMessageNotReadable(HttpMessageNotReadableException ex,
      HttpHeaders headers, HttpStatusCode status, WebRequest request) {
    Throwable cause = ex.getCause();
    if (cause instanceof StreamReadException syntax) {
      return problemResponse(malformed(syntax));
    }
    if (cause instanceof UnrecognizedPropertyException unknown) {
      return problemResponse(invalid(List.of(new InvalidField(pointer(unknown),
          "is not a field of this form (unknown fields are rejected, not dropped)"))));
    }
    if (cause instanceof JacksonException json && !json.getPath().isEmpty()) {
      return problemResponse(invalid(List.of(new InvalidField(pointer(json), "has the wrong type or format"))));
    }
    return problemResponse(problem(HttpStatus.BAD_REQUEST, "Unreadable request",
        "The request body is missing or is not a JSON object of the expected shape."));
  }

  /**
   * A query or path parameter of the wrong type or format ({@code updatedSince=Jane-Doe}): named, never echoed, since
   * what was typed there may be a child's name.
   */
  @Override
  protected ResponseEntity<Object> handleTypeMismatch(TypeMismatchException ex, HttpHeaders headers,
      HttpStatusCode status, WebRequest request) {
    String name = ex instanceof MethodArgumentTypeMismatchException argument ? argument.getName()
        : ex.getPropertyName();
    String expected = ex.getRequiredType() == null ? "the expected format"
        : switch (ex.getRequiredType().getSimpleName()) {
          case "Instant" -> "an instant such as 2026-12-02T09:30:00Z";
          case "int", "Integer", "long", "Long" -> "a whole number";
          case "boolean", "Boolean" -> "true or false";
          default -> ex.getRequiredType().isEnum() ? "one of the documented values" : "the documented format";
        };
    return problemResponse(invalid(List.of(new InvalidField(name == null ? "" : name, "must be " + expected))));
  }

  /**
   * Not JSON, or a key repeated where the reader refuses duplicates: named by the JSON Pointer where reading
   * stopped (the repeated field itself for a duplicate), with the line and column.
   */
  public static ProblemDetail malformed(StreamReadException ex) {
    TokenStreamContext context = ex.processor() instanceof JsonParser parser ? parser.streamReadContext() : null;
    String message = ex.getOriginalMessage() == null ? "" : ex.getOriginalMessage();
    if (context != null && message.startsWith("Duplicate Object property")) {
      return invalid(List.of(new InvalidField(context.pathAsPointer().toString(),
          "appears more than once in its object (each field may be given once)")));
    }
    String where = "";
    TokenStreamLocation location = ex.getLocation();
    if (location != null && location != TokenStreamLocation.NA && location.getLineNr() > 0) {
      where = " at line " + location.getLineNr() + ", column " + location.getColumnNr();
    }
    ProblemDetail problem = problem(HttpStatus.BAD_REQUEST, "Malformed JSON",
        "The request body is not valid JSON" + where + ".");
    if (context != null) {
      problem.setProperty("errors", List.of(new InvalidField(context.pathAsPointer().toString(),
          "is where the JSON stops being valid")));
    }
    return problem;
  }

  /** A page asked for outside a list's bounds ({@link PageWindow#checked}): a 400 naming each bad parameter. */
  @ExceptionHandler(PageWindow.OutOfRange.class)
  ResponseEntity<Object> pageOutOfRange(PageWindow.OutOfRange ex) {
    return problemResponse(invalid(ex.parameters().stream()
        .map(parameter -> new InvalidField(parameter.name(), parameter.detail())).toList()));
  }

  /** Anything unexpected: logged by type only, answered without internals. */
  @ExceptionHandler(RuntimeException.class)
  ResponseEntity<Object> unexpected(RuntimeException ex) {
    log.error("Unhandled {}", ex.getClass().getName(), ex);
    return problemResponse(problem(HttpStatus.INTERNAL_SERVER_ERROR, "Internal error",
        "Something went wrong on our side; nothing was half-written. Try again later."));
  }

  public static ResponseEntity<Object> problemResponse(ProblemDetail problem) {
    return ResponseEntity.status(problem.getStatus())
        .contentType(org.springframework.http.MediaType.APPLICATION_PROBLEM_JSON).body(problem);
  }

  /** {@code children[0].nhsNumber} becomes {@code /children/0/nhsNumber}. */
  public static String pointer(String propertyPath) {
    if (propertyPath == null || propertyPath.isEmpty()) {
      return "";
    }
    return "/" + propertyPath.replace("[", ".").replace("]", "").replace(".", "/").replace("//", "/");
  }

  /** The JSON Pointer of the value a Jackson error is about. */
  public static String pointer(JacksonException ex) {
    StringBuilder pointer = new StringBuilder();
    for (JacksonException.Reference reference : ex.getPath()) {
      pointer.append('/');
      pointer.append(reference.getPropertyName() != null
          ? reference.getPropertyName().replace("~", "~0").replace("/", "~1")
          : String.valueOf(reference.getIndex()));
    }
    return pointer.toString();
  }

}
