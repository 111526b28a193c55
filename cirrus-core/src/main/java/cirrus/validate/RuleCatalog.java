package cirrus.validate;

import java.util.function.Supplier;

import cirrus.diag.Severity;
import cirrus.validate.rule.ActionWildcardRule;
import cirrus.validate.rule.BadValueRule;
import cirrus.validate.rule.BatchCatchRule;
import cirrus.validate.rule.BatchParallelRule;
import cirrus.validate.rule.BatchRetryRule;
import cirrus.validate.rule.BatchTargetRule;
import cirrus.validate.rule.BlockedRuntimeRule;
import cirrus.validate.rule.ComputeEnvironmentQuotaRule;
import cirrus.validate.rule.DeadErrorHandlerRule;
import cirrus.validate.rule.DeprecatedRuntimeRule;
import cirrus.validate.rule.EnvironmentsPerQueueRule;
import cirrus.validate.rule.HardCodedWorkflowNameRule;
import cirrus.validate.rule.JobCapacityRule;
import cirrus.validate.rule.JobDefinitionDeclaredRule;
import cirrus.validate.rule.JobDefinitionSizeRule;
import cirrus.validate.rule.JobParameterRule;
import cirrus.validate.rule.JobQueueQuotaRule;
import cirrus.validate.rule.JobRoleRule;
import cirrus.validate.rule.LambdaEnvironmentSizeRule;
import cirrus.validate.rule.MinvCpusRule;
import cirrus.validate.rule.MissingKeyRule;
import cirrus.validate.rule.NextRule;
import cirrus.validate.rule.PostBatchRule;
import cirrus.validate.rule.PreBatchRule;
import cirrus.validate.rule.ResourceQuotaRule;
import cirrus.validate.rule.ResourceRequirementsRule;
import cirrus.validate.rule.RetryCatchRule;
import cirrus.validate.rule.RunLambdaRule;
import cirrus.validate.rule.StartAtRule;
import cirrus.validate.rule.StateMachineSizeRule;
import cirrus.validate.rule.StateStructureRule;
import cirrus.validate.rule.StatesAllLastRule;
import cirrus.validate.rule.StrayPlaceholderRule;
import cirrus.validate.rule.SubmitJobPayloadRule;
import cirrus.validate.rule.TemplateSizeRule;
import cirrus.validate.rule.TerminalStateRule;
import cirrus.validate.rule.TransitionRule;
import cirrus.validate.rule.UnknownConditionRule;
import cirrus.validate.rule.UnknownDependsOnRule;
import cirrus.validate.rule.UnknownGetAttRule;
import cirrus.validate.rule.UnknownKeyRule;
import cirrus.validate.rule.UnknownPlaceholderRule;
import cirrus.validate.rule.UnknownRefRule;
import cirrus.validate.rule.UnknownSubVariableRule;
import cirrus.validate.rule.UnreachableStateRule;
import cirrus.validate.rule.WorkflowLambdaRule;
import cirrus.validate.rule.WorkflowNameRule;
import cirrus.validate.rule.WriteOnAnyResourceRule;
import cirrus.validate.rule.WrongTypeRule;

/**
 * Every validation rule, one line each: its stable code (documented in {@code docs/validation.md},
 * never reused), family, severity, what it means, the usual fix and the class that checks it. The
 * validator runs them in this order.
 */
