package cirrus.yaml;

/**
 * Which styles can carry a scalar's text, decided the way PyYAML's emitter does it (without {@code
 * allow_unicode}, so any non-ASCII character forces double quotes and escapes) with cfn-flip's
 * change that an empty string may be written in block-plain position.
 *
 * @param text the scalar
 * @param empty the scalar is the empty string
 * @param multiline it contains a line break
 * @param allowBlockPlain may be written unquoted in block context
 * @param allowSingleQuoted may be written in single quotes
 * @param allowBlock may be written as a literal block ({@code |})
 */
record ScalarAnalysis(
        String text,
        boolean empty,
        boolean multiline,
        boolean allowBlockPlain,
        boolean allowSingleQuoted,
        boolean allowBlock) {

    static boolean isBreak(int c) {
        return c == '\n' || c == 0x85 || c == 0x2028 || c == 0x2029;
    }

    private static boolean isBlankOrBreak(int c) {
        return c == 0 || c == ' ' || c == '\t' || c == '\r' || isBreak(c);
    }

    /**
     * Analyses {@code scalar} char by char: any char outside printable ASCII (surrogates included)
     * makes the scalar special, so only double-quoted output, which escapes per code point, ever
     * sees a supplementary character.
     */
    static ScalarAnalysis of(String scalar) {
        String text = scalar;
        if (text.isEmpty()) {
            return new ScalarAnalysis(text, true, false, true, true, true);
        }
        boolean blockIndicators = false;
        boolean lineBreaks = false;
        boolean specialCharacters = false;
        boolean leadingSpace = false;
        boolean leadingBreak = false;
        boolean trailingSpace = false;
        boolean trailingBreak = false;
        boolean breakSpace = false;
        boolean spaceBreak = false;

        if (scalar.startsWith("---") || scalar.startsWith("...")) {
            blockIndicators = true;
        }
        boolean precededByWhitespace = true;
        boolean followedByWhitespace = text.length() == 1 || isBlankOrBreak(text.charAt(1));
        boolean previousSpace = false;
        boolean previousBreak = false;
        int last = text.length() - 1;
        for (int index = 0; index < text.length(); index++) {
            int ch = text.charAt(index);
            if (index == 0) {
                if ("#,[]{}&*!|>'\"%@`".indexOf(ch) >= 0) {
                    blockIndicators = true;
                }
                if ((ch == '?' || ch == ':') && followedByWhitespace) {
                    blockIndicators = true;
                }
                if (ch == '-' && followedByWhitespace) {
                    blockIndicators = true;
                }
            } else {
                if (ch == ':' && followedByWhitespace) {
                    blockIndicators = true;
                }
                if (ch == '#' && precededByWhitespace) {
                    blockIndicators = true;
                }
            }
            if (isBreak(ch)) {
                lineBreaks = true;
            }
            if (!(ch == '\n' || (ch >= 0x20 && ch <= 0x7E))) {
                // without allow_unicode, printable non-ASCII is as special as control characters
                specialCharacters = true;
            }
            if (ch == ' ') {
                leadingSpace |= index == 0;
                trailingSpace |= index == last;
                breakSpace |= previousBreak;
                previousSpace = true;
                previousBreak = false;
            } else if (isBreak(ch)) {
                leadingBreak |= index == 0;
                trailingBreak |= index == last;
                spaceBreak |= previousSpace;
                previousSpace = false;
                previousBreak = true;
            } else {
                previousSpace = false;
                previousBreak = false;
            }
            precededByWhitespace = isBlankOrBreak(ch);
            followedByWhitespace =
                    index + 2 >= text.length() || isBlankOrBreak(text.charAt(index + 2));
        }

        boolean blockPlain = true;
        boolean singleQuoted = true;
        boolean block = true;
        if (leadingSpace || leadingBreak || trailingSpace || trailingBreak) {
            blockPlain = false;
        }
        if (trailingSpace) {
            block = false;
        }
        if (breakSpace) {
            blockPlain = false;
            singleQuoted = false;
        }
        if (spaceBreak || specialCharacters) {
            blockPlain = false;
            singleQuoted = false;
            block = false;
        }
        if (lineBreaks || blockIndicators) {
            blockPlain = false;
        }
        return new ScalarAnalysis(text, false, lineBreaks, blockPlain, singleQuoted, block);
    }
}
