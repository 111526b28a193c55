package cirrus.cli.aws;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.time.Clock;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.cloudformation.CloudFormationClient;
import software.amazon.awssdk.services.cloudformation.model.StackResourceSummary;
import software.amazon.awssdk.services.lambda.LambdaClient;
import software.amazon.awssdk.services.lambda.model.FunctionConfiguration;

import cirrus.aws.config.AwsClients;
import cirrus.aws.config.AwsSettings;
import cirrus.aws.handler.Deployment;
import cirrus.aws.moto.CallRecorder;
import cirrus.aws.moto.MotoAws;
import cirrus.aws.moto.MotoIam;
import cirrus.aws.moto.MotoServer;
import cirrus.cli.Cli;
import cirrus.cli.Environment;
import cirrus.cli.ExitCode;

/**
 * A project deployed with {@code cirrus deploy} to a moto server of its own, then put under IAM
 * enforcement: every IAM role of the stack that has policies is stood in for by a user holding
 * exactly those policies ({@link MotoIam}), and the harness itself acts as an administrator user. A
 * builtin function runs in-process with the environment CloudFormation gave its Lambda and the
 * access key of its role's stand-in.
 */
final class DeployedStack implements AutoCloseable {
    static final String STACK = "cirrus-dev";
    private static final ObjectMapper JSON = new ObjectMapper();

    final MotoServer moto;
    final Path project;

    /** {@code <service>-dev}: the stack {@code cirrus deploy} creates for the project. */
    final String stackName;

    /** Logical id → physical id of every stack resource. */
    final Map<String, String> resources = new LinkedHashMap<>();

    /** Role logical id → its policies as deployed (names → documents). */
    final Map<String, Map<String, JsonNode>> rolePolicies = new LinkedHashMap<>();

    /** Role logical id → the key of its stand-in user. */
    final Map<String, AwsBasicCredentials> roleKeys = new LinkedHashMap<>();

    /** Function name (without the stack prefix) → its role's logical id. */
    final Map<String, String> functionRoles = new LinkedHashMap<>();

    /** Function name → the Lambda environment CloudFormation set. */
    final Map<String, Map<String, String>> lambdaEnvironments = new LinkedHashMap<>();

    final AwsClients admin;
    private final AwsBasicCredentials adminKey;

    private DeployedStack(MotoServer moto, Path project, AwsBasicCredentials adminKey) {
        this.moto = moto;
        this.project = project;
        this.stackName = serviceOf(project) + "-dev";
        this.adminKey = adminKey;
        this.admin = clients(adminKey);
    }

    /**
     * Deploys the project ({@code cirrus deploy} with {@code cliEnv}) to a new moto server, reads
     * the stack back, creates the stand-in users and turns IAM enforcement on.
     */
    static DeployedStack deploy(Path project, Map<String, String> cliEnv) {
        MotoServer moto = MotoServer.startPrivate();
        try {
            moto.configure(MotoServer.CLOUDFORMATION_VIEW_CONFIG);
            Map<String, String> env = new HashMap<>(cliEnv);
            env.put("AWS_ACCESS_KEY_ID", "test");
            env.put("AWS_SECRET_ACCESS_KEY", "test");
            StringWriter out = new StringWriter();
            StringWriter err = new StringWriter();
            int code =
                    Cli.run(
                            new String[] {
                                "deploy",
                                "--region",
                                MotoAws.REGION,
                                "--endpoint-url",
                                moto.endpoint().toString()
                            },
                            new PrintWriter(out),
                            new PrintWriter(err),
                            new Environment(project, env));
            assertThat(code).as(err.toString()).isEqualTo(ExitCode.OK);
            MotoIam iam = new MotoIam(moto);
            AwsBasicCredentials adminKey =
                    iam.createUser(
                            "cirrus-test-admin",
                            Map.of(
                                    "admin",
                                    json(
                                            "{\"Version\": \"2012-10-17\", \"Statement\": [{\"Effect\":"
                                                    + " \"Allow\", \"Action\": \"*\", \"Resource\":"
                                                    + " \"*\"}]}")));
            DeployedStack stack = new DeployedStack(moto, project, adminKey);
            stack.readBack(iam);
            moto.enforceIam(true);
            return stack;
        } catch (RuntimeException | Error e) {
            moto.stop();
            throw e;
        }
    }

