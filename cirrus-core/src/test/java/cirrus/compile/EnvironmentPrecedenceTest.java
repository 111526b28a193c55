package cirrus.compile;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import cirrus.yaml.YamlLoader;
import cirrus.yaml.YamlWriter;

/**
 * The env-precedence project upstream built ({@code golden/cli-outputs/92-…}, {@code 93-…}): Lambda
 * environment {@code provider < task < lambda}; job definition environment {@code provider | task},
 * then {@code AWS_DEFAULT_REGION}/{@code AWS_REGION}, then its own entries.
 */
class EnvironmentPrecedenceTest {
    @TempDir Path dir;
    Map<String, Object> serverless;

    @BeforeEach
    void build() throws IOException {
        Path project = ProjectFixtures.init(dir.resolve("edge"));
        ProjectFixtures.copy("envtest", project);
        CompileDiagnostics diagnostics = new CompileDiagnostics();
        serverless = ProjectFixtures.compile(project, diagnostics).serverless();
        assertThat(diagnostics.all()).isEmpty();
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> excerpt(String name) {
        String text = YamlGolden.resource("cli-outputs/" + name);
        return (Map<String, Object>) YamlLoader.loadString(text, Path.of(name)).root();
    }

    @SuppressWarnings("unchecked")
    private Map<String, Object> at(String... path) {
        Object node = serverless;
        for (String key : path) {
            node = ((Map<String, Object>) node).get(key);
        }
        return (Map<String, Object>) node;
    }

    @Test
    void theLambdaEntryMatchesUpstreamWithTheSubTemplateFixed() {
        Map<String, Object> functions =
                new LinkedHashMap<>(excerpt("92-edge-envtest-function.yml"));
        Map<String, Object> upstream = new LinkedHashMap<>();
        upstream.put("functions", functions);
        UpstreamDifferences.applyTo(upstream);

        Map<String, Object> ours = new LinkedHashMap<>();
        ours.put("envtest", at("functions", "envtest"));
        assertThat(YamlWriter.write(ours)).isEqualTo(YamlWriter.write(functions));
        assertThat(YamlWriter.write(ours))
                .contains("    ACCOUNT: '0123456789'\n", "    MULTI: |-\n", "    LAMBDA_ONLY: 13\n")
                .contains(
                        "        Fn::Sub:\n          - arn:aws:s3:::${AWS::StackName}-${Suffix}\n");
    }

    @Test
    void theJobDefinitionEnvironmentMatchesUpstream() {
        Map<String, Object> upstream = excerpt("93-edge-envtest-jobdef.yml");
        Map<String, Object> expected = new LinkedHashMap<>();
        expected.put("EnvtestJob", upstream.get("EnvtestJob"));
        Map<String, Object> ours = new LinkedHashMap<>();
        ours.put("EnvtestJob", at("resources", "Resources", "EnvtestJob"));
        assertThat(YamlWriter.write(ours)).isEqualTo(YamlWriter.write(expected));
    }

    @Test
    void aJobDefinitionWithoutPropertiesGetsTheWholeEnvironmentAppended() {
        Map<String, Object> job = at("resources", "Resources", "EnvtestNoEnvJob");
        assertThat(job).containsOnlyKeys("Type", "Properties");
        Map<String, Object> container =
                at("resources", "Resources", "EnvtestNoEnvJob", "Properties");
        assertThat(container).containsOnlyKeys("Type", "ContainerProperties");
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> env =
                (List<Map<String, Object>>)
                        ((Map<String, Object>) container.get("ContainerProperties"))
                                .get("Environment");
        assertThat(env)
                .extracting(e -> e.get("Name"))
                .startsWith("CIRRUS_LOG_LEVEL", "OVERRIDDEN_VAR", "GLOBAL_ONLY")
                .endsWith("TASK_ONLY", "AWS_REGION", "ACCOUNT", "MULTI", "AWS_DEFAULT_REGION");
    }

    @Test
    void taskOutputsLandInTheOutputsSection() {
        assertThat(at("resources", "Outputs")).containsKey("EnvtestOut");
    }
}
