package cirrus.yaml;

/**
 * What styles a string may be written in, decided exactly as PyYAML's {@code
 * Emitter.analyze_scalar} does (with {@code allow_unicode=False}, cirrus v0.15.4's setting).
 *
 * @param empty the string is empty
 * @param multiline it contains a line break
 * @param allowFlowPlain it may be written plain inside flow collections
 * @param allowBlockPlain it may be written plain in block context
 * @param allowSingleQuoted it may be single-quoted
 * @param allowBlock it may be written as a literal or folded block
 */
record ScalarAnalysis(
        boolean empty,
        boolean multiline,
        boolean allowFlowPlain,
        boolean allowBlockPlain,
        boolean allowSingleQuoted,
        boolean allowBlock) {

    static boolean isBreak(int ch) {
        return ch == '\n' || ch == 0x85 || ch == 0x2028 || ch == 0x2029;
    }

    static boolean isSpaceOrBreak(int ch) {
        return ch == 0 || ch == ' ' || ch == '\t' || ch == '\r' || isBreak(ch);
    }

    static ScalarAnalysis of(int[] s) {
        if (s.length == 0) {
            return new ScalarAnalysis(true, false, false, true, true, false);
        }
        boolean blockIndicators = false;
        boolean flowIndicators = false;
        boolean lineBreaks = false;
        boolean specialCharacters = false;
        boolean leadingSpace = false;
        boolean leadingBreak = false;
        boolean trailingSpace = false;
        boolean trailingBreak = false;
        boolean breakSpace = false;
        boolean spaceBreak = false;
        String text = new String(s, 0, s.length);
        if (text.startsWith("---") || text.startsWith("...")) {
            blockIndicators = true;
            flowIndicators = true;
        }
        boolean precededByWhitespace = true;
        boolean followedByWhitespace = s.length == 1 || isSpaceOrBreak(s[1]);
        boolean previousSpace = false;
        boolean previousBreak = false;
        for (int index = 0; index < s.length; index++) {
            int ch = s[index];
            if (index == 0) {
                if ("#,[]{}&*!|>'\"%@`".indexOf(ch) >= 0) {
                    flowIndicators = true;
                    blockIndicators = true;
                }
                if (ch == '?' || ch == ':') {
                    flowIndicators = true;
                    if (followedByWhitespace) {
                        blockIndicators = true;
                    }
                }
                if (ch == '-' && followedByWhitespace) {
                    flowIndicators = true;
                    blockIndicators = true;
                }
            } else {
                if (",?[]{}".indexOf(ch) >= 0) {
                    flowIndicators = true;
                }
                if (ch == ':') {
                    flowIndicators = true;
                    if (followedByWhitespace) {
                        blockIndicators = true;
                    }
                }
                if (ch == '#' && precededByWhitespace) {
                    flowIndicators = true;
                    blockIndicators = true;
                }
            }
            if (isBreak(ch)) {
                lineBreaks = true;
            }
            if (!(ch == '\n' || (ch >= 0x20 && ch <= 0x7e))) {
                // allow_unicode=False: every other character must be escaped
                specialCharacters = true;
            }
            if (ch == ' ') {
                if (index == 0) {
                    leadingSpace = true;
                }
                if (index == s.length - 1) {
                    trailingSpace = true;
                }
                if (previousBreak) {
                    breakSpace = true;
                }
                previousSpace = true;
                previousBreak = false;
            } else if (isBreak(ch)) {
                if (index == 0) {
                    leadingBreak = true;
                }
                if (index == s.length - 1) {
                    trailingBreak = true;
                }
                if (previousSpace) {
                    spaceBreak = true;
                }
                previousSpace = false;
                previousBreak = true;
            } else {
                previousSpace = false;
                previousBreak = false;
            }
            precededByWhitespace = isSpaceOrBreak(ch);
            followedByWhitespace = index + 2 >= s.length || isSpaceOrBreak(s[index + 2]);
        }
        boolean flowPlain = true;
        boolean blockPlain = true;
        boolean singleQuoted = true;
        boolean block = true;
        if (leadingSpace || leadingBreak || trailingSpace || trailingBreak) {
            flowPlain = false;
            blockPlain = false;
        }
        if (trailingSpace) {
            block = false;
        }
        if (breakSpace) {
            flowPlain = false;
            blockPlain = false;
            singleQuoted = false;
        }
        if (spaceBreak || specialCharacters) {
            flowPlain = false;
            blockPlain = false;
            singleQuoted = false;
            block = false;
        }
        if (lineBreaks) {
            flowPlain = false;
            blockPlain = false;
        }
        if (flowIndicators) {
            flowPlain = false;
        }
        if (blockIndicators) {
            blockPlain = false;
        }
        return new ScalarAnalysis(false, lineBreaks, flowPlain, blockPlain, singleQuoted, block);
    }
}
