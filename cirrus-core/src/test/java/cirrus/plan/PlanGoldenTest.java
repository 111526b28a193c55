package cirrus.plan;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.IntStream;
import java.util.stream.Stream;

import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import cirrus.plan.report.JsonReport;
import cirrus.plan.report.TextReport;
import cirrus.plan.template.TemplateLoader;

/**
 * The change table as data: every directory under {@code src/test/resources/plan/} holds a {@code
 * before} and an {@code after} template (serverless.yml or CloudFormation) and the expected plan
 * text. Together the cases cover every row of the table in {@code docs/plan.md}.
 */
class PlanGoldenTest {
    private static final Path CASES = Goldens.resource("plan");

    static Plan plan(Path dir) {
        return Planner.plan(
                        TemplateLoader.load(Goldens.entry(dir, "before")),
                        TemplateLoader.load(Goldens.entry(dir, "after")))
                .labelled("before", "after");
    }

    @TestFactory
    Stream<DynamicTest> everyCaseGivesItsGoldenPlan() {
        return Goldens.cases(CASES).stream()
                .map(
                        dir ->
                                DynamicTest.dynamicTest(
                                        dir.getFileName().toString(),
                                        () ->
                                                Goldens.assertGolden(
                                                        "plan/" + dir.getFileName(),
                                                        "expected.txt",
                                                        TextReport.of(plan(dir)))));
    }

    @Test
    void everyRowOfTheChangeTableHasAGoldenCase() {
        Set<Integer> rows = new TreeSet<>();
        for (Path dir : Goldens.cases(CASES)) {
            Plan plan = plan(dir);
            plan.resources().forEach(r -> r.findings().forEach(f -> rows.add(f.row())));
        }
        assertThat(rows).containsAll(IntStream.rangeClosed(1, 24).boxed().toList());
    }

    @Test
    void theJsonFormCarriesTheSameVerdicts() throws Exception {
        Plan plan = plan(CASES.resolve("reproject-image"));
        String json = JsonReport.of(plan);
        Goldens.assertGolden("plan/reproject-image", "expected.json", json);
        JsonNode root = new ObjectMapper().readTree(json);
        assertThat(root.path("breaking").asBoolean()).isTrue();
        assertThat(root.path("summary").path("breaking").asInt()).isEqualTo(1);
        JsonNode finding = root.path("resources").get(0).path("findings").get(0);
        assertThat(finding.path("rule").asText()).isEqualTo("jd-new-revision");
        assertThat(finding.path("action").asText()).isEqualTo("new-revision");
        assertThat(finding.path("sources").get(0).path("url").asText()).startsWith("https://");
    }

    @Test
    void breakingPlansAreTheCiGate() {
        assertThat(plan(CASES.resolve("row01-jd-pinned")).breaking()).isTrue();
        assertThat(plan(CASES.resolve("row06-ce-maxvcpus")).breaking()).isFalse();
        assertThat(plan(CASES.resolve("no-change")).empty()).isTrue();
    }
}
