package cirrus.project.load;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import cirrus.project.CloudFormationObject;
import cirrus.project.ComponentType;
import cirrus.project.Fixtures;
import cirrus.project.LambdaConfig;
import cirrus.project.Project;
import cirrus.project.Task;
import cirrus.yaml.YamlWriter;

/**
 * The environment precedence of cirrus v0.15.4 (behaviour reference §4.4), checked against the
 * serverless.yml fragments v0.15.4 built for the {@code edge} project (golden 92 and 93).
 */
class EnvironmentPrecedenceTest {
    @TempDir Path dir;

    private Task envtest() {
        Project project = Fixtures.open(Fixtures.project("edge", dir)).project();
        return (Task) project.component(ComponentType.TASK, "envtest").orElseThrow();
    }

    @Test
    void lambdaEnvironmentIsProviderThenComponentThenLambdaWithKeyOrderOfFirstAppearance() {
        Map<String, Object> function = new LinkedHashMap<>(envtest().lambda().config());
        function.remove(LambdaConfig.PYTHON_REQUIREMENTS);
        Map<String, Object> functions = Map.of("envtest", function);
        String expected =
                Fixtures.text("golden/92-edge-envtest-function.yml")
                        // the one intended difference: cirrus v0.15.4 wrapped the template of a
                        // !Sub list in a second Fn::Sub (quirk 3); we do not
                        .replace(
                                "            - Fn::Sub: arn:aws:s3:::${AWS::StackName}-${Suffix}\n",
                                "            - arn:aws:s3:::${AWS::StackName}-${Suffix}\n");
        assertThat(YamlWriter.writeIndented(functions, 2)).isEqualTo(expected);
    }

    @Test
    void jobDefinitionsGetTheTaskEnvironmentThenTheRegionThenTheirOwnEntries() {
        CloudFormationObject job = envtest().batch().resources().get(0);
        assertThat(job.name()).isEqualTo("EnvtestJob");
        String golden = Fixtures.text("golden/93-edge-envtest-jobdef.yml");
        String expected = golden.substring(0, golden.indexOf("    EnvtestNoEnvJob:"));
        assertThat(YamlWriter.writeIndented(Map.of("EnvtestJob", job.definition()), 4))
                .isEqualTo(expected);
    }

    @Test
    void aJobDefinitionWithoutContainerPropertiesGetsThemCreated() {
        CloudFormationObject job = envtest().batch().resources().get(1);
        assertThat(job.name()).isEqualTo("EnvtestNoEnvJob");
        assertThat(YamlWriter.write(job.definition()))
                .startsWith(
                        "Type: AWS::Batch::JobDefinition\nProperties:\n  Type: container\n"
                                + "  ContainerProperties:\n    Environment:\n"
                                + "      - Name: CIRRUS_LOG_LEVEL\n");
    }

    @Test
    void requirementsAreTheSortedUnionOfTheLambdasAndTheGlobalOnes() {
        assertThat(envtest().lambda().requirements())
                .containsExactly(
                        "boto3-utils~=0.4.1",
                        "boto3>=1.26.0",
                        "jsonpath-ng>=1.5.3",
                        "python-dateutil~=2.9.0",
                        "python-json-logger~=2.0",
                        "requests==2.31.0");
    }
}
