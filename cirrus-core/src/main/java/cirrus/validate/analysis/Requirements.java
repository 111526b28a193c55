package cirrus.validate.analysis;

import java.util.Optional;
import java.util.OptionalDouble;

import cirrus.validate.source.Node;

/**
 * What a job asks for: vCPUs, memory (MiB) and GPUs, each if known (from {@code
 * ResourceRequirements}, or the older {@code Vcpus} and {@code Memory} of the container).
 *
 * @param vcpus the vCPUs
 * @param memoryMiB the memory
 * @param gpus the GPUs
 */
public record Requirements(OptionalDouble vcpus, OptionalDouble memoryMiB, OptionalDouble gpus) {
    public static final Requirements NONE =
            new Requirements(
                    OptionalDouble.empty(), OptionalDouble.empty(), OptionalDouble.empty());

    /**
     * The requirements of a container ({@code ContainerProperties} or {@code ContainerOverrides}).
     */
    public static Requirements of(Node container, ServerlessVariables variables) {
        OptionalDouble vcpus = number(container.get("Vcpus"), variables);
        OptionalDouble memory = number(container.get("Memory"), variables);
        OptionalDouble gpus = OptionalDouble.empty();
        for (Node r :
                container
                        .get("ResourceRequirements")
                        .map(Node::items)
                        .orElse(java.util.List.of())) {
            OptionalDouble value = number(r.get("Value"), variables);
            switch (r.string("Type").orElse("")) {
                case "VCPU" -> vcpus = value;
                case "MEMORY" -> memory = value;
                case "GPU" -> gpus = value;
                default -> {}
            }
        }
        return new Requirements(vcpus, memory, gpus);
    }

    /** These requirements with those of {@code overrides} replacing them where set. */
    public Requirements overriddenBy(Requirements overrides) {
        return new Requirements(
                overrides.vcpus.isPresent() ? overrides.vcpus : vcpus,
                overrides.memoryMiB.isPresent() ? overrides.memoryMiB : memoryMiB,
                overrides.gpus.isPresent() ? overrides.gpus : gpus);
    }

    /** {@code 32 vCPUs, 240000 MiB, 4 GPUs} (what is known). */
    public String text() {
        StringBuilder b = new StringBuilder();
        vcpus.ifPresent(v -> b.append(format(v)).append(" vCPUs"));
        memoryMiB.ifPresent(
                v -> b.append(b.length() > 0 ? ", " : "").append(format(v)).append(" MiB"));
        gpus.ifPresent(v -> b.append(b.length() > 0 ? ", " : "").append(format(v)).append(" GPUs"));
        return b.toString();
    }

    static String format(double v) {
        return v == Math.rint(v) ? String.valueOf((long) v) : String.valueOf(v);
    }

    private static OptionalDouble number(Optional<Node> node, ServerlessVariables variables) {
        if (node.isEmpty()) {
            return OptionalDouble.empty();
        }
        return variables
                .resolveNumber(node.get().value())
                .map(OptionalDouble::of)
                .orElse(OptionalDouble.empty());
    }
}
