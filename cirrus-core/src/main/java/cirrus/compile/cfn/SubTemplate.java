package cirrus.compile.cfn;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The text of an {@code Fn::Sub}: {@code ${Name}} and {@code ${Name.Attribute}} are replaced by
 * CloudFormation, {@code ${!Text}} stands for the literal {@code ${Text}}.
 *
 * @see <a
 *     href="https://docs.aws.amazon.com/AWSCloudFormation/latest/UserGuide/intrinsic-function-reference-sub.html">Fn::Sub</a>
 */
final class SubTemplate {
    private static final Pattern VARIABLE = Pattern.compile("\\$\\{([^!}][^}]*)}");
    private static final Pattern HASH_VARIABLE = Pattern.compile("#\\{([A-Za-z0-9:._-]+)}");

    private SubTemplate() {}

    /**
     * The logical ids and parameters {@code text} refers to (the part before a dot), without
     * pseudo-parameters such as {@code AWS::Region}.
     */
    static List<String> variables(String text) {
        List<String> names = new ArrayList<>();
        Matcher m = VARIABLE.matcher(text);
        while (m.find()) {
            String name = m.group(1).trim();
            int dot = name.indexOf('.');
            String id = dot < 0 ? name : name.substring(0, dot);
            if (!id.startsWith("AWS::") && !names.contains(id)) {
                names.add(id);
            }
        }
        return names;
    }

    /** {@code text} as a literal inside an {@code Fn::Sub}: every {@code ${} becomes {@code ${!}. */
    static String escape(String text) {
        return text.replace("${", "${!");
    }

    /**
     * serverless-step-functions' placeholder: every {@code #{Name}} becomes {@code ${Name}} (a
     * {@code Ref} of {@code Name}).
     */
    static String hashToDollar(String text) {
        return HASH_VARIABLE
                .matcher(text)
                .replaceAll(r -> Matcher.quoteReplacement("${" + r.group(1) + "}"));
    }

    /** Whether {@code text} holds a {@code #{Name}} placeholder. */
    static boolean hasHashVariable(String text) {
        return HASH_VARIABLE.matcher(text).find();
    }
}
