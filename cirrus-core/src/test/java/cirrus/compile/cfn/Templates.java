package cirrus.compile.cfn;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import cirrus.compile.Compilation;
import cirrus.compile.CompileDiagnostics;
import cirrus.diag.Diagnostic;
import cirrus.yaml.YamlLoader;

/** Compiles serverless configurations written as YAML text into templates, for specifications. */
final class Templates {
    private Templates() {}

    /** The result of one compilation: the template (if any) and every finding. */
    record Compiled(Optional<StackTemplate> stack, List<Diagnostic> findings) {
        Map<String, Object> template() {
            return stack.orElseThrow(() -> new AssertionError("no template: " + findings))
                    .template();
        }

        Map<String, Object> resources() {
            return Tree.map(template().get("Resources"));
        }

        Map<String, Object> resource(String id) {
            Map<String, Object> r = Tree.map(resources().get(id));
            if (r.isEmpty()) {
                throw new AssertionError("no resource " + id + " in " + resources().keySet());
            }
            return r;
        }

        Map<String, Object> properties(String id) {
            return Tree.map(resource(id).get("Properties"));
        }

        List<String> codes() {
            return findings.stream().map(Diagnostic::code).toList();
        }
    }

    /** Compiles the serverless configuration {@code yaml} (CloudFormation tags allowed). */
    static Compiled compile(String yaml) {
        return compile(
                yaml,
                new CloudFormationTarget.Options(Optional.empty(), Optional.empty(), Map.of()));
    }

    @SuppressWarnings("unchecked")
    static Compiled compile(String yaml, CloudFormationTarget.Options options) {
        Map<String, Object> tree =
                (Map<String, Object>) YamlLoader.loadString(yaml, Path.of("serverless.yml")).root();
        CompileDiagnostics diagnostics = new CompileDiagnostics();
        Optional<StackTemplate> stack =
                CloudFormationTarget.compile(
                        new Compilation(tree, List.of(), Set.of()), options, diagnostics);
        return new Compiled(stack, diagnostics.all());
    }
}
