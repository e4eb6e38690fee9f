package org.mashfrontdoor.platform.web;

import io.swagger.v3.core.util.Json31;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.PathItem;
import io.swagger.v3.oas.models.headers.Header;
import io.swagger.v3.oas.models.media.Content;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.parameters.Parameter;
import io.swagger.v3.oas.models.responses.ApiResponse;
import io.swagger.v3.oas.models.responses.ApiResponses;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.oas.models.tags.Tag;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Collection;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Consumer;
import org.mashfrontdoor.platform.security.BearerTokenSecurityAutoConfiguration;
import org.springdoc.core.customizers.OpenApiCustomizer;
import org.springframework.core.Ordered;
import org.springframework.util.AntPathMatcher;

/**
 * What every service's OpenAPI document says because the platform does it, so no service repeats it: bearer-token
 * security on every operation the platform does not leave open ({@link BearerTokenSecurityAutoConfiguration}); the
 * errors the platform's filters and handlers answer, each an {@code application/problem+json} body
 * ({@link ProblemResponses}); and the lengths a value cannot exceed and still parse. Runs after the services' own
 * customizers and annotations and never replaces what they declared, only fills in what they left out.
 */
public class OpenApiDocument implements OpenApiCustomizer, Ordered {

  public static final String BEARER = "bearer";
  public static final String PROBLEM = "Problem";
  public static final String PROBLEM_JSON = "application/problem+json";
  private static final String PROBLEM_REF = "#/components/schemas/" + PROBLEM;

  /**
   * Longest text each format can be and still parse (Jackson's java.time readers, longer is a 400): a date up to
   * {@code +999999999-12-31}; an instant with nanoseconds and an offset, with room; a UUID.
   */
  static final Map<String, Integer> FORMAT_LENGTHS = Map.of("date", 16, "date-time", 64, "uuid", 36);

  private final boolean secured;
  private final long maxBodyBytes;
  private final int maxRequestLine;
  private final AntPathMatcher paths = new AntPathMatcher();

  /**
   * @param secured whether the service has access rules, i.e. its API needs a bearer token
   * @param maxBodyBytes the body limit ({@link BodyLimitFilter}), stated in the 413's description
   * @param maxRequestLine the most the server reads of a request's line and headers (longer is refused): the bound
   *     of a path, query or header parameter that has no shorter one
   */
  public OpenApiDocument(boolean secured, long maxBodyBytes, int maxRequestLine) {
    this.secured = secured;
    this.maxBodyBytes = maxBodyBytes;
    this.maxRequestLine = maxRequestLine;
  }

  @Override
  public int getOrder() {
    return Ordered.LOWEST_PRECEDENCE; // after the services' customizers: it fills in only what they left out
  }

  @Override
  public void customise(OpenAPI api) {
    api.getComponents().addSchemas(PROBLEM, problemSchema());
    Set<String> tags = new TreeSet<>();
    if (api.getPaths() != null) {
      api.getPaths().forEach((path, item) -> item.readOperationsMap().forEach((method, operation) -> {
        operation(path, method, operation);
        if (operation.getTags() != null) {
          tags.addAll(operation.getTags());
        }
      }));
    }
    if (!tags.isEmpty()) {
      List<String> declared = api.getTags() == null ? List.of() : api.getTags().stream().map(Tag::getName).toList();
      tags.stream().filter(t -> !declared.contains(t)).forEach(t -> api.addTagsItem(new Tag().name(t)));
    }
    forEachSchema(api, OpenApiDocument::parsingLimits);
  }

