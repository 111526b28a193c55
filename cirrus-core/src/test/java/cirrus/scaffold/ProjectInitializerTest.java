package cirrus.scaffold;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import cirrus.compile.UpstreamDifferences;
import cirrus.project.Fixtures;

class ProjectInitializerTest {
    @TempDir Path dir;

    @Test
    void writesTheFilesOfCirrusV0() throws IOException {
        ProjectInitializer.Result result = ProjectInitializer.initialize(dir);
        assertThat(result.directory()).isEqualTo(dir.toAbsolutePath().normalize());
        assertThat(result.skipped()).isEmpty();
        assertThat(Files.readString(dir.resolve("cirrus.yml")))
                .isEqualTo(
                        UpstreamDifferences.initFile(Fixtures.text("golden/91-init-cirrus.yml")));
        assertThat(Files.readString(dir.resolve("package.json")))
                .startsWith("{\n  \"name\": \"cirrus\",\n  \"version\": \"0.0.0\",")
                .endsWith("\"serverless-iam-roles-per-function\": \"~3.2.0\"\n  }\n}");
        assertThat(Files.readString(dir.resolve(".gitignore")))
                .isEqualTo("__pycache__/\nnode_modules/\n.DS_Store\n.cirrus\n");
        for (String group : new String[] {"functions", "feeders", "tasks", "workflows"}) {
            assertThat(dir.resolve(group)).isEmptyDirectory();
        }
        assertThat(dir.resolve("cloudformation/s3.yml")).content().contains("Payloads:");
        assertThat(dir.resolve("cloudformation/vpc.yml")).content().contains("pubPrivateVPC:");
        assertThat(dir.resolve(".cirrus")).doesNotExist();
    }

    @Test
    void runningAgainKeepsExistingFilesAndReportsThem() throws IOException {
        ProjectInitializer.initialize(dir);
        Files.writeString(dir.resolve("cirrus.yml"), "service: mine\n");
        Files.writeString(dir.resolve("cloudformation/s3.yml"), "Resources: {}\n");
        ProjectInitializer.Result again = ProjectInitializer.initialize(dir);
        assertThat(again.skipped()).containsExactly("cirrus.yml", "package.json", ".gitignore");
        assertThat(dir.resolve("cirrus.yml")).hasContent("service: mine");
        assertThat(dir.resolve("cloudformation/s3.yml")).hasContent("Resources: {}");
        try (var files = Files.list(dir)) {
            assertThat(files.map(p -> p.getFileName().toString()))
                    .noneMatch(name -> name.endsWith(".tmp"));
        }
    }
}
