package cirrus.compile.cfn;

import static cirrus.compile.cfn.Templates.compile;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.junit.jupiter.api.Test;

/** The template of a function and what the Serverless Framework would deploy for it. */
class CloudFormationTargetTest {
    static final String SERVICE =
            """
            service: svc
            provider:
              name: aws
              stage: ${opt:stage, 'dev'}
              region: ${opt:region, 'us-west-2'}
              runtime: python3.12
              environment:
                BUCKET: !Ref Data
            """;

    static final String PYTHON_FUNCTION =
            """
            functions:
              my-task:
                handler: lambda_function.lambda_handler
                module: lambdas/my-task
                description: Does things
                environment:
                  BUCKET: !Ref Data
                  COUNT: 13
                iamRoleStatements:
                  - Effect: Allow
                    Action: s3:GetObject
                    Resource: "*"
            resources:
              Resources:
                Data:
                  Type: AWS::S3::Bucket
            """;

    @Test
    void aFunctionBecomesALambdaFunctionWithItsLogGroupAndItsOwnRole() {
        var c = compile(SERVICE + PYTHON_FUNCTION);

        assertThat(c.findings()).isEmpty();
        Map<String, Object> fn = c.properties("MyDashtaskLambdaFunction");
        assertThat(fn)
                .containsEntry("FunctionName", "svc-dev-my-task")
                .containsEntry("Handler", "lambda_function.lambda_handler")
                .containsEntry("Runtime", "python3.12")
                .containsEntry("MemorySize", 1024L)
                .containsEntry("Timeout", 6L)
                .containsEntry("Description", "Does things")
                .containsEntry(
                        "Role",
                        Map.of("Fn::GetAtt", List.of("MyDashtaskIamRoleLambdaExecution", "Arn")))
                .containsEntry(
                        "Code",
                        Map.of(
                                "S3Bucket",
                                Map.of("Ref", "LambdaCodeBucket"),
                                "S3Key",
                                Map.of("Ref", "MyDashtaskCodeKey")));
        assertThat(Tree.map(Tree.map(fn.get("Environment")).get("Variables")))
                .as("values are strings or intrinsics")
                .containsEntry("BUCKET", Map.of("Ref", "Data"))
                .containsEntry("COUNT", "13");
        assertThat(c.properties("MyDashtaskLogGroup"))
                .containsEntry("LogGroupName", "/aws/lambda/svc-dev-my-task");
        assertThat(c.resource("MyDashtaskLambdaFunction").get("DependsOn"))
                .isEqualTo(List.of("MyDashtaskLogGroup"));
        assertThat(c.stack().get().artifacts())
                .containsExactly(
                        new CodeArtifact(
                                "MyDashtaskCodeKey",
                                "lambdas/my-task",
                                CodeArtifact.Kind.PYTHON_DIRECTORY));
    }

    @Test
    void theRoleMayWriteTheFunctionsLogsAndDoWhatItsStatementsAllow() {
        var c = compile(SERVICE + PYTHON_FUNCTION);

        Map<String, Object> role = c.properties("MyDashtaskIamRoleLambdaExecution");
        String json = Json.compact(role);
        assertThat(json)
                .contains("lambda.amazonaws.com")
                .contains("log-group:/aws/lambda/svc-dev-my-task:*")
                .contains("\"Action\":\"s3:GetObject\"");
        assertThat(role).doesNotContainKey("ManagedPolicyArns");
    }

    @Test
    void stageAndRegionOptionsResolveTheServerlessVariables() {
        var c =
                compile(
                        SERVICE + PYTHON_FUNCTION,
                        new CloudFormationTarget.Options(
                                Optional.of("prod"), Optional.of("eu-west-1"), Map.of()));

        assertThat(c.stack().get().stackName()).isEqualTo("svc-prod");
        assertThat(c.stack().get().region()).isEqualTo("eu-west-1");
        assertThat(c.properties("MyDashtaskLambdaFunction"))
                .containsEntry("FunctionName", "svc-prod-my-task");
    }

    @Test
    void anUnresolvableVariableStopsTheTemplate() {
        var c =
                compile(
                        SERVICE
                                + PYTHON_FUNCTION.replace(
                                        "COUNT: 13", "COUNT: ${env:NOPE_NOT_SET}"));

        assertThat(c.stack()).isEmpty();
        assertThat(c.codes()).containsExactly("CIRRUS-R001");
        assertThat(c.findings().get(0).message()).contains("${env:NOPE_NOT_SET}");
    }

    @Test
    void reservedConcurrencyAndTheProvidersVpcApplyAndTheRoleMayUseTheVpc() {
        var c =
                compile(
                        SERVICE.replace(
                                        "  environment:",
                                        "  vpc:\n    securityGroupIds: [sg-1]\n    subnetIds: [subnet-1]\n  environment:")
                                + PYTHON_FUNCTION.replace(
                                        "description: Does things", "reservedConcurrency: 16"));

        assertThat(c.properties("MyDashtaskLambdaFunction"))
                .containsEntry("ReservedConcurrentExecutions", 16L)
                .containsEntry(
                        "VpcConfig",
                        Map.of(
                                "SecurityGroupIds",
                                List.of("sg-1"),
                                "SubnetIds",
                                List.of("subnet-1")));
        assertThat(Json.compact(c.properties("MyDashtaskIamRoleLambdaExecution")))
                .contains("AWSLambdaVPCAccessExecutionRole");
    }