public enum RuleCatalog {
    // 1. syntax and schema (YAML syntax errors keep the loader's codes CIRRUS-Y001..Y004)
    WRONG_TYPE(
            "CIRRUS-V001",
            Family.SCHEMA,
            Severity.ERROR,
            "a setting has a value of the wrong type",
            "see the schema in docs/validation.md",
            WrongTypeRule::new),
    UNKNOWN_KEY(
            "CIRRUS-V002",
            Family.SCHEMA,
            Severity.WARNING,
            "a setting that nothing reads",
            "check the spelling; unknown settings are ignored",
            UnknownKeyRule::new),
    MISSING_KEY(
            "CIRRUS-V003",
            Family.SCHEMA,
            Severity.ERROR,
            "a required setting is missing",
            null,
            MissingKeyRule::new),
    BAD_VALUE(
            "CIRRUS-V004",
            Family.SCHEMA,
            Severity.ERROR,
            "a setting has a value AWS does not accept",
            null,
            BadValueRule::new),
    DEPRECATED_RUNTIME(
            "CIRRUS-V005",
            Family.SCHEMA,
            Severity.WARNING,
            "a Lambda function runs on a runtime AWS has deprecated",
            "plan the move to a newer runtime of the language before creating functions is blocked",
            DeprecatedRuntimeRule::new),
    BLOCKED_RUNTIME(
            "CIRRUS-V006",
            Family.SCHEMA,
            Severity.ERROR,
            "a Lambda function runs on a runtime AWS no longer lets you create functions with",
            "set lambda.runtime, provider.runtime or the resource's Runtime to a supported runtime,"
                    + " such as python3.12 or java21",
            BlockedRuntimeRule::new),

    // 2. references
    UNKNOWN_REF(
            "CIRRUS-V101",
            Family.REFERENCES,
            Severity.ERROR,
            "Ref names nothing the template declares",
            "declare the resource or parameter, or fix the name",
            UnknownRefRule::new),
    UNKNOWN_GETATT(
            "CIRRUS-V102",
            Family.REFERENCES,
            Severity.ERROR,
            "Fn::GetAtt names a resource the template does not declare",
            "declare the resource, or fix the name",
            UnknownGetAttRule::new),
    UNKNOWN_SUB_VARIABLE(
            "CIRRUS-V103",
            Family.REFERENCES,
            Severity.ERROR,
            "a ${X} in Fn::Sub names nothing the template declares",
            "declare it, pass it in the Fn::Sub variable map, or write ${!X} for a literal",
            UnknownSubVariableRule::new),
    UNKNOWN_PLACEHOLDER(
            "CIRRUS-V104",
            Family.REFERENCES,
            Severity.ERROR,
            "a #{X} in a state machine definition names nothing the template declares",
            "declare the resource, such as a job queue or job definition, or fix the name",
            UnknownPlaceholderRule::new),
    LAMBDA_NOT_DEPLOYED(
            "CIRRUS-V105",
            Family.REFERENCES,
            Severity.ERROR,
            "a workflow state runs a Lambda that is not deployed",
            "enable the component and its lambda, or fix the name",
            WorkflowLambdaRule::new),
    UNKNOWN_DEPENDS_ON(
            "CIRRUS-V106",
            Family.REFERENCES,
            Severity.ERROR,
            "DependsOn names a resource the template does not declare",
            "fix the name or remove the dependency",
            UnknownDependsOnRule::new),
    UNKNOWN_CONDITION(
            "CIRRUS-V107",
            Family.REFERENCES,
            Severity.ERROR,
            "a condition that the template does not declare",
            "declare it under Conditions, or fix the name",
            UnknownConditionRule::new),
    PLACEHOLDER_OUTSIDE_STATE_MACHINE(
            "CIRRUS-V108",
            Family.REFERENCES,
            Severity.WARNING,
            "#{X} is only replaced inside state machine definitions",
            "use !Ref X or !Sub '${X}' here",
            StrayPlaceholderRule::new),

