package cirrus.validate.analysis;

import java.util.ArrayList;
import java.util.List;

/**
 * The variables of an {@code Fn::Sub} template: each {@code ${Name}}, {@code ${Name.Attr}} or
 * {@code ${AWS::Region}}, but not {@code ${!Literal}} (written as text) nor Serverless variables
 * ({@code ${self:…}}, {@code ${opt:stage, 'dev'}}), which Serverless replaces before CloudFormation
 * sees the template.
 *
 * @see <a
 *     href="https://docs.aws.amazon.com/AWSCloudFormation/latest/UserGuide/intrinsic-function-reference-sub.html">Fn::Sub</a>
 */
public final class SubTemplate {
    private SubTemplate() {}

    /** The variables of {@code template}, in order (with repetitions). */
    public static List<String> variables(String template) {
        List<String> names = new ArrayList<>();
        int start = template.indexOf("${");
        while (start >= 0) {
            int end = ServerlessVariables.closing(template, start);
            if (end < 0) {
                break;
            }
            String inside = template.substring(start + 2, end);
            if (!inside.startsWith("!") && !ServerlessVariables.isVariable(inside)) {
                String name = inside.trim();
                if (!name.isEmpty()) {
                    names.add(name);
                }
            }
            start = template.indexOf("${", end);
        }
        return names;
    }
}
