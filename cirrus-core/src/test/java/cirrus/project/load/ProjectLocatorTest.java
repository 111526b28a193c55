package cirrus.project.load;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import cirrus.project.ProjectException;

class ProjectLocatorTest {
    @TempDir Path dir;

    @Test
    void theNearestDirectoryWithACirrusYmlFileIsTheProject() throws IOException {
        Files.writeString(dir.resolve("cirrus.yml"), "service: x\n");
        Path deep = Files.createDirectories(dir.resolve("tasks/a/b"));
        assertThat(ProjectLocator.locate(deep, Optional.empty())).contains(dir);
    }

    @Test
    void aDirectoryNamedCirrusYmlDoesNotMarkAProject() throws IOException {
        Path inner = Files.createDirectories(dir.resolve("inner"));
        Files.createDirectories(inner.resolve("cirrus.yml"));
        assertThat(ProjectLocator.isProject(inner)).isFalse();
    }

    @Test
    void anExplicitDirectoryMustBeAProject() throws IOException {
        assertThatThrownBy(() -> ProjectLocator.locate(dir, Optional.of(dir)))
                .isInstanceOf(ProjectException.class)
                .hasMessageContaining("does not appear to be valid project: '" + dir + "'");
        Files.writeString(dir.resolve("cirrus.yml"), "");
        assertThat(ProjectLocator.locate(Path.of("/"), Optional.of(dir))).contains(dir);
    }
}
