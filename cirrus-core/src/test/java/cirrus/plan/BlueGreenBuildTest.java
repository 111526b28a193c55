package cirrus.plan;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import cirrus.plan.bluegreen.BlueGreenBuild;
import cirrus.plan.bluegreen.Revision;
import cirrus.plan.diff.TreeDiff;
import cirrus.plan.report.TextReport;
import cirrus.plan.template.Resource;
import cirrus.plan.template.Template;
import cirrus.plan.template.TemplateLoader;
import cirrus.yaml.YamlLoader;

/**
 * The seed's blue/green procedure on its Reproject task: revision A first, a launch-template change
 * as green revision B next to the untouched A, then A removed once B is live.
 */
class BlueGreenBuildTest {
    /** The Reproject resources the seed lists, without their RevA/RevB suffix. */
    static final List<String> REPROJECT =
            List.of(
                    "ReprojectBatchJob",
                    "ReprojectLaunchTemplate500GB",
                    "ReprojectComputeEnvironment500GB",
                    "ReprojectJobQueue500GB",
                    "ReprojectInstanceRole",
                    "ReprojectInstanceProfile");

    static final List<BlueGreenBuild.Task> TASKS =
            List.of(new BlueGreenBuild.Task("Reproject", REPROJECT));

    @TempDir Path dir;

    static Map<String, Object> compiled() {
        return YamlLoader.load(Goldens.resource("bluegreen").resolve("reproject.yml"))
                .rootMap()
                .orElseThrow();
    }

    /** {@code tree} (fresh from {@link #compiled()}) with a 1000 GB launch template disk. */
    @SuppressWarnings("unchecked")
    static Map<String, Object> biggerDisk(Map<String, Object> tree) {
        Object node = tree;
        for (Object step :
                List.of(
                        "resources",
                        "Resources",
                        "ReprojectLaunchTemplate500GB",
                        "Properties",
                        "LaunchTemplateData",
                        "BlockDeviceMappings",
                        0,
                        "Ebs")) {
            node =
                    step instanceof Integer i
                            ? ((List<Object>) node).get(i)
                            : ((Map<String, Object>) node).get(step);
        }
        ((Map<String, Object>) node).put("VolumeSize", 1000);
        return tree;
    }

    static Template template(Map<String, Object> tree) {
        return TemplateLoader.of(Path.of("serverless.yml"), tree);
    }

    @Test
    void theFirstBlueGreenBuildMakesRevisionA() {
        BlueGreenBuild.Result r = BlueGreenBuild.apply(compiled(), TASKS, Optional.empty());
        Template t = template(r.serverless());
        for (String id : REPROJECT) {
            assertThat(t.resource(id)).isEmpty();
            assertThat(t.resource(id + "RevA")).isPresent();
        }
        assertThat(
                        t.resource("ReprojectComputeEnvironment500GBRevA")
                                .orElseThrow()
                                .at("ComputeEnvironmentName"))
                .contains(Map.of("Fn::Sub", "${AWS::StackName}-Reproject-500GB-RevA"));
        assertThat(
                        t.resource("ReprojectComputeEnvironment500GBRevA")
                                .orElseThrow()
                                .at("ComputeResources.LaunchTemplate.LaunchTemplateId"))
                .contains(Map.of("Ref", "ReprojectLaunchTemplate500GBRevA"));
        assertThat(t.resource("ReprojectInstanceProfileRevA").orElseThrow().list("Roles"))
                .isEqualTo(List.of(Map.of("Ref", "ReprojectInstanceRoleRevA")));
        assertThat(t.resource("BatchServiceRole")).isPresent();
        Resource sm = t.resource("ReprojectStepFunctionsStateMachine").orElseThrow();
        assertThat(sm.at("definition.States.reproject.Parameters.JobQueue"))
                .contains("#{ReprojectJobQueue500GBRevA}");
        assertThat(r.outcomes().get(0).note()).contains("revision A is created");
    }

    @Test
    void aChangeBuildsGreenRevisionBNextToTheUntouchedRevisionA() {
        Template deployed =
                template(BlueGreenBuild.apply(compiled(), TASKS, Optional.empty()).serverless());
        BlueGreenBuild.Result r =
                BlueGreenBuild.apply(biggerDisk(compiled()), TASKS, Optional.of(deployed));
        Template green = template(r.serverless());

        List<String> seedList = new ArrayList<>();
        for (Revision rev : Revision.values()) {
            for (String id : REPROJECT) {
                seedList.add(rev.id(id));
            }
        }
        assertThat(green.resources().keySet()).containsAll(seedList);
        for (String id : REPROJECT) {
            Resource a = green.resource(id + "RevA").orElseThrow();
            Resource before = deployed.resource(id + "RevA").orElseThrow();
            assertThat(TreeDiff.same(a.properties(), before.properties())).as(id).isTrue();
        }
        assertThat(
                        green.resource("ReprojectLaunchTemplate500GBRevB")
                                .orElseThrow()
                                .at("LaunchTemplateData.BlockDeviceMappings"))
                .hasValueSatisfying(v -> assertThat(v.toString()).contains("VolumeSize=1000"));
        assertThat(
                        green.resource("ReprojectStepFunctionsStateMachine")
                                .orElseThrow()
                                .at("definition.States.reproject.Parameters.JobDefinition"))
                .contains("#{ReprojectBatchJobRevB}");
        assertThat(r.outcomes().get(0).note()).contains("green revision B").contains("wait until");

        Plan plan = Planner.plan(deployed, green).labelled("deployed (RevA)", "green (RevB)");
        assertThat(plan.breaking()).isFalse();
        Goldens.assertGolden("bluegreen", "green-plan.txt", TextReport.of(plan));
    }

    @Test
    void onceGreenIsLiveTheNextBuildRemovesBlue() {
        Template deployed =
                template(BlueGreenBuild.apply(compiled(), TASKS, Optional.empty()).serverless());
        Map<String, Object> changed = biggerDisk(compiled());
        Template both =
                template(BlueGreenBuild.apply(changed, TASKS, Optional.of(deployed)).serverless());
        BlueGreenBuild.Result r = BlueGreenBuild.apply(changed, TASKS, Optional.of(both));
        Template onlyB = template(r.serverless());
        for (String id : REPROJECT) {
            assertThat(onlyB.resource(id + "RevA")).isEmpty();
            assertThat(onlyB.resource(id + "RevB")).isPresent();
        }
        assertThat(r.outcomes().get(0).retired()).contains(Revision.A);

        Plan plan = Planner.plan(both, onlyB).labelled("deployed (RevA + RevB)", "build");
        assertThat(plan.breaking()).as("retiring a drained revision is a warning").isFalse();
        assertThat(plan.count(Risk.WARNING)).isGreaterThanOrEqualTo(3);
        Goldens.assertGolden("bluegreen", "retire-plan.txt", TextReport.of(plan));
    }

    @Test
    void bothRevisionsTogetherPassCfnLint() throws Exception {
        Template deployed =
                template(BlueGreenBuild.apply(compiled(), TASKS, Optional.empty()).serverless());
        Template green =
                template(
                        BlueGreenBuild.apply(biggerDisk(compiled()), TASKS, Optional.of(deployed))
                                .serverless());
        assertThat(CfnLint.errors(green, dir)).isEmpty();
    }
}
