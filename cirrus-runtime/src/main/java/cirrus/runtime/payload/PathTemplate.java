package cirrus.runtime.payload;

import static cirrus.runtime.payload.InvalidPayloadException.Code.INVALID_VALUE;
import static cirrus.runtime.payload.InvalidPayloadException.Code.MISSING_FIELD;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.JsonNode;

import cirrus.runtime.json.PythonJson;

/**
 * An {@code upload_options.path_template} such as {@code
 * s3://bucket/${collection}/${sentinel:utm_zone}/${year}/${month}/${id}}.
 *
 * <p>Variables, as in cirrus v0.15.4 {@code get_path}: {@code collection} and {@code id} of the
 * item; {@code year}, {@code month}, {@code day} of {@code properties.datetime}, <em>not</em>
 * zero-padded ({@code 7}, not {@code 07}); {@code date} ({@code 2020-07-03}) unless the item has a
 * {@code date} property; any other name is {@code properties[name]} ({@code :} allowed), printed
 * the way Python's {@code str()} prints it. Trailing {@code /} of the template are dropped.
 */
public final class PathTemplate {
    private static final Pattern VARIABLE = Pattern.compile("\\$\\{([^}]*)}");

    private final String template;
    private final List<String> variables;

    private PathTemplate(String template, List<String> variables) {
        this.template = template;
        this.variables = List.copyOf(variables);
    }

    /**
     * Parses a template.
     *
     * @throws InvalidPayloadException when a placeholder is empty or unterminated
     */
    public static PathTemplate parse(String template) {
        String trimmed = template.replaceAll("/+$", "");
        List<String> variables = new ArrayList<>();
        Matcher m = VARIABLE.matcher(trimmed);
        while (m.find()) {
            if (m.group(1).isBlank()) {
                throw new InvalidPayloadException(
                        INVALID_VALUE,
                        "process.upload_options.path_template",
                        "empty ${} placeholder");
            }
            variables.add(m.group(1));
        }
        if (m.replaceAll("").contains("${")) {
            throw new InvalidPayloadException(
                    INVALID_VALUE,
                    "process.upload_options.path_template",
                    "unterminated ${ placeholder in '" + template + "'");
        }
        return new PathTemplate(trimmed, variables);
    }

    /** The template text (without trailing slashes). */
    public String template() {
        return template;
    }

    /** The variable names in order of appearance. */
    public List<String> variables() {
        return variables;
    }

    /**
     * The path of {@code item}.
     *
     * @throws InvalidPayloadException when the item lacks a property the template needs
     */
    public String render(JsonNode item) {
        Matcher m = VARIABLE.matcher(template);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            m.appendReplacement(out, Matcher.quoteReplacement(value(item, m.group(1))));
        }
        m.appendTail(out);
        return out.toString();
    }

    private static String value(JsonNode item, String name) {
        String itemId = item.path("id").asText("?");
        switch (name) {
            case "collection":
            case "id":
                JsonNode v = item.get(name);
                if (v == null || v.isNull()) {
                    throw missing(itemId, name, "item has no " + name);
                }
                return PythonJson.str(v);
            case "year":
            case "month":
            case "day":
                LocalDate date = datetime(item, itemId, name);
                int n =
                        name.equals("year")
                                ? date.getYear()
                                : name.equals("month")
                                        ? date.getMonthValue()
                                        : date.getDayOfMonth();
                return Integer.toString(n);
            default:
                JsonNode property = item.path("properties").get(name);
                if (property == null && name.equals("date")) {
                    return datetime(item, itemId, name).toString();
                }
                if (property == null) {
                    throw missing(itemId, name, "item has no property '" + name + "'");
                }
                return PythonJson.str(property);
        }
    }

    private static LocalDate datetime(JsonNode item, String itemId, String variable) {
        JsonNode dt = item.path("properties").get("datetime");
        if (dt == null || !dt.isTextual()) {
            throw missing(itemId, variable, "item has no properties.datetime");
        }
        String text = dt.textValue();
        try {
            return OffsetDateTime.parse(text).toLocalDate();
        } catch (DateTimeParseException e) {
            try {
                return LocalDateTime.parse(text).toLocalDate();
            } catch (DateTimeParseException e2) {
                try {
                    return LocalDate.parse(text.length() >= 10 ? text.substring(0, 10) : text);
                } catch (DateTimeParseException e3) {
                    throw new InvalidPayloadException(
                            INVALID_VALUE,
                            "features[id=" + itemId + "].properties.datetime",
                            "'" + text + "' is not an ISO-8601 date-time");
                }
            }
        }
    }

    private static InvalidPayloadException missing(String itemId, String variable, String what) {
        return new InvalidPayloadException(
                MISSING_FIELD,
                "process.upload_options.path_template",
                "${" + variable + "}: " + what + " (item " + itemId + ")");
    }

    @Override
    public String toString() {
        return template;
    }
}