    @Test
    void providerLayersTracingAndStorageSettingsApply() {
        var c =
                compile(
                        SERVICE.replace(
                                        "  environment:",
                                        "  layers: [arn:aws:lambda:us-west-2:1:layer:geo:3]\n  tracing: {lambda: true}\n  deploymentBucket: {name: my-artifacts}\n  environment:")
                                + PYTHON_FUNCTION.replace(
                                        "description: Does things", "ephemeralStorageSize: 2048"));

        assertThat(c.findings()).isEmpty();
        assertThat(c.properties("MyDashtaskLambdaFunction"))
                .containsEntry("Layers", List.of("arn:aws:lambda:us-west-2:1:layer:geo:3"))
                .containsEntry("TracingConfig", Map.of("Mode", "Active"))
                .containsEntry("EphemeralStorage", Map.of("Size", 2048L));
        assertThat(c.stack().get().deploymentBucket()).contains("my-artifacts");
    }

    @Test
    void aProviderSettingWithoutEffectIsAWarning() {
        var c =
                compile(
                        SERVICE.replace("  environment:", "  stackPolicy: []\n  environment:")
                                + PYTHON_FUNCTION);

        assertThat(c.stack()).isPresent();
        assertThat(c.findings())
                .extracting(d -> d.code() + " " + d.message())
                .containsExactly(
                        "CIRRUS-CF010 provider.stackPolicy: has no effect on the CloudFormation template");
    }

    @Test
    void functionsSharingAnArtifactShareItsKeyParameter() {
        var c =
                compile(
                        SERVICE
                                + """
                                functions:
                                  api:
                                    runtime: java21
                                    handler: cirrus.aws.handler.ApiHandler::handleRequest
                                    package: {artifact: lambdas/cirrus-builtins.jar}
                                  process:
                                    runtime: java21
                                    handler: cirrus.aws.handler.ProcessHandler::handleRequest
                                    package: {artifact: lambdas/cirrus-builtins.jar}
                                resources:
                                  Resources:
                                    Data: {Type: AWS::S3::Bucket}
                                """);

        assertThat(c.stack().get().artifacts())
                .containsExactly(
                        new CodeArtifact(
                                "CirrusDashbuiltinsJarCodeKey",
                                "lambdas/cirrus-builtins.jar",
                                CodeArtifact.Kind.FILE));
        assertThat(Tree.map(c.template().get("Parameters")))
                .containsOnlyKeys("LambdaCodeBucket", "CirrusDashbuiltinsJarCodeKey");
        assertThat(Json.compact(c.template().get("Metadata")))
                .contains(
                        "\"CirrusDashbuiltinsJarCodeKey\":{\"Path\":\"lambdas/cirrus-builtins.jar\",\"Type\":\"file\"}");
    }

    @Test
    void aFunctionWithoutCodeIsAnError() {
        var c =
                compile(
                        SERVICE
                                + "functions:\n  x:\n    handler: a.b\nresources:\n  Resources:\n    Data: {Type: AWS::S3::Bucket}\n");

        assertThat(c.stack()).isEmpty();
        assertThat(c.codes()).containsExactly("CIRRUS-CF005");
        assertThat(c.findings().get(0).message()).startsWith("functions.x: ");
    }

    @Test
    void aSettingWithoutTranslationIsAnErrorNotSilentlyDropped() {
        var c =
                compile(
                        SERVICE
                                + PYTHON_FUNCTION.replace(
                                        "description: Does things", "provisionedConcurrency: 2"));

        assertThat(c.codes()).containsExactly("CIRRUS-CF002");
        assertThat(c.findings().get(0).message())
                .startsWith("functions.my-task.provisionedConcurrency: not translated");
    }

    @Test
    void aFunctionNameLongerThanLambdaAllowsIsAnError() {
        var c =
                compile(
                        SERVICE.replace("service: svc", "service: " + "s".repeat(60))
                                + PYTHON_FUNCTION);

        assertThat(c.codes()).contains("CIRRUS-CF008");
    }

    @Test
    void theProjectsResourcesComeFirstAndMayOverrideGeneratedProperties() {
        var c =
                compile(
                        SERVICE
                                + PYTHON_FUNCTION
                                + """
                                    MyDashtaskLogGroup:
                                      Properties:
                                        RetentionInDays: 14
                                  Outputs:
                                    DataBucket:
                                      Value: !Ref Data
                                  Description: My stack
                                """);

        assertThat(c.findings()).isEmpty();
        assertThat(c.resources().keySet()).first().isEqualTo("Data");
        assertThat(c.resource("MyDashtaskLogGroup"))
                .containsEntry("Type", "AWS::Logs::LogGroup")
                .containsEntry(
                        "Properties",
                        Map.of(
                                "LogGroupName",
                                "/aws/lambda/svc-dev-my-task",
                                "RetentionInDays",
                                14L));
        assertThat(c.template())
                .containsEntry("Description", "My stack")
                .containsEntry("AWSTemplateFormatVersion", "2010-09-09");
        assertThat(Tree.map(c.template().get("Outputs"))).containsKey("DataBucket");
    }

    @Test
    void aReferenceToNothingIsAnErrorWithItsPath() {
        var c = compile(SERVICE + PYTHON_FUNCTION.replace("COUNT: 13", "ARN: !GetAtt Missing.Arn"));

        assertThat(c.codes()).containsExactly("CIRRUS-CF009");
        assertThat(c.findings().get(0).message())
                .isEqualTo(
                        "Resources.MyDashtaskLambdaFunction.Properties.Environment.Variables.ARN: Fn::GetAtt of 'Missing', which is not a resource of the template");
    }
}
