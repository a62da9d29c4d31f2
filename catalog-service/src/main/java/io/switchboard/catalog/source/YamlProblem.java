package io.switchboard.catalog.source;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.math.BigDecimal;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Objects;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;
import tools.jackson.core.JacksonException;
import tools.jackson.core.TokenStreamLocation;
import tools.jackson.core.exc.StreamReadException;
import tools.jackson.databind.exc.InvalidFormatException;
import tools.jackson.databind.exc.MismatchedInputException;
import tools.jackson.databind.exc.UnrecognizedPropertyException;

/** Turns a Jackson failure reading the catalog into {@code <path>: <what is wrong>}, in the file's own terms. */
final class YamlProblem {

    private YamlProblem() {
    }

    static String describe(JacksonException e) {
        String path = pathOf(e.getPath());
        String what = switch (e) {
            case UnrecognizedPropertyException unknown -> "unknown field (expected one of: "
                    + sorted(unknown.getKnownPropertyIds()) + ")";
            case InvalidFormatException invalid when invalid.getTargetType() != null ->
                "invalid value '" + invalid.getValue() + "', expected " + expected(invalid.getTargetType());
            case MismatchedInputException mismatched when mismatched.getTargetType() != null && !path.isEmpty() ->
                "expected " + expected(mismatched.getTargetType());
            case StreamReadException syntax -> at(syntax.getLocation()) + withoutExcerpts(syntax.getOriginalMessage());
            default -> e.getOriginalMessage();
        };
        return path.isEmpty() ? what : path + ": " + what;
    }

    /** {@code endpoints[3].pricing.prompt} from Jackson's references. */
    static String pathOf(List<JacksonException.Reference> references) {
        StringBuilder path = new StringBuilder();
        for (JacksonException.Reference reference : references) {
            String property = reference.getPropertyName();
            if (property != null) {
                path.append(path.isEmpty() ? "" : ".").append(property);
            } else if (reference.getIndex() >= 0) {
                path.append('[').append(reference.getIndex()).append(']');
            }
        }
        return path.toString();
    }

    private static String expected(Class<?> type) {
        if (type.isEnum()) {
            return "one of " + Arrays.stream(type.getEnumConstants())
                    .map(c -> jsonName((Enum<?>) c))
                    .collect(Collectors.joining(", "));
        }
        if (type == BigDecimal.class || type == double.class || type == Double.class) {
            return "a decimal number";
        }
        if (type == long.class || type == Long.class || type == int.class || type == Integer.class) {
            return "an integer";
        }
        if (type == boolean.class || type == Boolean.class) {
            return "true or false";
        }
        if (type == String.class) {
            return "a string";
        }
        if (Collection.class.isAssignableFrom(type)) {
            return "a list";
        }
        return "a mapping of fields";
    }

    private static String jsonName(Enum<?> constant) {
        try {
            JsonProperty property = constant.getDeclaringClass()
                    .getField(constant.name())
                    .getAnnotation(JsonProperty.class);
            return property != null ? property.value() : constant.name();
        } catch (NoSuchFieldException e) {
            return constant.name();
        }
    }

    private static String sorted(@Nullable Collection<Object> names) {
        return names == null ? "" : names.stream().map(Objects::toString).sorted().collect(Collectors.joining(", "));
    }

    /**
     * SnakeYAML's messages quote the file around the error on indented lines ({@code  in reader, line 3...}, the line,
     * a caret); the location is given separately, so keep only what went wrong.
     */
    private static String withoutExcerpts(String message) {
        return message.lines()
                .filter(line -> !line.isBlank() && !Character.isWhitespace(line.charAt(0)))
                .collect(Collectors.joining("; "));
    }

    private static String at(@Nullable TokenStreamLocation location) {
        return location == null || location.getLineNr() < 0
                ? ""
                : "line " + location.getLineNr() + ", column " + location.getColumnNr() + ": ";
    }
}
