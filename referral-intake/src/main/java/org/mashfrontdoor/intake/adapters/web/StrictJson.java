package org.mashfrontdoor.intake.adapters.web;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.mashfrontdoor.platform.web.ProblemResponses;
import org.mashfrontdoor.platform.web.ProblemResponses.InvalidField;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonParser;
import tools.jackson.core.StreamReadFeature;
import tools.jackson.core.TokenStreamContext;
import tools.jackson.core.exc.StreamReadException;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.MapperFeature;
import tools.jackson.databind.cfg.CoercionAction;
import tools.jackson.databind.cfg.CoercionInputShape;
import tools.jackson.databind.cfg.EnumFeature;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.type.LogicalType;

/**
 * Reads request bodies so that they mean exactly what they say. Jackson's defaults quietly change meaning: "3" or
 * 2.5 becomes 3 or 2, 1 or "true" becomes true, 42 becomes "42", the last of two equal keys wins. Here each of
 * those is refused, and so is a lone UTF-16 surrogate (it would be stored as U+FFFD). The same settings configure
 * Spring MVC's mapper, so intake's other bodies are read the same way.
 */
public final class StrictJson {

  private static final JsonMapper MAPPER = configure(JsonMapper.builder()).build();

  private StrictJson() {
  }

  public static JsonMapper.Builder configure(JsonMapper.Builder builder) {
    return builder
        .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
        .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
        .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
        .enable(EnumFeature.FAIL_ON_NUMBERS_FOR_ENUMS)
        .disable(DeserializationFeature.ACCEPT_FLOAT_AS_INT)
        .disable(DeserializationFeature.ACCEPT_SINGLE_VALUE_AS_ARRAY)
        .disable(MapperFeature.ALLOW_COERCION_OF_SCALARS)
        .withCoercionConfig(LogicalType.Integer, c -> fail(c, CoercionInputShape.String, CoercionInputShape.Float,
            CoercionInputShape.Boolean, CoercionInputShape.EmptyString))
        .withCoercionConfig(LogicalType.Float, c -> fail(c, CoercionInputShape.String, CoercionInputShape.Boolean,
            CoercionInputShape.EmptyString))
        .withCoercionConfig(LogicalType.Boolean, c -> fail(c, CoercionInputShape.String, CoercionInputShape.Integer,
            CoercionInputShape.Float, CoercionInputShape.EmptyString))
        .withCoercionConfig(LogicalType.Textual, c -> fail(c, CoercionInputShape.Integer, CoercionInputShape.Float,
            CoercionInputShape.Boolean))
        .withCoercionConfig(LogicalType.Enum, c -> fail(c, CoercionInputShape.Integer, CoercionInputShape.Float,
            CoercionInputShape.EmptyString));
  }

  private static void fail(tools.jackson.databind.cfg.MutableCoercionConfig config, CoercionInputShape... shapes) {
    for (CoercionInputShape shape : shapes) {
      config.setCoercion(shape, CoercionAction.Fail);
    }
  }

  /** Why a body was refused, as the problem+json to answer with. */
  static final class Refused extends Exception {
    final transient ProblemDetail problem;

    Refused(ProblemDetail problem) {
      super(problem.getTitle(), null, false, false);
      this.problem = problem;
    }
  }

  /** The body as a JSON tree, or refused: not JSON, a repeated key, or a lone surrogate (each named by pointer). */
  static JsonNode readTree(byte[] body) throws Refused {
    JsonNode tree;
    try {
      tree = MAPPER.readTree(body);
    } catch (StreamReadException e) {
      TokenStreamContext context = e.processor() instanceof JsonParser parser ? parser.streamReadContext() : null;
      String message = e.getOriginalMessage() == null ? "" : e.getOriginalMessage();
      if (context != null && message.contains("surrogate") && message.contains("property name")) {
        // The parser refuses a bad field name itself; it is named by its object, as it cannot be written back.
        String object = context.inObject() && context.getParent() != null
            ? context.getParent().pathAsPointer().toString() : context.pathAsPointer().toString();
        throw new Refused(ProblemResponses.invalid(List.of(new InvalidField(object,
            "has a field name with invalid Unicode (a lone UTF-16 surrogate)"))));
      }
      throw new Refused(ProblemResponses.malformed(e));
    } catch (JacksonException e) {
      throw new Refused(ProblemResponses.problem(HttpStatus.BAD_REQUEST, "Malformed JSON",
          "The request body is not valid JSON."));
    }
    if (tree == null || tree.isMissingNode()) {
      throw new Refused(ProblemResponses.problem(HttpStatus.BAD_REQUEST, "Unreadable request",
          "The request body is missing or is not a JSON object of the expected shape."));
    }
    List<InvalidField> errors = new ArrayList<>();
    findLoneSurrogates(tree, "", errors);
    if (!errors.isEmpty()) {
      throw new Refused(ProblemResponses.invalid(errors));
    }
    return tree;
  }

  /** The tree as the given type, with nothing coerced; a value the type cannot hold as written is named. */
  static <T> T bind(JsonNode tree, Class<T> type) throws Refused {
    try {
      return MAPPER.treeToValue(tree, type);
    } catch (JacksonException e) {
      throw new Refused(ProblemResponses.invalid(List.of(new InvalidField(ProblemResponses.pointer(e),
          "has the wrong type or format (numbers for whole-number fields are written without a fraction)"))));
    }
  }

  private static void findLoneSurrogates(JsonNode node, String at, List<InvalidField> errors) {
    if (node.isString() && hasLoneSurrogate(node.asString())) {
      errors.add(new InvalidField(at, "contains invalid Unicode (a lone UTF-16 surrogate)"));
    } else if (node.isObject()) {
      for (Map.Entry<String, JsonNode> property : node.properties()) {
        if (hasLoneSurrogate(property.getKey())) {
          // Named by its object: the name itself cannot be written back as valid Unicode.
          errors.add(new InvalidField(at, "has a field name with invalid Unicode (a lone UTF-16 surrogate)"));
        } else {
          findLoneSurrogates(property.getValue(), at + "/" + escape(property.getKey()), errors);
        }
      }
    } else if (node.isArray()) {
      for (int i = 0; i < node.size(); i++) {
        findLoneSurrogates(node.get(i), at + "/" + i, errors);
      }
    }
  }

  static boolean hasLoneSurrogate(String s) {
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (Character.isHighSurrogate(c) && i + 1 < s.length() && Character.isLowSurrogate(s.charAt(i + 1))) {
        i++;
      } else if (Character.isSurrogate(c)) {
        return true;
      }
    }
    return false;
  }

  /** RFC 6901: "~" and "/" in a name are escaped. */
  static String escape(String name) {
    return name.replace("~", "~0").replace("/", "~1");
  }
}
