package cirrus.scaffold;

/**
 * Turns a component name into a valid CloudFormation logical id prefix. Logical ids may contain
 * only {@code A-Z a-z 0-9}; cirrus v0.15.4 used the raw name ({@code my-taskJobQueue}), which
 * CloudFormation rejects. Each run of letters and digits becomes a capitalised word: {@code
 * my-batch_task2} → {@code MyBatchTask2}.
 *
 * @see <a
 *     href="https://docs.aws.amazon.com/AWSCloudFormation/latest/UserGuide/resources-section-structure.html">Resources
 *     section: logical ID</a>
 */
public final class LogicalId {
    private LogicalId() {}

    /** The logical id prefix for component {@code name}. */
    public static String of(String name) {
        StringBuilder id = new StringBuilder(name.length());
        boolean wordStart = true;
        for (int i = 0; i < name.length(); i++) {
            char c = name.charAt(i);
            if (isAsciiLetterOrDigit(c)) {
                id.append(wordStart ? Character.toUpperCase(c) : c);
                wordStart = false;
            } else {
                wordStart = true;
            }
        }
        if (id.length() == 0) {
            throw new IllegalArgumentException("no letters or digits in name: " + name);
        }
        return id.toString();
    }

    private static boolean isAsciiLetterOrDigit(char c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9');
    }
}