  private void operation(String path, PathItem.HttpMethod method, Operation operation) {
    boolean open = isOpen(path);
    if (secured && !open) {
      operation.setSecurity(List.of(new SecurityRequirement().addList(BEARER)));
    } else if (secured) {
      operation.setSecurity(List.of()); // explicitly none: the platform opens this path to anyone
    }
    ApiResponses responses = operation.getResponses() == null ? new ApiResponses() : operation.getResponses();
    operation.setResponses(responses);
    if (operation.getParameters() != null) {
      operation.getParameters().stream().map(Parameter::getSchema)
          .filter(s -> s != null && isType(s, "string") && s.getMaxLength() == null && s.getEnum() == null
              && (s.getFormat() == null || !FORMAT_LENGTHS.containsKey(s.getFormat())))
          .forEach(s -> s.setMaxLength(maxRequestLine));
      // A whole-number parameter that does not fit its Java type is a 400 (it does not parse): those are its bounds
      // unless the operation states narrower ones.
      operation.getParameters().stream().map(Parameter::getSchema)
          .filter(s -> s != null && isType(s, "integer") && (s.getMinimum() == null || s.getMaximum() == null))
          .forEach(s -> {
            boolean int32 = "int32".equals(s.getFormat());
            if (s.getMinimum() == null) {
              s.setMinimum(BigDecimal.valueOf(int32 ? Integer.MIN_VALUE : Long.MIN_VALUE));
            }
            if (s.getMaximum() == null) {
              s.setMaximum(BigDecimal.valueOf(int32 ? Integer.MAX_VALUE : Long.MAX_VALUE));
            }
          });
    }
    boolean body = operation.getRequestBody() != null;
    boolean query = operation.getParameters() != null && operation.getParameters().stream()
        .map(Parameter::getIn).anyMatch("query"::equals);
    if (body || query) {
      problem(responses, "400", "Invalid request: every bad field or parameter named under errors (a JSON Pointer, "
          + "or the parameter's name); nothing was done");
    }
    if (secured && !open) {
      problem(responses, "401", "No valid bearer token: missing, expired, not yet valid, or of another issuer or "
          + "audience");
      problem(responses, "403", "The token is valid but lacks the scope or role this operation needs");
    }
    if (body) {
      problem(responses, "413", "The request body is larger than this service's limit (" + maxBodyBytes
          + " bytes); nothing was done");
      problem(responses, "415", "The request body is not of the media type this operation reads");
    }
    problem(responses, "500", "Something unexpected went wrong; nothing was half-written (the answer says no more)");
    problem(responses, "503", "Busy (more requests at once than the service works on: Retry-After 1) or its store "
        + "cannot be reached (Retry-After 5); try again after Retry-After seconds");
    responses.get("503").addHeaderObject("Retry-After", retryAfter());
    responses.forEach((status, response) -> {
      if (status.startsWith("4") || status.startsWith("5")) {
        // springdoc gives a declared error the handler's return type (Object, as */*); the body is a problem.
        if (response.getContent() == null || response.getContent().isEmpty()
            || response.getContent().keySet().equals(Set.of("*/*"))) {
          response.setContent(new Content().addMediaType(PROBLEM_JSON,
              new MediaType().schema(new Schema<>().$ref(PROBLEM_REF))));
        }
      } else if (response.getContent() != null && response.getContent().containsKey("*/*")) {
        // Every answer body is JSON unless the operation says otherwise; springdoc writes */* when it is not declared.
        Content json = new Content();
        response.getContent().forEach((type, media) -> json.addMediaType("*/*".equals(type) ? "application/json"
            : type, media));
        response.setContent(json);
      }
    });
    sortResponses(operation);
  }

  /** The 4xx and 5xx answers every service has, when the operation has not declared its own. */
  private static void problem(ApiResponses responses, String status, String description) {
    if (!responses.containsKey(status)) {
      responses.addApiResponse(status, new ApiResponse().description(description));
    }
  }

  private static void sortResponses(Operation operation) {
    ApiResponses sorted = new ApiResponses();
    new TreeMap<>(operation.getResponses()).forEach(sorted::addApiResponse);
    sorted.setExtensions(operation.getResponses().getExtensions());
    operation.setResponses(sorted);
  }

  public static Header retryAfter() {
    return new Header().description("Whole seconds to wait before trying again")
        .schema(parse("{\"type\":\"integer\",\"format\":\"int32\",\"minimum\":1,\"maximum\":86400}"));
  }

  private boolean isOpen(String path) {
    for (String open : BearerTokenSecurityAutoConfiguration.OPEN_PATHS) {
      if (paths.match(open, path)) {
        return true;
      }
    }
    return false;
  }

