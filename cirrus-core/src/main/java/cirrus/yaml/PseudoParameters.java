package cirrus.yaml;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Converts the serverless-pseudo-parameters syntax {@code #{AWS::Region}} into CloudFormation: the
 * placeholder becomes {@code ${AWS::Region}} and the string is wrapped in {@code Fn::Sub} unless it
 * already is the template of an {@code Fn::Sub}. Other placeholders ({@code #{MyQueue}}) and
 * serverless variables are left alone.
 */
public final class PseudoParameters {
    private static final Pattern PSEUDO = Pattern.compile("#\\{(AWS::[a-zA-Z]+)}");

    private PseudoParameters() {}

    /** True when the text contains at least one {@code #{AWS::X}} placeholder. */
    public static boolean contains(String text) {
        return text.indexOf("#{AWS::") >= 0 && PSEUDO.matcher(text).find();
    }

    /**
     * Replaces every {@code #{AWS::X}} by {@code ${AWS::X}}; returns the same string when there is
     * none.
     */
    public static String replace(String text) {
        if (text.indexOf("#{AWS::") < 0) {
            return text;
        }
        Matcher m = PSEUDO.matcher(text);
        return m.find()
                ? m.replaceAll(r -> Matcher.quoteReplacement("${" + r.group(1) + "}"))
                : text;
    }

    /**
     * The value to store for a string: unchanged without placeholders; the replaced text when it is
     * already the template of an {@code Fn::Sub}; else {@code {Fn::Sub: replaced}}.
     *
     * @param text the scalar
     * @param isSubTemplate whether the string is the template of an enclosing {@code Fn::Sub}
     */
    public static Object convert(String text, boolean isSubTemplate) {
        if (!contains(text)) {
            return text;
        }
        String replaced = replace(text);
        if (isSubTemplate) {
            return replaced;
        }
        Map<String, Object> sub = new LinkedHashMap<>();
        sub.put("Fn::Sub", replaced);
        return sub;
    }
}
