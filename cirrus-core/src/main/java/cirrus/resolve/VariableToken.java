package cirrus.resolve;

/**
 * One serverless variable written inside a string: {@code text.substring(start, end)} is the whole
 * {@code ${...}} and {@link #body} what is between the braces.
 *
 * @param start index of the {@code $}
 * @param end index just after the closing brace
 * @param body the text between {@code ${} and {@code }}
 */
record VariableToken(int start, int end, String body) {

    /**
     * Finds the top-level variables of {@code text}, left to right. A {@code ${} opens a serverless
     * variable only when a variable source follows (a lower-case name then {@code :} or {@code (}),
     * so CloudFormation placeholders such as {@code ${AWS::Region}} or {@code ${Bucket}} are left
     * alone.
     *
     * @throws MalformedVariableException when a variable is not closed
     */
    static java.util.List<VariableToken> scan(String text) {
        java.util.List<VariableToken> tokens = new java.util.ArrayList<>();
        int from = 0;
        while (true) {
            int start = text.indexOf("${", from);
            if (start < 0) {
                return tokens;
            }
            if (!opensVariable(text, start + 2)) {
                from = start + 2;
                continue;
            }
            int end = closingBrace(text, start + 2);
            if (end < 0) {
                throw new MalformedVariableException(
                        "unclosed variable '" + text.substring(start) + "': add the missing '}'");
            }
            tokens.add(new VariableToken(start, end + 1, text.substring(start + 2, end)));
            from = end + 1;
        }
    }

    /**
     * Whether a variable source name starts at {@code at}: {@code [a-z][a-zA-Z0-9]*} then : or (.
     */
    static boolean opensVariable(String text, int at) {
        if (at < text.length() && text.startsWith("${", at)) {
            return opensVariable(text, at + 2);
        }
        if (at >= text.length() || text.charAt(at) < 'a' || text.charAt(at) > 'z') {
            return false;
        }
        int i = at + 1;
        while (i < text.length() && Character.isLetterOrDigit(text.charAt(i))) {
            i++;
        }
        return i < text.length() && (text.charAt(i) == ':' || text.charAt(i) == '(');
    }

    /** Index of the brace closing a variable whose body starts at {@code from}, or -1. */
    static int closingBrace(String text, int from) {
        int depth = 0;
        char quote = 0;
        for (int i = from; i < text.length(); i++) {
            char c = text.charAt(i);
            if (quote != 0) {
                if (c == quote) {
                    quote = 0;
                }
            } else if (c == '\'' || c == '"') {
                quote = c;
            } else if (c == '$' && i + 1 < text.length() && text.charAt(i + 1) == '{') {
                depth++;
                i++;
            } else if (c == '}') {
                if (depth == 0) {
                    return i;
                }
                depth--;
            }
        }
        return -1;
    }
}
