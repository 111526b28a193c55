package cirrus.project;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

/** The project model is closed and immutable: sealed interfaces, one record per variant. */
class ModelConventionsTest {
    private static List<Class<?>> variants(Class<?> sealed) {
        List<Class<?>> all = new ArrayList<>();
        for (Class<?> c : sealed.getPermittedSubclasses()) {
            if (c.isSealed()) {
                all.addAll(variants(c));
            } else {
                all.add(c);
            }
        }
        return all;
    }

    @Test
    void componentsAreASealedSetOfRecords() {
        assertThat(Component.class.isSealed()).isTrue();
        assertThat(variants(Component.class))
                .containsExactlyInAnyOrder(Function.class, Feeder.class, Task.class, Workflow.class)
                .allMatch(Class::isRecord);
    }

    @Test
    void modelValuesAreRecordsWithFinalFieldsOnly() {
        for (Class<?> c :
                List.of(
                        ComponentInfo.class,
                        LambdaConfig.class,
                        BatchConfig.class,
                        CloudFormationObject.class,
                        CirrusConfig.class,
                        Source.class,
                        ComponentFile.class)) {
            assertThat(c.isRecord()).as(c.getSimpleName()).isTrue();
            for (var field : c.getDeclaredFields()) {
                assertThat(Modifier.isFinal(field.getModifiers()))
                        .as(c.getSimpleName() + "." + field.getName())
                        .isTrue();
            }
        }
    }

    @Test
    void loadedTreesCannotBeModified() {
        LambdaConfig config =
                new LambdaConfig(
                        true,
                        new java.util.LinkedHashMap<>(java.util.Map.of("a", List.of(1))),
                        java.util.Optional.empty());
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> config.config().put("b", 2))
                .isInstanceOf(UnsupportedOperationException.class);
        org.assertj.core.api.Assertions.assertThatThrownBy(
                        () -> ((List<?>) config.config().get("a")).clear())
                .isInstanceOf(UnsupportedOperationException.class);
    }
}
