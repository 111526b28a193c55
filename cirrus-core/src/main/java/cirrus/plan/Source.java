package cirrus.plan;

/**
 * The documents a verdict rests on, with the short names used in {@code docs/plan.md} and in plan
 * output.
 */
public enum Source {
    CFN_JD(
            "CFN-JD",
            "https://docs.aws.amazon.com/AWSCloudFormation/latest/TemplateReference/aws-resource-batch-jobdefinition.html"),
    CFN_RRP(
            "CFN-RRP",
            "https://docs.aws.amazon.com/AWSCloudFormation/latest/TemplateReference/aws-properties-batch-jobdefinition-resourceretentionpolicy.html"),
    CFN_CE(
            "CFN-CE",
            "https://docs.aws.amazon.com/AWSCloudFormation/latest/TemplateReference/aws-resource-batch-computeenvironment.html"),
    CFN_CR(
            "CFN-CR",
            "https://docs.aws.amazon.com/AWSCloudFormation/latest/UserGuide/aws-properties-batch-computeenvironment-computeresources.html"),
    CFN_LTS(
            "CFN-LTS",
            "https://docs.aws.amazon.com/AWSCloudFormation/latest/UserGuide/aws-properties-batch-computeenvironment-launchtemplatespecification.html"),
    CFN_UP(
            "CFN-UP",
            "https://docs.aws.amazon.com/AWSCloudFormation/latest/TemplateReference/aws-properties-batch-computeenvironment-updatepolicy.html"),
    CFN_JQ(
            "CFN-JQ",
            "https://docs.aws.amazon.com/AWSCloudFormation/latest/TemplateReference/aws-resource-batch-jobqueue.html"),
    CFN_LT(
            "CFN-LT",
            "https://docs.aws.amazon.com/AWSCloudFormation/latest/UserGuide/aws-resource-ec2-launchtemplate.html"),
    CFN_LT_DEFAULT(
            "CFN-LT-DEFAULT",
            "https://github.com/aws-cloudformation/cloudformation-coverage-roadmap/issues/1518"),
    CFN_NAME(
            "CFN-NAME",
            "https://docs.aws.amazon.com/AWSCloudFormation/latest/UserGuide/aws-properties-name.html"),
    CFN_JQ_409(
            "CFN-JQ-409",
            "https://github.com/aws-cloudformation/cloudformation-coverage-roadmap/issues/2463"),
    SCHEMA(
            "SCHEMA",
            "https://github.com/aws-cloudformation/cfn-lint/tree/main/src/cfnlint/data/schemas/providers/us_east_1"),
    UG_INFRA(
            "UG-INFRA",
            "https://docs.aws.amazon.com/batch/latest/userguide/infrastructure-updates.html"),
    UG_UPD(
            "UG-UPD",
            "https://docs.aws.amazon.com/batch/latest/userguide/updating-compute-environments.html"),
    UG_BG("UG-BG", "https://docs.aws.amazon.com/batch/latest/userguide/blue-green-updates.html"),
    UG_Q("UG-Q", "https://docs.aws.amazon.com/batch/latest/userguide/service_limits.html"),
    API_LTS(
            "API-LTS",
            "https://docs.aws.amazon.com/batch/latest/APIReference/API_LaunchTemplateSpecification.html"),
    API_CRU(
            "API-CRU",
            "https://docs.aws.amazon.com/batch/latest/APIReference/API_ComputeResourceUpdate.html"),
    API_SJ("API-SJ", "https://docs.aws.amazon.com/batch/latest/APIReference/API_SubmitJob.html"),
    API_DJQ(
            "API-DJQ",
            "https://docs.aws.amazon.com/batch/latest/APIReference/API_DeleteJobQueue.html"),
    API_DCE(
            "API-DCE",
            "https://docs.aws.amazon.com/batch/latest/APIReference/API_DeleteComputeEnvironment.html"),
    API_DJD(
            "API-DJD",
            "https://docs.aws.amazon.com/batch/latest/APIReference/API_DeregisterJobDefinition.html"),
    SFN_UPD(
            "SFN-UPD",
            "https://docs.aws.amazon.com/step-functions/latest/apireference/API_UpdateStateMachine.html"),
    SFN_DEL(
            "SFN-DEL",
            "https://docs.aws.amazon.com/step-functions/latest/apireference/API_DeleteStateMachine.html"),
    CDK_9144("CDK-9144", "https://github.com/aws/aws-cdk/issues/9144"),
    SEED(
            "SEED",
            "cirrus v0.15.4 docs, components/tasks/batch: Managing changes to Batch resources"),
    CIRRUS_149("CIRRUS-149", "https://github.com/cirrus-geo/cirrus-geo/issues/149");

    private final String id;
    private final String url;

    Source(String id, String url) {
        this.id = id;
        this.url = url;
    }

    /** The short name ({@code CFN-CR}). */
    public String id() {
        return id;
    }

    /** Where the document is. */
    public String url() {
        return url;
    }
}
