package cirrus.cli;

import java.util.Arrays;
import java.util.Comparator;
import java.util.List;

import cirrus.project.ComponentType;

/** Component types in the order help lists their {@code create}/{@code show} commands. */
final class ComponentTypes {
    private ComponentTypes() {}

    static List<ComponentType> alphabetical() {
        return Arrays.stream(ComponentType.values())
                .sorted(Comparator.comparing(ComponentType::typeName))
                .toList();
    }
}