    // 3. workflows (Amazon States Language)
    START_AT(
            "CIRRUS-V201",
            Family.WORKFLOWS,
            Severity.ERROR,
            "StartAt is missing or names no state",
            "set StartAt to the name of the first state",
            StartAtRule::new),
    UNKNOWN_NEXT(
            "CIRRUS-V202",
            Family.WORKFLOWS,
            Severity.ERROR,
            "a transition names a state that does not exist",
            "fix the state name",
            NextRule::new),
    NO_TRANSITION(
            "CIRRUS-V203",
            Family.WORKFLOWS,
            Severity.ERROR,
            "a state has neither Next nor End: true, or both",
            "give the state exactly one of Next or End: true",
            TransitionRule::new),
    NO_TERMINAL_STATE(
            "CIRRUS-V204",
            Family.WORKFLOWS,
            Severity.ERROR,
            "no state can end the execution",
            "add End: true, a Succeed or a Fail state",
            TerminalStateRule::new),
    UNREACHABLE_STATE(
            "CIRRUS-V205",
            Family.WORKFLOWS,
            Severity.WARNING,
            "a state no transition leads to",
            "remove it, or make a Next, Default or Catch lead to it",
            UnreachableStateRule::new),
    MALFORMED_RETRY_CATCH(
            "CIRRUS-V206",
            Family.WORKFLOWS,
            Severity.ERROR,
            "a Retry or Catch entry is malformed",
            "see https://states-language.net/spec.html#errors",
            RetryCatchRule::new),
    STATES_ALL_NOT_LAST(
            "CIRRUS-V207",
            Family.WORKFLOWS,
            Severity.ERROR,
            "States.ALL must be alone in the last Retry or Catch entry",
            "move the States.ALL entry to the end, on its own",
            StatesAllLastRule::new),
    STATE_STRUCTURE(
            "CIRRUS-V208",
            Family.WORKFLOWS,
            Severity.ERROR,
            "a state is not a valid Amazon States Language state",
            "see https://states-language.net/spec.html#state-types",
            StateStructureRule::new),
    WORKFLOW_NAME(
            "CIRRUS-V209",
            Family.WORKFLOWS,
            Severity.ERROR,
            "the state machine is not named so that process can start it",
            "name: ${self:service}-${self:provider.stage}-<workflow>",
            WorkflowNameRule::new),
    HARD_CODED_WORKFLOW_NAME(
            "CIRRUS-V210",
            Family.WORKFLOWS,
            Severity.WARNING,
            "the state machine name hard-codes the service or stage",
            "name: ${self:service}-${self:provider.stage}-<workflow>",
            HardCodedWorkflowNameRule::new),
    DEAD_ERROR_HANDLER(
            "CIRRUS-V211",
            Family.WORKFLOWS,
            Severity.WARNING,
            "a Retry or Catch entry names an error it can never handle",
            "name errors the state can report; for missing data, check it first with a Choice",
            DeadErrorHandlerRule::new),