  /** RFC 9457 problem details, as {@link ProblemResponses} and the platform's filters write them. */
  static Schema<?> problemSchema() {
    return parse("""
        {
          "type": "object",
          "description": "RFC 9457 problem details. Never echoes a submitted value (it may be personal data).",
          "required": ["type", "title", "status"],
          "properties": {
            "type": {"type": "string", "format": "uri", "description": "The kind of problem"},
            "title": {"type": "string", "description": "The kind of problem, in words"},
            "status": {"type": "integer", "format": "int32", "minimum": 400, "maximum": 599},
            "detail": {"type": "string", "description": "What went wrong and what to do, in plain English"},
            "instance": {"type": "string", "format": "uri-reference"},
            "header": {"type": "string", "description": "The request header at fault, when it is one"},
            "errors": {
              "type": "array",
              "description": "Each invalid field or parameter (400 only), sorted by pointer",
              "items": {
                "type": "object",
                "properties": {
                  "pointer": {"type": "string", "description": "JSON Pointer to the field, or the parameter's name"},
                  "parameter": {"type": "string", "description": "The query parameter at fault"},
                  "detail": {"type": "string", "description": "What is wrong with it"}
                }
              }
            }
          }
        }""");
  }

  /** A schema written as JSON, read the way springdoc reads OpenAPI 3.1 schemas. */
  public static Schema<?> parse(String json) {
    try {
      return Json31.mapper().readValue(json, Schema.class);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * A string of a date, date-time or UUID format is as long as its format lets it be (longer does not parse); an
   * integer without a format is an int32 or int64 as its bounds allow.
   */
  static void parsingLimits(Schema<?> schema) {
    if (isType(schema, "string") && schema.getFormat() != null && schema.getMaxLength() == null
        && FORMAT_LENGTHS.containsKey(schema.getFormat())) {
      schema.setMaxLength(FORMAT_LENGTHS.get(schema.getFormat()));
    }
    if (isType(schema, "integer") && schema.getFormat() == null) {
      boolean int32 = schema.getMinimum() != null && schema.getMaximum() != null
          && schema.getMinimum().longValue() >= Integer.MIN_VALUE && schema.getMaximum().longValue() <= Integer.MAX_VALUE;
      schema.setFormat(int32 ? "int32" : "int64");
    }
  }

  static boolean isType(Schema<?> schema, String type) {
    return type.equals(schema.getType()) || (schema.getTypes() != null && schema.getTypes().contains(type));
  }

  /** Every schema of the document, components, parameters, bodies, answers and headers, nested ones included. */
  @SuppressWarnings({"rawtypes", "unchecked"})
  public static void forEachSchema(OpenAPI api, Consumer<Schema<?>> action) {
    Map<Schema, Boolean> seen = new IdentityHashMap<>();
    Consumer<Schema> walk = new Consumer<>() {
      @Override
      public void accept(Schema schema) {
        if (schema == null || seen.put(schema, Boolean.TRUE) != null) {
          return;
        }
        action.accept(schema);
        List<Schema> nested = new ArrayList<>();
        if (schema.getProperties() != null) {
          nested.addAll(schema.getProperties().values());
        }
        nested.add(schema.getItems());
        addAll(nested, schema.getAllOf());
        addAll(nested, schema.getAnyOf());
        addAll(nested, schema.getOneOf());
        addAll(nested, schema.getPrefixItems());
        nested.add(schema.getNot());
        nested.add(schema.getIf());
        nested.add(schema.getThen());
        nested.add(schema.getElse());
        if (schema.getAdditionalProperties() instanceof Schema additional) {
          nested.add(additional);
        }
        nested.forEach(this);
      }
    };
    if (api.getComponents() != null && api.getComponents().getSchemas() != null) {
      api.getComponents().getSchemas().values().forEach(walk);
    }
    if (api.getPaths() == null) {
      return;
    }
    api.getPaths().values().forEach(item -> item.readOperations().forEach(operation -> {
      if (operation.getParameters() != null) {
        operation.getParameters().forEach(p -> walk.accept(p.getSchema()));
      }
      if (operation.getRequestBody() != null) {
        content(operation.getRequestBody().getContent(), walk);
      }
      if (operation.getResponses() != null) {
        operation.getResponses().values().forEach(response -> {
          content(response.getContent(), walk);
          if (response.getHeaders() != null) {
            response.getHeaders().values().forEach(h -> walk.accept(h.getSchema()));
          }
        });
      }
    }));
  }

  @SuppressWarnings("rawtypes")
  private static void content(Content content, Consumer<Schema> walk) {
    if (content != null) {
      content.values().forEach(media -> walk.accept(media.getSchema()));
    }
  }

  @SuppressWarnings({"rawtypes", "unchecked"})
  private static void addAll(List<Schema> into, Collection from) {
    if (from != null) {
      into.addAll(from);
    }
  }
}
