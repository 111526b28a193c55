package cirrus.runtime.json;

import com.fasterxml.jackson.core.SerializableString;
import com.fasterxml.jackson.core.io.CharacterEscapes;
import com.fasterxml.jackson.core.io.SerializedString;

/**
 * String escapes as Python's {@code json} writes them: control characters without a short form
 * become {@code \\u001a} with lower-case hex digits (Jackson writes {@code \\u001A}); the rest is
 * Jackson's standard escaping, which matches Python's.
 */
final class PythonEscapes extends CharacterEscapes {
    private static final long serialVersionUID = 1L;
    private static final int[] CODES = standardAsciiEscapesForJSON();

    static {
        for (int c = 0; c < 0x20; c++) {
            if (CODES[c] == ESCAPE_STANDARD) {
                CODES[c] = ESCAPE_CUSTOM;
            }
        }
    }

    @Override
    public int[] getEscapeCodesForAscii() {
        return CODES.clone();
    }

    @Override
    public SerializableString getEscapeSequence(int ch) {
        // asked for every non-ASCII character too: those are written as they are
        return ch < 0x20 ? new SerializedString(String.format("\\u%04x", ch)) : null;
    }
}
