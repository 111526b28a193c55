package cirrus.validate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import cirrus.validate.analysis.ServerlessVariables;
import cirrus.validate.analysis.SubTemplate;

/** The small pieces the rules share: variables, suggestions, Fn::Sub templates, options. */
class HelpersTest {
    static Map<String, Object> config() {
        Map<String, Object> batch =
                new LinkedHashMap<>(
                        Map.of("MaxvCpus", 128L, "Twice", "${self:custom.batch.MaxvCpus}"));
        Map<String, Object> custom =
                new LinkedHashMap<>(Map.of("batch", batch, "loop", "${self:custom.loop}"));
        Map<String, Object> provider = new LinkedHashMap<>(Map.of("stage", "${opt:stage, 'dev'}"));
        Map<String, Object> config = new LinkedHashMap<>();
        config.put("service", "cirrus");
        config.put("provider", provider);
        config.put("custom", custom);
        return config;
    }

    @Test
    void serverlessVariablesResolveFromTheConfigurationAndFallBacks() {
        ServerlessVariables v = new ServerlessVariables(config());

        assertThat(v.resolve("${self:custom.batch.MaxvCpus}")).contains(128L);
        assertThat(v.resolveNumber("${self:custom.batch.Twice}")).contains(128.0);
        assertThat(v.resolveText("${self:service}-${self:provider.stage}-x"))
                .contains("cirrus-dev-x");
        assertThat(v.resolveText("${sls:stage}")).contains("dev");
        assertThat(v.resolve("${opt:region, \"us-west-2\"}")).contains("us-west-2");
        assertThat(v.resolve("${env:HOME}")).isEmpty();
        assertThat(v.resolve("${self:custom.nothing}")).isEmpty();
        assertThat(v.resolve("${self:custom.loop}")).as("a variable that names itself").isEmpty();
        assertThat(v.resolve("arn:${AWS::Region}:${self:service}"))
                .contains("arn:${AWS::Region}:cirrus");
    }

    @Test
    void serverlessVariablesAreToldApartFromSubPlaceholders() {
        assertThat(ServerlessVariables.hasVariable("x-${self:service}")).isTrue();
        assertThat(ServerlessVariables.hasVariable("${opt:stage, 'dev'}")).isTrue();
        assertThat(ServerlessVariables.hasVariable("arn:${AWS::Region}:${Queue.Arn}")).isFalse();
        assertThat(
                        SubTemplate.variables(
                                "arn:${AWS::Region}:${Queue.Arn}/${!Literal}/${self:service}/${ Name }"))
                .containsExactly("AWS::Region", "Queue.Arn", "Name");
    }

    @Test
    void suggestionsFindTheClosestNameWithinAFewEdits() {
        List<String> names =
                List.of("memorySize", "timeout", "handler", "Data", "BatchInstanceProfile");

        assertThat(Suggestions.closest("memorysize", names)).contains("memorySize");
        assertThat(Suggestions.closest("timeuot", names)).contains("timeout");
        assertThat(Suggestions.closest("Dat", names)).contains("Data");
        assertThat(Suggestions.closest("BatchInstanceProfil", names))
                .contains("BatchInstanceProfile");
        assertThat(Suggestions.closest("Environment", names)).isEmpty();
        assertThat(Suggestions.hint("x", names)).isNull();
    }

    @Test
    void accountUsageIsANumberOrCountsPerKind() {
        assertThat(ValidationOptions.parseAccountUsage("12"))
                .isEqualTo(new ValidationOptions(12, 12));
        assertThat(ValidationOptions.parseAccountUsage("ce=3, jq=7"))
                .isEqualTo(new ValidationOptions(3, 7));
        assertThat(ValidationOptions.parseAccountUsage("jq=2"))
                .isEqualTo(new ValidationOptions(0, 2));
        assertThatThrownBy(() -> ValidationOptions.parseAccountUsage("ce=x"))
                .hasMessageContaining("expected N or ce=N,jq=M");
        assertThatThrownBy(() -> ValidationOptions.parseAccountUsage("queues=1"))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
