package cirrus.compile;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;

class RequirementsTest {
    private static final List<String> RUNTIME =
            List.of(
                    "boto3-utils~=0.4.1",
                    "boto3>=1.26.0",
                    "jsonpath-ng>=1.5.3",
                    "python-dateutil~=2.9.0",
                    "python-json-logger~=2.0");

    @Test
    void mergeSortsByCodePointAndDropsExactRepeats() {
        assertThat(Requirements.merge(List.of("requests==2.31.0", "boto3>=1.26.0"), RUNTIME))
                .containsExactly(
                        "boto3-utils~=0.4.1",
                        "boto3>=1.26.0",
                        "jsonpath-ng>=1.5.3",
                        "python-dateutil~=2.9.0",
                        "python-json-logger~=2.0",
                        "requests==2.31.0");
        assertThat(Requirements.merge(List.of("b", "B", "a"), List.of()))
                .containsExactly("B", "a", "b");
    }

    @Test
    void theRequirementsFileIsOneLinePerRequirementWithATrailingNewline() {
        assertThat(Requirements.fileContent(RUNTIME))
                .hasSize(99)
                .isEqualTo(
                        "boto3-utils~=0.4.1\nboto3>=1.26.0\njsonpath-ng>=1.5.3\n"
                                + "python-dateutil~=2.9.0\npython-json-logger~=2.0\n");
        assertThat(Requirements.fileContent(List.of())).isEqualTo("\n");
    }

    @Test
    void projectNamesAreReadFromPep508Requirements() {
        assertThat(Requirements.projectName("some-package==1.0.0")).contains("some-package");
        assertThat(Requirements.projectName("rasterio[s3] >=1.3, <2")).contains("rasterio");
        assertThat(Requirements.projectName("pkg ; python_version < '3.8'")).contains("pkg");
        assertThat(Requirements.projectName("pkg @ https://example.com/pkg.whl")).contains("pkg");
        assertThat(Requirements.projectName("zope.interface")).contains("zope.interface");
        assertThat(Requirements.projectName("")).isEmpty();
        assertThat(Requirements.projectName("pkg 1.0")).isEmpty();
        assertThat(Requirements.projectName("-r other.txt")).isEmpty();
    }

    @Test
    void twoVersionsOfOnePackageAreADuplicate() {
        List<String> merged =
                Requirements.merge(List.of("some-package==1.0.0", "some-package==2.0.0"), RUNTIME);
        assertThat(Requirements.firstDuplicate(merged)).contains("some-package");
        assertThat(Requirements.firstDuplicate(RUNTIME)).isEmpty();
        assertThat(Requirements.firstDuplicate(List.of("Foo==1", "foo==2")))
                .as("names are compared as written, as upstream does")
                .isEmpty();
    }

    @Test
    void theExplanationIsUpstreamsText() {
        List<String> merged =
                Requirements.merge(List.of("some-package==1.0.0", "some-package==2.0.0"), RUNTIME);
        String golden = YamlGolden.resource("cli-outputs/50-build-duplicate-reqs.txt");
        String upstream = golden.substring(golden.indexOf("At this time")).stripTrailing();
        assertThat(Requirements.duplicateExplanation(merged)).isEqualTo(upstream);
    }
}