    // 4. AWS Batch
    NO_JOB_DEFINITION(
            "CIRRUS-V301",
            Family.BATCH,
            Severity.ERROR,
            "a batch-enabled task declares no job definition",
            "declare an AWS::Batch::JobDefinition under batch.resources.Resources",
            JobDefinitionDeclaredRule::new),
    RESOURCE_REQUIREMENTS(
            "CIRRUS-V302",
            Family.BATCH,
            Severity.ERROR,
            "invalid ResourceRequirements",
            "Type is VCPU, MEMORY or GPU; Value is a positive number; MEMORY is in MiB, at least 4",
            ResourceRequirementsRule::new),
    JOB_NEVER_FITS(
            "CIRRUS-V303",
            Family.BATCH,
            Severity.ERROR,
            "a job needs more than any compute environment of its queue can provide",
            "lower the job's ResourceRequirements or give the queue a larger compute environment",
            JobCapacityRule::new),
    UNDEFINED_JOB_PARAMETER(
            "CIRRUS-V304",
            Family.BATCH,
            Severity.ERROR,
            "Ref::X in Command without a parameter X",
            "add X under the job definition's Parameters or pass it from the workflow",
            JobParameterRule::new),
    NO_PRE_BATCH(
            "CIRRUS-V305",
            Family.BATCH,
            Severity.WARNING,
            "a Batch step is not preceded by pre-batch",
            "run pre-batch first: it stores the payload in S3 and passes its url",
            PreBatchRule::new),
    NO_POST_BATCH(
            "CIRRUS-V306",
            Family.BATCH,
            Severity.WARNING,
            "a Batch step is not followed by post-batch",
            "make post-batch the Next state: it reads the output payload and the job's errors",
            PostBatchRule::new),
    NO_BATCH_RETRY(
            "CIRRUS-V307",
            Family.BATCH,
            Severity.WARNING,
            "a Batch step does not retry Batch.AWSBatchException",
            "add Retry: [{ErrorEquals: [Batch.AWSBatchException], IntervalSeconds: 600,"
                    + " MaxDelaySeconds: 86400, BackoffRate: 2.0, MaxAttempts: 20, JitterStrategy:"
                    + " FULL}]",
            BatchRetryRule::new),
    NO_CATCH_TO_POST_BATCH(
            "CIRRUS-V308",
            Family.BATCH,
            Severity.WARNING,
            "a Batch step does not catch its errors into post-batch",
            "add Catch: [{ErrorEquals: [States.ALL], ResultPath: $.error, Next: post-batch}]",
            BatchCatchRule::new),
    BATCH_NOT_IN_PARALLEL(
            "CIRRUS-V309",
            Family.BATCH,
            Severity.WARNING,
            "a Batch step is not grouped in a Parallel state",
            "wrap pre-batch, the Batch step and post-batch in a one-branch Parallel so they retry"
                    + " as one unit",
            BatchParallelRule::new),
    MIN_VCPUS_IDLE_COST(
            "CIRRUS-V310",
            Family.BATCH,
            Severity.WARNING,
            "MinvCpus above 0 keeps instances running (and billed) when no job runs",
            "set MinvCpus: 0 unless jobs must start without waiting for instances",
            MinvCpusRule::new),
    JOB_DEFINITION_SIZE(
            "CIRRUS-V311",
            Family.BATCH,
            Severity.ERROR,
            "a job definition is larger than the 24 KiB AWS Batch accepts",
            "move large values, such as environment variables, into the image or S3",
            JobDefinitionSizeRule::new),
    SUBMIT_JOB_PAYLOAD(
            "CIRRUS-V312",
            Family.BATCH,
            Severity.WARNING,
            "a Batch step may submit more than the 30 KiB SubmitJob accepts",
            "pass the url pre-batch returns, Parameters: {url.$: $.url}, not the payload",
            SubmitJobPayloadRule::new),
    BATCH_TARGET_TYPE(
            "CIRRUS-V313",
            Family.BATCH,
            Severity.ERROR,
            "a Batch step's JobQueue or JobDefinition names a resource of another type",
            "JobQueue names an AWS::Batch::JobQueue, JobDefinition an AWS::Batch::JobDefinition",
            BatchTargetRule::new),
    RUN_LAMBDA_NOT_DEPLOYED(
            "CIRRUS-V314",
            Family.BATCH,
            Severity.WARNING,
            "a job runs the code of a Lambda that is not deployed",
            "enable the task's lambda, whose code run-lambda downloads, or run an image of your own",
            RunLambdaRule::new),

