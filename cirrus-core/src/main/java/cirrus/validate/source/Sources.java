package cirrus.validate.source;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import cirrus.compile.Provenance;
import cirrus.diag.Diagnostic;
import cirrus.yaml.YamlDocument;
import cirrus.yaml.YamlException;
import cirrus.yaml.YamlLoader;

/**
 * The YAML files of a project as the user wrote them, each read once, with the location of every
 * node. Rules look at these trees (not at the compiled copies) so that a finding points at the line
 * the user has to change. A file that cannot be read or parsed has no tree; its error is kept in
 * {@link #errors()} (the project loader reports the same error, so it is reported once).
 */
public final class Sources {
    private final Map<Path, Optional<YamlDocument>> documents = new HashMap<>();
    private final List<Diagnostic> errors = new ArrayList<>();

    /** The document in {@code file}, or empty when it does not exist or is not valid YAML. */
    public synchronized Optional<YamlDocument> document(Path file) {
        return documents.computeIfAbsent(file, this::load);
    }

    private Optional<YamlDocument> load(Path file) {
        if (!Files.isRegularFile(file)) {
            return Optional.empty();
        }
        try {
            return Optional.of(YamlLoader.load(file));
        } catch (YamlException e) {
            errors.addAll(e.diagnostics());
            return Optional.empty();
        }
    }

    /** The root node of {@code file}. */
    public Optional<Node> root(Path file) {
        return document(file).map(d -> Node.root(d.root(), file, d.locations()));
    }

    /** The node an origin names: its file's root followed along its path. */
    public Optional<Node> at(Provenance.Origin origin) {
        return root(origin.file()).flatMap(root -> root.at(origin.path()));
    }

    /** Errors met reading files (syntax errors), in the order met. */
    public synchronized List<Diagnostic> errors() {
        return List.copyOf(errors);
    }
}
