package cirrus.runtime.json;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;

/** A text is not valid JSON; carries the 1-based line and column of the problem when known. */
public final class InvalidJsonException extends IllegalArgumentException {
    private final int line;
    private final int column;

    public InvalidJsonException(String message, int line, int column) {
        super(message);
        this.line = line;
        this.column = column;
    }

    static InvalidJsonException from(JsonProcessingException e) {
        JsonLocation at = e.getLocation();
        if ((at == null || at.getLineNr() <= 0) && e.getProcessor() instanceof JsonParser p) {
            // limits (StreamReadConstraints) are reported without a location: use the parser's
            at = p.currentLocation();
        }
        int line = at == null ? 0 : Math.max(0, at.getLineNr());
        int column = at == null ? 0 : Math.max(0, at.getColumnNr());
        String message = e.getOriginalMessage();
        int hint = message == null ? -1 : message.indexOf(" (by adjusting");
        if (hint > 0) {
            // Jackson's advice to raise the limit is for programmers, not for payload authors
            message = message.substring(0, hint);
        }
        return new InvalidJsonException("invalid JSON: " + message, line, column);
    }

    /** {@code name:line:col} when the place is known, else {@code name} (never {@code :0:0}). */
    public String locatedIn(String name) {
        return line > 0 ? name + ":" + line + ":" + Math.max(column, 1) : name;
    }

    /** 1-based line, or 0 when unknown. */
    public int line() {
        return line;
    }

    /** 1-based column, or 0 when unknown. */
    public int column() {
        return column;
    }
}
