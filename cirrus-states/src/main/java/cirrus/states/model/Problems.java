package cirrus.states.model;

import java.util.ArrayList;
import java.util.List;

/** Collects the errors found while reading a definition. */
final class Problems {
    private final List<DefinitionError> errors = new ArrayList<>();

    void add(DefinitionCode code, FieldPath path, String message) {
        errors.add(new DefinitionError(code, path, message));
    }

    boolean isEmpty() {
        return errors.isEmpty();
    }

    int count() {
        return errors.size();
    }

    List<DefinitionError> list() {
        return List.copyOf(errors);
    }
}
