package cirrus.runtime.json;

import com.fasterxml.jackson.core.JsonLocation;
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
        int line = at == null ? 0 : at.getLineNr();
        int column = at == null ? 0 : at.getColumnNr();
        return new InvalidJsonException("invalid JSON: " + e.getOriginalMessage(), line, column);
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