    // 5. quotas
    COMPUTE_ENVIRONMENT_QUOTA(
            "CIRRUS-V401",
            Family.QUOTAS,
            Severity.ERROR,
            "more than 50 compute environments in the account and Region",
            "share compute environments between tasks, or deploy to another Region or account",
            ComputeEnvironmentQuotaRule::new),
    JOB_QUEUE_QUOTA(
            "CIRRUS-V402",
            Family.QUOTAS,
            Severity.ERROR,
            "more than 50 job queues in the account and Region",
            "share job queues between tasks, or deploy to another Region or account",
            JobQueueQuotaRule::new),
    ENVIRONMENTS_PER_QUEUE(
            "CIRRUS-V403",
            Family.QUOTAS,
            Severity.ERROR,
            "a job queue with more than 3 compute environments",
            "keep at most 3 entries in ComputeEnvironmentOrder",
            EnvironmentsPerQueueRule::new),
    RESOURCE_QUOTA(
            "CIRRUS-V404",
            Family.QUOTAS,
            Severity.ERROR,
            "more than 500 resources in one CloudFormation stack",
            "split the project into several stacks, or share Batch resources between tasks",
            ResourceQuotaRule::new),
    STATE_MACHINE_SIZE(
            "CIRRUS-V405",
            Family.QUOTAS,
            Severity.ERROR,
            "a state machine definition larger than the 1 MB Step Functions accepts",
            "split the workflow into chained workflows",
            StateMachineSizeRule::new),
    TEMPLATE_SIZE(
            "CIRRUS-V406",
            Family.QUOTAS,
            Severity.ERROR,
            "a CloudFormation template larger than the 1 MB CloudFormation accepts",
            "split the project into several stacks",
            TemplateSizeRule::new),
    LAMBDA_ENVIRONMENT_SIZE(
            "CIRRUS-V407",
            Family.QUOTAS,
            Severity.ERROR,
            "a Lambda environment larger than the 4 KB Lambda accepts",
            "keep large values in SSM Parameter Store or S3 and pass their names",
            LambdaEnvironmentSizeRule::new),

    // 6. IAM hygiene
    ACTION_WILDCARD(
            "CIRRUS-V501",
            Family.IAM,
            Severity.WARNING,
            "a policy allows every action (Action: '*')",
            "list the actions the code calls",
            ActionWildcardRule::new),
    WRITE_ON_ANY_RESOURCE(
            "CIRRUS-V502",
            Family.IAM,
            Severity.WARNING,
            "a policy allows write actions on every resource (Resource: '*')",
            "name the resources: ARNs, !GetAtt X.Arn, or prefixes such as arn:aws:s3:::bucket/*",
            WriteOnAnyResourceRule::new),
    NO_JOB_ROLE(
            "CIRRUS-V503",
            Family.IAM,
            Severity.WARNING,
            "a job definition without a job role runs with the instance role",
            "give the container a JobRoleArn with only the permissions the job needs",
            JobRoleRule::new);

    /** The groups of rules, as {@code docs/validation.md} presents them. */
    public enum Family {
        SCHEMA("Syntax and schema"),
        REFERENCES("References"),
        WORKFLOWS("Workflows"),
        BATCH("AWS Batch"),
        QUOTAS("Quotas"),
        IAM("IAM hygiene");

        private final String title;

        Family(String title) {
            this.title = title;
        }

        public String title() {
            return title;
        }
    }

    /** Code of the finding reported when a rule itself fails (a bug in cirrus, never expected). */
    public static final String INTERNAL_ERROR = "CIRRUS-V000";

    private final String code;
    private final Family family;
    private final Severity severity;
    private final String title;
    private final String hint;
    private final Supplier<Rule> factory;

    RuleCatalog(
            String code,
            Family family,
            Severity severity,
            String title,
            String hint,
            Supplier<Rule> factory) {
        this.code = code;
        this.family = family;
        this.severity = severity;
        this.title = title;
        this.hint = hint;
        this.factory = factory;
    }

    /** The stable code, e.g. {@code CIRRUS-V101}. */
    public String code() {
        return code;
    }

    public Family family() {
        return family;
    }

    public Severity severity() {
        return severity;
    }

    /** What a finding of this rule means, in a few words. */
    public String title() {
        return title;
    }

    /** The usual fix, shown in brackets after each finding; {@code null} when it varies. */
    public String hint() {
        return hint;
    }

    /** A new instance of the rule. */
    public Rule rule() {
        return factory.get();
    }

    /**
     * Whether the rule needs every component and template of the project: rules that look for what
     * is missing would report false findings when part of the project could not be loaded.
     */
    public boolean needsCompleteProject() {
        return family == Family.REFERENCES
                || this == NO_JOB_DEFINITION
                || this == RUN_LAMBDA_NOT_DEPLOYED
                || this == BATCH_TARGET_TYPE;
    }
}
