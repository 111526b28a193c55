package cirrus.project;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import cirrus.diag.Diagnostic;
import cirrus.diag.DiagnosticException;

class CirrusConfigTest {
    @TempDir Path dir;
    private final List<Diagnostic> warnings = new ArrayList<>();

    private CirrusConfig load(String yaml) throws IOException {
        Path file = dir.resolve("cirrus.yml");
        Files.writeString(file, yaml);
        return CirrusConfig.load(file, warnings::add);
    }

    @Test
    void missingKeysAreAppendedInCirrusV0Order() throws IOException {
        CirrusConfig config = load("service: x\nprovider: {name: aws}\n");
        assertThat(config.tree().keySet())
                .containsExactly(
                        "service",
                        "provider",
                        "functions",
                        "stepFunctions",
                        "resources",
                        "package",
                        "custom",
                        "plugins");
        assertThat(config.tree().get("resources"))
                .isEqualTo(
                        Map.of(
                                "Description", "Cirrus STAC Processing Framework",
                                "Resources", Map.of(),
                                "Outputs", Map.of()));
        assertThat(config.pythonRequirements()).isEqualTo(CirrusConfig.RUNTIME_REQUIREMENTS);
        assertThat(warnings).isEmpty();
    }

    @Test
    void keysTheBuildReplacesKeepTheirPositionAndWarn() throws IOException {
        CirrusConfig config =
                load("resources:\n  Resources: {X: {Type: T}}\nservice: x\nfunctions: {}\n");
        assertThat(config.tree().keySet()).startsWith("resources", "service", "functions");
        assertThat(warnings)
                .extracting(Diagnostic::message)
                .containsExactly(
                        "'resources' in cirrus.yml is replaced by the build and has no effect");
        assertThat(warnings.get(0).location().line()).isEqualTo(1);
    }

    @Test
    void userPluginsKeepTheirOrderAndTheRequiredOnesAreAddedOnce() throws IOException {
        CirrusConfig config = load("plugins:\n  - serverless-step-functions\n  - my-plugin\n");
        assertThat(config.tree().get("plugins"))
                .isEqualTo(
                        List.of(
                                "serverless-step-functions",
                                "my-plugin",
                                "serverless-python-requirements",
                                "serverless-iam-roles-per-function"));
    }

    @Test
    void globalRequirementsGetTheRuntimeOnesAppended() throws IOException {
        CirrusConfig config = load("custom:\n  pythonRequirements:\n    include: [numpy]\n");
        assertThat(config.pythonRequirements()).startsWith("numpy").hasSize(6);
    }

    @Test
    void theProviderEnvironmentIsReadWithIntrinsicsInLongForm() throws IOException {
        CirrusConfig config =
                load("provider:\n  environment:\n    A: !Ref X\n    B: \"#{AWS::Region}\"\n");
        assertThat(config.providerEnvironment())
                .containsExactly(
                        Map.entry("A", Map.of("Ref", "X")),
                        Map.entry("B", Map.of("Fn::Sub", "${AWS::Region}")));
    }

    @Test
    void aConfigurationThatIsNotAMappingIsAnError() {
        assertThatThrownBy(() -> load("- a\n"))
                .isInstanceOf(DiagnosticException.class)
                .hasMessageContaining("cirrus.yml must be a mapping");
    }
}
