package cirrus.plan.template;

/** The CloudFormation types the planner knows about. */
public final class ResourceTypes {
    public static final String JOB_DEFINITION = "AWS::Batch::JobDefinition";
    public static final String COMPUTE_ENVIRONMENT = "AWS::Batch::ComputeEnvironment";
    public static final String JOB_QUEUE = "AWS::Batch::JobQueue";
    public static final String SCHEDULING_POLICY = "AWS::Batch::SchedulingPolicy";
    public static final String LAUNCH_TEMPLATE = "AWS::EC2::LaunchTemplate";
    public static final String IAM_ROLE = "AWS::IAM::Role";
    public static final String INSTANCE_PROFILE = "AWS::IAM::InstanceProfile";
    public static final String STATE_MACHINE = "AWS::StepFunctions::StateMachine";

    private ResourceTypes() {}
}
