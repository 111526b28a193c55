package cirrus.local.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import cirrus.diag.Diagnostic;

class LocalModelBuilderTest {
    private static final String ACCOUNT = "000000000000";

    @TempDir Path project;

    private Path serverlessYml(String text) throws IOException {
        Path build = Files.createDirectories(project.resolve(".cirrus/build"));
        return Files.writeString(build.resolve("serverless.yml"), text);
    }

    private Path golden() throws IOException {
        try (InputStream in = getClass().getResourceAsStream("init-only-serverless.yml")) {
            return serverlessYml(
                    new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8));
        }
    }

    private LocalModel load(Path yml, ModelOptions options) {
        return LocalModelBuilder.load(yml, project, options);
    }

    private static ModelOptions options() {
        return ModelOptions.defaults().withEnvironment(Map.of());
    }

    @SuppressWarnings("unchecked")
    private static Object at(Object tree, Object... path) {
        Object cur = tree;
        for (Object p : path) {
            cur =
                    p instanceof Integer i
                            ? ((List<Object>) cur).get(i)
                            : ((Map<String, Object>) cur).get(p);
        }
        return cur;
    }

    @Test
    void theInitProjectRunsAsStackCirrusDevInUsWest2() throws IOException {
        LocalModel model = load(golden(), options());

        assertThat(model.names().stackName()).isEqualTo("cirrus-dev");
        assertThat(model.names().region()).isEqualTo("us-west-2");
        assertThat(model.stateDirectory())
                .isEqualTo(project.resolve(".cirrus/local").toAbsolutePath());
        assertThat(model.functions().keySet())
                .containsExactly(
                        "api",
                        "process",
                        "update-state",
                        "feed-rerun",
                        "post-batch",
                        "pre-batch",
                        "publish");
        assertThat(model.stateMachines().keySet()).containsExactly("publish-only");
    }

    @Test
    void functionsGetLocalNamesArnsAndAFullyResolvedEnvironment() throws IOException {
        LocalModel model = load(golden(), options());

        LocalFunction publish = model.function("publish").orElseThrow();
        assertThat(publish.name()).isEqualTo("cirrus-dev-publish");
        assertThat(publish.arn())
                .isEqualTo("arn:aws:lambda:us-west-2:" + ACCOUNT + ":function:cirrus-dev-publish");
        assertThat(publish.handler()).contains("lambda_function.lambda_handler");
        assertThat(publish.runtime()).as("provider.runtime").isEqualTo("python3.9");
        assertThat(publish.isPython()).isTrue();
        assertThat(publish.timeout()).isEqualTo(Duration.ofSeconds(30));
        assertThat(publish.memorySize()).isEqualTo(128);
        assertThat(publish.codeDirectory())
                .contains(project.resolve(".cirrus/build/lambdas/publish").toAbsolutePath());
        assertThat(publish.environment())
                .containsEntry("CIRRUS_LOG_LEVEL", "DEBUG")
                .containsEntry("CIRRUS_DATA_BUCKET", "cirrus-dev-data")
                .containsEntry("CIRRUS_PAYLOAD_BUCKET", "cirrus-dev-payloads")
                .containsEntry("CIRRUS_STATE_DB", "cirrus-dev-state")
                .containsEntry(
                        "CIRRUS_EVENT_DB_AND_TABLE",
                        "cirrus-dev-state-events|cirrus-dev-state-events-table")
                .containsEntry("CIRRUS_STACK", "cirrus-dev")
                .containsEntry(
                        "CIRRUS_PROCESS_QUEUE_URL",
                        "https://sqs.us-west-2.amazonaws.com/" + ACCOUNT + "/cirrus-dev-process")
                .containsEntry(
                        "CIRRUS_PUBLISH_TOPIC_ARN",
                        "arn:aws:sns:us-west-2:" + ACCOUNT + ":cirrus-dev-publish")
                .containsEntry(
                        "CIRRUS_FAILED_TOPIC_ARN",
                        "arn:aws:sns:us-west-2:" + ACCOUNT + ":cirrus-dev-failed")
                .containsEntry(
                        "CIRRUS_WORKFLOW_EVENT_TOPIC_ARN",
                        "arn:aws:sns:us-west-2:" + ACCOUNT + ":cirrus-dev-workflow-event");
        assertThat(model.function("process").orElseThrow().environment())
                .containsEntry("CIRRUS_BASE_WORKFLOW_ARN", model.baseWorkflowArn());
        assertThat(model.baseWorkflowArn())
                .isEqualTo("arn:aws:states:us-west-2:" + ACCOUNT + ":stateMachine:cirrus-dev-");
        assertThat(model.function(publish.arn())).contains(publish);
        assertThat(model.function("cirrus-dev-publish")).contains(publish);
    }

    @Test
    void workflowDefinitionsReferToLocalFunctionArns() throws IOException {
        LocalModel model = load(golden(), options());

        LocalStateMachine sm = model.stateMachine("publish-only").orElseThrow();
        assertThat(sm.name()).isEqualTo("cirrus-dev-publish-only");
        assertThat(sm.arn()).isEqualTo(model.baseWorkflowArn() + "publish-only");
        assertThat(at(sm.definition(), "States", "publish", "Resource"))
                .isEqualTo(model.function("publish").orElseThrow().arn());
        assertThat(sm.definitionJson())
                .startsWith("{\"Comment\":")
                .contains("\"StartAt\":\"publish\"");
        assertThat(model.stateMachine(sm.arn())).contains(sm);
    }

    @Test
    @SuppressWarnings("unchecked")
    void batchResourcesHaveResolvedPropertiesAndArns() throws IOException {
        LocalModel model = load(golden(), options());

        LocalResource queue = model.resources().get("BasicOnDemandJobQueue");
        LocalResource ce = model.resources().get("BasicOnDemandComputeEnvironment");
        assertThat(queue.name()).isEqualTo("cirrus-dev-basic-ondemand");
        assertThat(queue.ref())
                .isEqualTo(
                        "arn:aws:batch:us-west-2:"
                                + ACCOUNT
                                + ":job-queue/cirrus-dev-basic-ondemand");
        assertThat(at(queue.properties(), "ComputeEnvironmentOrder", 0, "ComputeEnvironment"))
                .isEqualTo(ce.ref())
                .isEqualTo(
                        "arn:aws:batch:us-west-2:"
                                + ACCOUNT
                                + ":compute-environment/cirrus-dev-basic-ondemand");
        assertThat(at(ce.properties(), "ComputeResources", "MaxvCpus")).isEqualTo(128L);
        assertThat(at(ce.properties(), "State")).isEqualTo("ENABLED");

        LocalResource job = model.resources().get("GeoLambdaAsBatchJob");
        assertThat(job.ref())
                .isEqualTo(
                        "arn:aws:batch:us-west-2:"
                                + ACCOUNT
                                + ":job-definition/cirrus-dev-geolambda-as-batch");
        assertThat(at(job.properties(), "ContainerProperties", "Memory")).isEqualTo(2048L);
        assertThat(at(job.properties(), "ContainerProperties", "Command"))
                .isEqualTo(List.of("run", "Ref::lambda_function", "Ref::url"));
        assertThat((List<Object>) at(job.properties(), "ContainerProperties", "Environment"))
                .contains(
                        Map.of("Name", "AWS_REGION", "Value", "us-west-2"),
                        Map.of("Name", "CIRRUS_DATA_BUCKET", "Value", "cirrus-dev-data"),
                        Map.of("Name", "GDAL_DATA", "Value", "/usr/local/share/gdal"));
        assertThat(model.resources(ResourceKind.JOB_DEFINITION))
                .extracting(LocalResource::logicalId)
                .containsExactly("GeoLambdaAsBatchJob", "LambdaAsBatchJob");
    }

    @Test
    void bucketsAreDirectoriesAndQueuesKeepTheirRedrivePolicy() throws IOException {
        LocalModel model = load(golden(), options());

        assertThat(model.bucket("Data").orElseThrow().directory())
                .isEqualTo(model.stateDirectory().resolve("buckets/cirrus-dev-data"));
        assertThat(model.bucket("cirrus-dev-payloads"))
                .map(LocalBucket::logicalId)
                .contains("Payloads");
        LocalQueue process = model.queue("ProcessQueue").orElseThrow();
        assertThat(process.name()).isEqualTo("cirrus-dev-process");
        assertThat(process.visibilityTimeout()).isEqualTo(Duration.ofSeconds(180));
        assertThat(process.deadLetterQueue()).contains("cirrus-dev-process-dead-letter");
        assertThat(process.maxReceiveCount()).isEqualTo(5);
        assertThat(model.queue(process.url())).contains(process);
        assertThat(model.topic("arn:aws:sns:us-west-2:" + ACCOUNT + ":cirrus-dev-publish"))
                .map(LocalTopic::logicalId)
                .contains("PublishTopic");
    }

    @Test
    void stageRegionAndStateDirectoryOptionsChangeTheNames() throws IOException {
        Path state = project.resolve("elsewhere");
        LocalModel model =
                load(
                        golden(),
                        options()
                                .withStage("prod")
                                .withRegion("eu-west-1")
                                .withStateDirectory(state));

        assertThat(model.names().stackName()).isEqualTo("cirrus-prod");
        assertThat(model.stateMachine("publish-only").orElseThrow().arn())
                .isEqualTo(
                        "arn:aws:states:eu-west-1:"
                                + ACCOUNT
                                + ":stateMachine:cirrus-prod-publish-only");
        assertThat(model.bucket("Data").orElseThrow().directory())
                .isEqualTo(state.toAbsolutePath().resolve("buckets/cirrus-prod-data"));
    }

    private static final String BATCH_PROJECT =
            """
            service: proj
            provider:
              name: aws
              stage: ${opt:stage, 'dev'}
              region: ${opt:region, 'us-west-2'}
              runtime: python3.9
              environment:
                STACK: !Sub "${AWS::StackName}"
            custom:
              local:
                python: /usr/bin/python3
                javaClasspath: [lib/tasks.jar]
                images:
                  example/reproject:latest: [python3, bin/run.py]
                  "123456789012.dkr.ecr.*.amazonaws.com/other:*":
                    entrypoint: []
                    workdir: tasks/other
                    environment: {A: 1}
                  my-java:1: {java: com.example.Task}
            functions:
              pre-batch:
                handler: cirrus.aws.handler.PreBatchHandler::handleRequest
                runtime: java17
                environment:
                  QUEUE: !Ref ReprojectJobQueue
                  AZ: !Select [1, !GetAZs ""]
                  OPTIONAL: !If [IsProd, "yes", !Ref AWS::NoValue]
                  JOINED: !Join [",", [a, !Ref AWS::Region]]
                  SELF: !GetAtt PreDashbatchLambdaFunction.Arn
              reproject:
                handler: app.handler
                timeout: 900
            stepFunctions:
              stateMachines:
                reproject:
                  name: ${self:service}-${self:provider.stage}-reproject
                  definition:
                    StartAt: pre
                    States:
                      pre: {Type: Task, Resource: !GetAtt pre-batch.Arn, Next: batch}
                      batch:
                        Type: Task
                        Resource: arn:aws:states:::batch:submitJob.sync
                        Parameters:
                          JobName: reproject
                          JobQueue: "#{ReprojectJobQueue}"
                          JobDefinition: !Ref ReprojectBatchJob
                          Parameters: {url.$: $.url}
                        End: true
            resources:
              Conditions:
                IsProd: !Equals [prod, "${self:provider.stage}"]
              Resources:
                ReprojectBatchJob:
                  Type: AWS::Batch::JobDefinition
                  Properties:
                    JobDefinitionName: "#{AWS::StackName}-reproject"
                    Type: Container
                    Parameters: {url: ""}
                    ContainerProperties:
                      Command: [run, Ref::url]
                      Image: example/reproject:latest
                      ResourceRequirements:
                        - {Type: VCPU, Value: "2"}
                ReprojectComputeEnvironment:
                  Type: AWS::Batch::ComputeEnvironment
                  Properties:
                    ComputeResources: {MaxvCpus: 4}
                ReprojectJobQueue:
                  Type: AWS::Batch::JobQueue
                  Properties:
                    Priority: 1
                    ComputeEnvironmentOrder:
                      - {Order: 1, ComputeEnvironment: !Ref ReprojectComputeEnvironment}
                ProdOnlyQueue:
                  Type: AWS::SQS::Queue
                  Condition: IsProd
            """;

    @Test
    void batchTaskPatternResolvesJobQueueAndDefinitionToLocalArns() throws IOException {
        LocalModel model = load(serverlessYml(BATCH_PROJECT), options());

        LocalStateMachine sm = model.stateMachine("reproject").orElseThrow();
        assertThat(at(sm.definition(), "States", "pre", "Resource"))
                .isEqualTo("arn:aws:lambda:us-west-2:" + ACCOUNT + ":function:proj-dev-pre-batch");
        assertThat(at(sm.definition(), "States", "batch", "Parameters", "JobQueue"))
                .as("#{X} has Ref semantics")
                .isEqualTo(
                        "arn:aws:batch:us-west-2:"
                                + ACCOUNT
                                + ":job-queue/proj-dev-ReprojectJobQueue");
        assertThat(at(sm.definition(), "States", "batch", "Parameters", "JobDefinition"))
                .isEqualTo(
                        "arn:aws:batch:us-west-2:"
                                + ACCOUNT
                                + ":job-definition/proj-dev-reproject");
        assertThat(at(sm.definition(), "States", "batch", "Parameters", "Parameters"))
                .isEqualTo(Map.of("url.$", "$.url"));
        assertThat(model.resources()).doesNotContainKey("ProdOnlyQueue");
    }

    @Test
    void intrinsicFunctionsInEnvironmentsEvaluateLocally() throws IOException {
        LocalModel model = load(serverlessYml(BATCH_PROJECT), options());

        LocalFunction pre = model.function("pre-batch").orElseThrow();
        assertThat(pre.isJava()).isTrue();
        assertThat(pre.codeDirectory()).isEmpty();
        assertThat(pre.environment())
                .containsEntry("STACK", "proj-dev")
                .containsEntry(
                        "QUEUE",
                        "arn:aws:batch:us-west-2:"
                                + ACCOUNT
                                + ":job-queue/proj-dev-ReprojectJobQueue")
                .containsEntry("AZ", "us-west-2b")
                .containsEntry("JOINED", "a,us-west-2")
                .containsEntry("SELF", pre.arn())
                .doesNotContainKey("OPTIONAL");
        assertThat(model.function("reproject").orElseThrow().timeout())
                .isEqualTo(Duration.ofSeconds(900));
        assertThat(model.function("reproject").orElseThrow().memorySize()).isEqualTo(1024);

        LocalModel prod = load(serverlessYml(BATCH_PROJECT), options().withStage("prod"));
        assertThat(prod.function("pre-batch").orElseThrow().environment())
                .containsEntry("OPTIONAL", "yes");
        assertThat(prod.resources()).containsKey("ProdOnlyQueue");
    }

    @Test
    void localSettingsMapImagesToCommands() throws IOException {
        LocalSettings settings = load(serverlessYml(BATCH_PROJECT), options()).settings();

        assertThat(settings.python()).isEqualTo("/usr/bin/python3");
        assertThat(settings.javaClasspath()).containsExactly("lib/tasks.jar");
        assertThat(settings.imageCommand("example/reproject:latest").orElseThrow().entrypoint())
                .containsExactly("python3", "bin/run.py");
        ImageCommand other =
                settings.imageCommand("123456789012.dkr.ecr.eu-west-1.amazonaws.com/other:dev")
                        .orElseThrow();
        assertThat(other.entrypoint()).isEmpty();
        assertThat(other.workingDirectory()).contains("tasks/other");
        assertThat(other.environment()).containsEntry("A", "1");
        assertThat(settings.imageCommand("my-java:1").orElseThrow().javaClass())
                .contains("com.example.Task");
        assertThat(settings.imageCommand("unknown:1")).isEmpty();
    }

    @Test
    void unknownReferencesAreReportedAtTheirPlaceInServerlessYml() throws IOException {
        Path yml =
                serverlessYml(
                        """
                        service: proj
                        provider: {name: aws, stage: dev, region: us-west-2}
                        stepFunctions:
                          stateMachines:
                            wf:
                              name: proj-dev-wf
                              definition:
                                StartAt: a
                                States:
                                  a:
                                    Type: Task
                                    Resource: !GetAtt no-such-function.Arn
                                    End: true
                        functions:
                          f:
                            handler: x.y
                            environment:
                              Q: !Ref MissingQueue
                              V: ${opt:nope}
                        custom:
                          local:
                            images: {img: 3}
                            colour: blue
                        """);

        assertThatThrownBy(() -> load(yml, options()))
                .isInstanceOf(ModelException.class)
                .satisfies(
                        e ->
                                assertThat(((ModelException) e).diagnostics())
                                        .extracting(Diagnostic::format)
                                        .containsExactlyInAnyOrder(
                                                yml
                                                        + ":19:10: error[CIRRUS-R001] cannot resolve '${opt:nope}': no --nope"
                                                        + " option was given; add a default, e.g. ${opt:nope, 'value'}",
                                                yml
                                                        + ":18:10: error[CIRRUS-L001] Ref to 'MissingQueue': no resource,"
                                                        + " function or parameter has that name",
                                                yml
                                                        + ":12:23: error[CIRRUS-L001] Fn::GetAtt of 'no-such-function.Arn':"
                                                        + " no resource or function has the logical id 'no-such-function'",
                                                yml
                                                        + ":22:19: error[CIRRUS-L005] image 'img' must map to a command"
                                                        + " list or to {entrypoint, workdir, environment, java}",
                                                yml
                                                        + ":23:5: error[CIRRUS-L005] unknown setting custom.local.colour"
                                                        + " (known: stateDir, python, javaClasspath, images)"));
    }

    @Test
    void unsupportedIntrinsicsAreErrorsOnlyWhereTheEngineNeedsTheValue() throws IOException {
        Path yml =
                serverlessYml(
                        """
                        service: proj
                        provider: {name: aws}
                        functions:
                          f: {handler: x.y, environment: {SHARED: !ImportValue other-stack-output}}
                        resources:
                          Resources:
                            Vpc:
                              Type: AWS::EC2::VPC
                              Properties: {CidrBlock: !ImportValue shared-cidr}
                        """);

        assertThatThrownBy(() -> load(yml, options()))
                .isInstanceOf(ModelException.class)
                .hasMessage(
                        yml
                                + ":4:43: error[CIRRUS-L002] Fn::ImportValue cannot be evaluated by the"
                                + " local engine");
    }
}
