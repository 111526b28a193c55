package cirrus.resolve;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import cirrus.diag.Diagnostic;
import cirrus.yaml.YamlDocument;
import cirrus.yaml.YamlLoader;

class VariableResolverTest {
    private static final Path FILE = Path.of("serverless.yml");

    private static ResolvedTree resolve(String yaml, VariableSources sources) {
        return VariableResolver.resolve(YamlLoader.loadString(yaml, FILE), sources);
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> resolved(String yaml, VariableSources sources) {
        ResolvedTree tree = resolve(yaml, sources);
        assertThat(tree.errors()).isEmpty();
        return (Map<String, Object>) tree.root();
    }

    private static Map<String, Object> resolved(String yaml) {
        return resolved(yaml, VariableSources.none());
    }

    private static VariableSources env(Map<String, String> env) {
        return new VariableSources(Map.of(), env, Map.of());
    }

    private static VariableSources opts(Map<String, String> opts) {
        return new VariableSources(opts, Map.of(), Map.of());
    }

    @SuppressWarnings("unchecked")
    private static Object at(Object tree, String... path) {
        Object cur = tree;
        for (String p : path) {
            cur =
                    cur instanceof List<?> l
                            ? l.get(Integer.parseInt(p))
                            : ((Map<String, Object>) cur).get(p);
        }
        return cur;
    }

    private static YamlDocument golden(String name) throws IOException {
        try (InputStream in = VariableResolverTest.class.getResourceAsStream(name)) {
            assertThat(in).as("test resource cirrus/resolve/" + name).isNotNull();
            return YamlLoader.loadString(
                    new String(in.readAllBytes(), StandardCharsets.UTF_8), Path.of(name));
        }
    }

    /** Every string of the tree that still holds a serverless variable. */
    private static List<String> leftovers(Object node) {
        List<String> found = new ArrayList<>();
        if (node instanceof Map<?, ?> m) {
            m.values().forEach(v -> found.addAll(leftovers(v)));
        } else if (node instanceof List<?> l) {
            l.forEach(v -> found.addAll(leftovers(v)));
        } else if (node instanceof String s && !VariableToken.scan(s).isEmpty()) {
            found.add(s);
        }
        return found;
    }

    @Test
    void theInitOnlyGoldenResolvesCompletelyWithDefaults() throws IOException {
        ResolvedTree tree =
                VariableResolver.resolve(
                        golden("init-only-serverless.yml"), VariableSources.none());

        assertThat(tree.errors()).isEmpty();
        Object root = tree.root();
        assertThat(leftovers(root)).isEmpty();
        assertThat(at(root, "provider", "stage")).isEqualTo("dev");
        assertThat(at(root, "provider", "region")).isEqualTo("us-west-2");
        assertThat(at(root, "stepFunctions", "stateMachines", "publish-only", "name"))
                .isEqualTo("cirrus-dev-publish-only");
        Object ce = at(root, "resources", "Resources", "BasicOnDemandComputeEnvironment");
        assertThat(at(ce, "Properties", "ComputeResources", "MaxvCpus")).isEqualTo(128L);
        assertThat(at(ce, "Properties", "ComputeResources", "SecurityGroupIds"))
                .isEqualTo(
                        List.of(
                                Map.of(
                                        "Fn::GetAtt",
                                        List.of("pubPrivateVPC", "DefaultSecurityGroup"))));
        assertThat(
                        at(
                                root,
                                "resources",
                                "Resources",
                                "LambdaAsBatchJob",
                                "Properties",
                                "ContainerProperties",
                                "Memory"))
                .isEqualTo(2048L);
        assertThat(at(root, "functions", "api", "iamRoleStatements", "0", "Resource", "0"))
                .as("a variable inside Fn::Join takes the referenced map")
                .isEqualTo(
                        Map.of(
                                "Fn::Join",
                                List.of("", List.of("arn:aws:s3:::", Map.of("Ref", "Data"), "*"))));
        assertThat(at(root, "provider", "environment", "CIRRUS_STACK"))
                .as("CloudFormation placeholders are not serverless variables")
                .isEqualTo(Map.of("Fn::Sub", "${AWS::StackName}"));
    }

    @Test
    void theUpstreamTestProjectGoldenResolvesWithStageAndRegionOptions() throws IOException {
        ResolvedTree tree =
                VariableResolver.resolve(
                        golden("upstream-test-project-serverless.yml"),
                        opts(Map.of("stage", "prod", "region", "eu-west-1")));

        assertThat(tree.errors()).isEmpty();
        assertThat(leftovers(tree.root())).isEmpty();
        assertThat(at(tree.root(), "provider", "region")).isEqualTo("eu-west-1");
        assertThat(at(tree.root(), "stepFunctions", "stateMachines", "publish-only", "name"))
                .isEqualTo("cirrus-prod-publish-only");
        assertThat(
                        at(
                                tree.root(),
                                "resources",
                                "Resources",
                                "TestPluginTaskComputeEnvironment",
                                "Properties",
                                "ComputeResources",
                                "Subnets"))
                .isEqualTo(List.of(Map.of("Ref", "privateSubnet2")));
    }

    @Test
    void theInputTreeIsNotModified() throws IOException {
        YamlDocument doc = golden("init-only-serverless.yml");
        VariableResolver.resolve(doc, VariableSources.none());
        assertThat(at(doc.root(), "provider", "stage")).isEqualTo("${opt:stage, 'dev'}");
    }

    @Test
    void severalVariablesInOneStringAreConcatenated() {
        Map<String, Object> m =
                resolved(
                        """
                        service: svc
                        provider: {stage: "${opt:stage, 'dev'}", n: 3}
                        name: ${self:service}-${self:provider.stage}-x${self:provider.n}
                        """);
        assertThat(m.get("name")).isEqualTo("svc-dev-x3");
    }

    @Test
    void aWholeStringVariableKeepsTheReferencedType() {
        Map<String, Object> m =
                resolved(
                        """
                        custom: {n: 128, flag: true, list: [a, b], map: {Ref: Data}}
                        n: ${self:custom.n}
                        flag: ${self:custom.flag}
                        list: ${self:custom.list}
                        map: ${self:custom.map}
                        item: ${self:custom.list.1}
                        """);
        assertThat(m.get("n")).isEqualTo(128L);
        assertThat(m.get("flag")).isEqualTo(true);
        assertThat(m.get("list")).isEqualTo(List.of("a", "b"));
        assertThat(m.get("map")).isEqualTo(Map.of("Ref", "Data"));
        assertThat(m.get("item")).isEqualTo("b");
    }

    @Test
    void environmentVariablesAndTheirDefaults() {
        String yaml =
                """
                a: ${env:CIRRUS_TEST_A}
                b: ${env:CIRRUS_TEST_B, 'fallback'}
                c: ${env:CIRRUS_TEST_B, 42}
                d: ${env:CIRRUS_TEST_B, bare-word}
                """;
        Map<String, Object> m = resolved(yaml, env(Map.of("CIRRUS_TEST_A", "from-env")));
        assertThat(m.get("a")).isEqualTo("from-env");
        assertThat(m.get("b")).isEqualTo("fallback");
        assertThat(m.get("c")).isEqualTo(42L);
        assertThat(m.get("d")).isEqualTo("bare-word");
    }

    @Test
    void fallbacksAreTriedInOrderAndMayBeVariables() {
        Map<String, Object> m =
                resolved(
                        """
                        provider: {stage: staging}
                        a: ${opt:stage, self:provider.stage, 'dev'}
                        b: ${opt:stage, ${self:provider.stage}}
                        c: ${opt:stage, ${env:NOPE}, "last"}
                        d: ${sls:stage}
                        """);
        assertThat(m.get("a")).isEqualTo("staging");
        assertThat(m.get("b")).isEqualTo("staging");
        assertThat(m.get("c")).isEqualTo("last");
        assertThat(m.get("d")).isEqualTo("staging");
    }

    @Test
    void variablesNestedInAnAddressResolveFirst() {
        Map<String, Object> m =
                resolved(
                        """
                        custom:
                          sizes: {dev: 1, prod: 64}
                        vcpus: ${self:custom.sizes.${opt:stage, 'dev'}}
                        """,
                        opts(Map.of("stage", "prod")));
        assertThat(m.get("vcpus")).isEqualTo(64L);
    }

    @Test
    void referencedValuesAreResolvedRecursively() {
        Map<String, Object> m =
                resolved(
                        """
                        provider: {stage: "${opt:stage, 'dev'}"}
                        custom: {prefix: "app-${self:provider.stage}", env: {X: "${self:custom.prefix}"}}
                        env: ${self:custom.env}
                        """);
        assertThat(m.get("env")).isEqualTo(Map.of("X", "app-dev"));
    }

    @Test
    void unresolvableVariablesAreReportedWithFileLineAndColumn() {
        ResolvedTree tree =
                resolve(
                        """
                        service: svc
                        provider:
                          stage: ${opt:stage}
                        custom:
                          x: ${self:custom.nothing.here}
                          y: ${env:CIRRUS_SURELY_UNSET_VARIABLE}
                        """,
                        VariableSources.none());

        assertThat(tree.errors())
                .extracting(Diagnostic::format)
                .containsExactly(
                        "serverless.yml:3:10: error[CIRRUS-R001] cannot resolve '${opt:stage}':"
                                + " no --stage option was given; add a default, e.g."
                                + " ${opt:stage, 'value'}",
                        "serverless.yml:5:6: error[CIRRUS-R001] cannot resolve"
                                + " '${self:custom.nothing.here}': 'custom' has no 'nothing'; add"
                                + " a default, e.g. ${self:custom.nothing.here, 'value'}",
                        "serverless.yml:6:6: error[CIRRUS-R001] cannot resolve"
                                + " '${env:CIRRUS_SURELY_UNSET_VARIABLE}': environment variable"
                                + " CIRRUS_SURELY_UNSET_VARIABLE is not set; add a default, e.g."
                                + " ${env:CIRRUS_SURELY_UNSET_VARIABLE, 'value'}");
        assertThat(at(tree.root(), "provider", "stage"))
                .as("an unresolvable value is left as written")
                .isEqualTo("${opt:stage}");
        assertThatThrownBy(tree::requireResolved)
                .isInstanceOf(VariableException.class)
                .hasMessageStartingWith("serverless.yml:3:10: error[CIRRUS-R001]");
    }

    @Test
    void anErrorInsideAReferencedValueIsReportedWhereItIsWritten() {
        ResolvedTree tree =
                resolve(
                        """
                        custom:
                          a: ${opt:missing}
                        b: ${self:custom.a}
                        c: ${self:custom.a}
                        """,
                        VariableSources.none());
        assertThat(tree.errors())
                .extracting(d -> d.location().toString())
                .as("reported once, at custom.a")
                .containsExactly("serverless.yml:2:6");
    }

    @Test
    void circularReferencesAreErrorsNotStackOverflows() {
        ResolvedTree tree =
                resolve(
                        """
                        a: ${self:b}
                        b: ${self:c}
                        c: x-${self:a}
                        """,
                        VariableSources.none());
        assertThat(tree.errors()).isNotEmpty();
        assertThat(tree.errors())
                .allSatisfy(d -> assertThat(d.code()).isEqualTo(VariableException.CIRCULAR));
        assertThat(tree.errors().get(0).message())
                .isEqualTo("circular reference: ${self:b} -> ${self:c} -> ${self:a} -> ${self:b}");
    }

    @Test
    void aMapCannotBePartOfALongerString() {
        ResolvedTree tree =
                resolve(
                        """
                        custom: {m: {Ref: X}}
                        s: prefix-${self:custom.m}
                        """,
                        VariableSources.none());
        assertThat(tree.errors())
                .singleElement()
                .satisfies(d -> assertThat(d.code()).isEqualTo(VariableException.NOT_A_STRING))
                .satisfies(d -> assertThat(d.message()).contains("is a map"));
    }

    @Test
    void malformedAndUnsupportedVariables() {
        ResolvedTree tree =
                resolve(
                        """
                        a: ${self:service
                        b: ${ssm:/path/to/param}
                        c: ${ssm:/path/to/param, 'local-default'}
                        """,
                        VariableSources.none());
        assertThat(tree.errors())
                .extracting(Diagnostic::code)
                .containsExactly(VariableException.MALFORMED, VariableException.UNSUPPORTED_SOURCE);
        assertThat(at(tree.root(), "c")).isEqualTo("local-default");
    }

    @Test
    void cloudFormationPlaceholdersAndPlainDollarsAreLeftAlone() {
        Map<String, Object> m =
                resolved(
                        """
                        a: !Sub "arn:aws:s3:::${Data}/${AWS::Region}/${!Literal}"
                        b: "costs $5 {not a variable}"
                        c: ${AWS::StackName}
                        """);
        assertThat(m.get("a"))
                .isEqualTo(Map.of("Fn::Sub", "arn:aws:s3:::${Data}/${AWS::Region}/${!Literal}"));
        assertThat(m.get("b")).isEqualTo("costs $5 {not a variable}");
        assertThat(m.get("c")).isEqualTo("${AWS::StackName}");
    }

    @Test
    void awsValuesComeFromTheSources() {
        Map<String, Object> m =
                resolved(
                        "a: ${aws:accountId}-${aws:region}\n",
                        VariableSources.none()
                                .withAws(Map.of("accountId", "000000000000", "region", "r1")));
        assertThat(m.get("a")).isEqualTo("000000000000-r1");
    }

    @Test
    void quotedFallbacksMayContainCommasAndBraces() {
        Map<String, Object> m = resolved("a: ${opt:x, 'a,b}c'}\n");
        assertThat(m.get("a")).isEqualTo("a,b}c");
    }
}
