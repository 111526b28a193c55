package cirrus.compile;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import cirrus.yaml.YamlLoader;

/** The normaliser changes exactly what docs/compatibility.md lists, and nothing else. */
class UpstreamDifferencesTest {
    @SuppressWarnings("unchecked")
    private static Map<String, Object> load(String yaml) {
        return (Map<String, Object>) YamlLoader.loadString(yaml, Path.of("t.yml")).root();
    }

    @Test
    void builtinFunctionsBecomeJavaFunctionsAndKeepTheirKeyOrder() {
        Map<String, Object> tree =
                load(
                        """
                        functions:
                          process:
                            memorySize: 128
                            timeout: 10
                            reservedConcurrency: 16
                            handler: lambda_function.lambda_handler
                            events: []
                            description: d
                            environment: {}
                            package:
                              include:
                                - ./lambdas/process/**
                            module: lambdas/process
                          my-task:
                            memorySize: 128
                            handler: lambda_function.lambda_handler
                            package:
                              include:
                                - ./lambdas/my-task/**
                            module: lambdas/my-task
                        """);
        String before =
                cirrus.yaml.YamlWriter.write(((Map<?, ?>) tree.get("functions")).get("my-task"));

        UpstreamDifferences.applyTo(tree);

        @SuppressWarnings("unchecked")
        Map<String, Object> process =
                (Map<String, Object>) ((Map<?, ?>) tree.get("functions")).get("process");
        assertThat(process.keySet())
                .containsExactly(
                        "memorySize",
                        "timeout",
                        "reservedConcurrency",
                        "runtime",
                        "handler",
                        "events",
                        "description",
                        "environment",
                        "package");
        assertThat(process)
                .containsEntry("memorySize", 512L)
                .containsEntry("runtime", "java21")
                .containsEntry("handler", "cirrus.aws.handler.ProcessHandler::handleRequest")
                .containsEntry("package", Map.of("artifact", "lambdas/cirrus-builtins.jar"));
        assertThat(cirrus.yaml.YamlWriter.write(((Map<?, ?>) tree.get("functions")).get("my-task")))
                .as("user functions are untouched")
                .isEqualTo(before);
    }

    @Test
    void aUserFunctionNamedLikeABuiltinIsLeftAlone() {
        Map<String, Object> tree =
                load("functions:\n  api:\n    handler: app.handler\n    module: lambdas/api\n");
        UpstreamDifferences.applyTo(tree);
        assertThat(((Map<?, ?>) tree.get("functions")).get("api"))
                .isEqualTo(Map.of("handler", "app.handler", "module", "lambdas/api"));
    }

    @Test
    void theDoubleWrappedSubTemplateIsUnwrappedEverywhere() {
        Map<String, Object> tree =
                load(
                        """
                        a:
                          - Fn::Sub:
                              - Fn::Sub: arn:${AWS::StackName}-${S}
                              - S: x
                        b:
                          Fn::Sub:
                            - plain-${S}
                            - S: y
                        """);
        UpstreamDifferences.applyTo(tree);
        assertThat(tree.get("a"))
                .isEqualTo(
                        List.of(
                                Map.of(
                                        "Fn::Sub",
                                        List.of("arn:${AWS::StackName}-${S}", Map.of("S", "x")))));
        assertThat(tree.get("b"))
                .isEqualTo(Map.of("Fn::Sub", List.of("plain-${S}", Map.of("S", "y"))));
    }
}