    private void readBack(MotoIam iam) {
        Map<String, String> roleNames = new HashMap<>();
        try (CloudFormationClient cfn = cloudFormation(adminKey);
                LambdaClient lambda = lambda(adminKey)) {
            for (StackResourceSummary r :
                    cfn.listStackResourcesPaginator(q -> q.stackName(stackName))
                            .stackResourceSummaries()) {
                if (r.logicalResourceId() == null || r.logicalResourceId().isEmpty()) {
                    continue; // a type moto does not support
                }
                resources.put(r.logicalResourceId(), r.physicalResourceId());
                if ("AWS::IAM::Role".equals(r.resourceType())) {
                    String name = r.physicalResourceId();
                    roleNames.put(name.substring(name.lastIndexOf('/') + 1), r.logicalResourceId());
                    Map<String, JsonNode> policies =
                            iam.rolePolicies(name.substring(name.lastIndexOf('/') + 1));
                    if (!policies.isEmpty()) {
                        rolePolicies.put(r.logicalResourceId(), policies);
                        Map<String, JsonNode> standIn = new LinkedHashMap<>();
                        policies.forEach((k, v) -> standIn.put(k, MotoIam.standInPolicy(v)));
                        roleKeys.put(
                                r.logicalResourceId(),
                                iam.createUser("standin-" + r.logicalResourceId(), standIn));
                    }
                }
            }
            // moto would hand the process queue's messages to the deployed function, which it
            // cannot run (Java); the tests receive them and invoke the handler as the mapping does
            // (disabled: moto 5.2.1 keeps a deleted mapping on the queue)
            lambda.listEventSourceMappings()
                    .eventSourceMappings()
                    .forEach(
                            m ->
                                    lambda.updateEventSourceMapping(
                                            q -> q.uuid(m.uuid()).enabled(false)));
            for (FunctionConfiguration f : lambda.listFunctions().functions()) {
                String name = f.functionName().substring(stackName.length() + 1);
                String role = f.role().substring(f.role().lastIndexOf('/') + 1);
                functionRoles.put(name, roleNames.get(role));
                lambdaEnvironments.put(
                        name, f.environment() == null ? Map.of() : f.environment().variables());
            }
        }
    }

    private static String serviceOf(Path project) {
        try {
            java.util.regex.Matcher m =
                    java.util.regex.Pattern.compile("(?m)^service:\\s*(\\S+)")
                            .matcher(java.nio.file.Files.readString(project.resolve("cirrus.yml")));
            return m.find() ? m.group(1) : "cirrus";
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    /** The stand-in key of a builtin function's role. */
    AwsBasicCredentials functionKey(String function) {
        String role = functionRoles.get(function);
        assertThat(role).as("the role of function " + function).isNotNull();
        return roleKeys.get(role);
    }

    /**
     * The deployment a function sees in Lambda: its environment, its role's credentials (and the
     * endpoint of moto).
     */
    Deployment deploymentOf(String function) {
        return deployment(lambdaEnvironments.get(function), functionKey(function));
    }

    Deployment deployment(Map<String, String> lambdaEnv, AwsBasicCredentials key) {
        return new Deployment(environment(lambdaEnv, key), clients(key), Clock.systemUTC());
    }

    /** A Lambda (or Batch job) environment pointing at moto with this key. */
    Map<String, String> environment(Map<String, String> lambdaEnv, AwsBasicCredentials key) {
        Map<String, String> env = new HashMap<>(lambdaEnv);
        env.put("AWS_REGION", MotoAws.REGION);
        env.put("AWS_ENDPOINT_URL", moto.endpoint().toString());
        env.put("AWS_ACCESS_KEY_ID", key.accessKeyId());
        env.put("AWS_SECRET_ACCESS_KEY", key.secretAccessKey());
        return env;
    }

    AwsClients clients(AwsBasicCredentials key) {
        return new AwsClients(
                new AwsSettings(
                        Region.of(MotoAws.REGION),
                        java.util.Optional.of(moto.endpoint()),
                        StaticCredentialsProvider.create(key)));
    }

    CloudFormationClient cloudFormation(AwsBasicCredentials key) {
        return CloudFormationClient.builder()
                .region(Region.of(MotoAws.REGION))
                .endpointOverride(moto.endpoint())
                .credentialsProvider(StaticCredentialsProvider.create(key))
                .build();
    }

    LambdaClient lambda(AwsBasicCredentials key) {
        return LambdaClient.builder()
                .region(Region.of(MotoAws.REGION))
                .endpointOverride(moto.endpoint())
                .credentialsProvider(StaticCredentialsProvider.create(key))
                .build();
    }

    /** What the role's stand-in called so far that moto refused; empty when all was allowed. */
    Set<String> denied(String roleLogicalId) {
        return CallRecorder.denied(roleKeys.get(roleLogicalId).accessKeyId());
    }

    /** The actions the role's stand-in called so far. */
    Set<String> calls(String roleLogicalId) {
        return CallRecorder.calls(roleKeys.get(roleLogicalId).accessKeyId());
    }

    /** The actions the role's deployed policies allow (any resource). */
    Set<String> allowedActions(String roleLogicalId) {
        Set<String> actions = new java.util.TreeSet<>();
        for (JsonNode policy : rolePolicies.get(roleLogicalId).values()) {
            JsonNode statements = policy.path("Statement");
            for (JsonNode s : statements.isArray() ? statements : List.of(statements)) {
                if ("Allow".equals(s.path("Effect").asText())) {
                    actions.addAll(MotoIam.actions(s));
                }
            }
        }
        return actions;
    }

    static JsonNode json(String text) {
        try {
            return JSON.readTree(text);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    @Override
    public void close() {
        admin.close();
        moto.stop();
    }
}
