package cirrus.aws.deploy;

/**
 * Questions about CloudFormation stack status names.
 *
 * @see <a
 *     href="https://docs.aws.amazon.com/AWSCloudFormation/latest/UserGuide/view-stack-events.html#cfn-console-view-stack-data-resources-status-codes">Stack
 *     status codes</a>
 */
final class StackStatus {
    private StackStatus() {}

    static boolean inProgress(String status) {
        return status.endsWith("_IN_PROGRESS");
    }

    /** The operation succeeded: the stack is the new version. */
    static boolean succeeded(String status) {
        return status.equals("CREATE_COMPLETE")
                || status.equals("UPDATE_COMPLETE")
                || status.equals("IMPORT_COMPLETE");
    }

    /** A first creation failed and was rolled back: the stack must be deleted before deploying. */
    static boolean failedCreation(String status) {
        return status.equals("ROLLBACK_COMPLETE")
                || status.equals("ROLLBACK_FAILED")
                || status.equals("CREATE_FAILED");
    }

    /** The previous version is back in place after a failed update. */
    static boolean rolledBack(String status) {
        return status.equals("UPDATE_ROLLBACK_COMPLETE");
    }
}
