package cirrus.plan;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;

import cirrus.plan.template.Reference;
import cirrus.plan.template.References;
import cirrus.yaml.YamlLoader;

class ReferencesTest {
    private static final Set<String> IDS = Set.of("Queue", "Job", "LT", "Role");

    private static List<Reference> refs(String yaml) {
        return References.in(YamlLoader.loadString(yaml, Path.of("t.yml")).root(), "", IDS);
    }

    @Test
    void refAndGetAttInBothFormsAreFound() {
        assertThat(
                        refs(
                                """
                                a: !Ref Queue
                                b: !GetAtt Role.Arn
                                c: {Fn::GetAtt: [LT, LatestVersionNumber]}
                                d: [!Ref Job]
                                e: !Ref AWS::Region
                                f: !Ref Unknown
                                """))
                .containsExactly(
                        new Reference("Queue", "Ref", "a"),
                        new Reference("Role", "Arn", "b"),
                        new Reference("LT", "LatestVersionNumber", "c"),
                        new Reference("Job", "Ref", "d[0]"));
    }

    @Test
    void subTemplatesNameResourcesButNotTheirVariablesOrLiterals() {
        assertThat(
                        refs(
                                """
                                s: !Sub '{"q": "${Queue}", "r": "${Role.Arn}", "x": "${!Job}", "p": "${AWS::StackName}"}'
                                t: !Sub ['${Job}-${Queue}', {Queue: !Ref LT}]
                                """))
                .containsExactly(
                        new Reference("Queue", "Ref", "s"),
                        new Reference("Role", "Arn", "s"),
                        new Reference("LT", "Ref", "t.Queue"),
                        new Reference("Job", "Ref", "t"));
    }

    @Test
    void serverlessStepFunctionsHashReferencesCount() {
        assertThat(refs("Parameters: {JobQueue: '#{Queue}', JobDefinition: '#{AWS::Region}'}"))
                .containsExactly(new Reference("Queue", "Ref", "Parameters.JobQueue"));
    }
}
