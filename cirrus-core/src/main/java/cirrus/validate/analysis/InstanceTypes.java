package cirrus.validate.analysis;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The capacity of the EC2 instance types a compute environment may launch, from the table {@code
 * cirrus/validate/instance-types.csv}. {@code optimal} stands for the c4, m4, r4, c5, m5 and r5
 * families (and, since November 2025, m6i, c6i, r6i and c7i: both sets count), {@code
 * default_x86_64} for m6i, c6i, r6i and c7i, {@code default_arm64} for m6g, c6g, r6g and c7g.
 *
 * @see <a
 *     href="https://docs.aws.amazon.com/batch/latest/APIReference/API_ComputeResource.html">ComputeResource
 *     instanceTypes</a>
 */
public final class InstanceTypes {
    /**
     * One instance type.
     *
     * @param type its name ({@code m5.large})
     * @param vcpus its vCPUs
     * @param memoryMiB its memory in MiB
     * @param gpus its GPUs
     */
    public record Capacity(String type, double vcpus, double memoryMiB, int gpus) {}

    private static final Map<String, Capacity> TABLE = load();

    private static final Map<String, List<String>> CATEGORIES =
            Map.of(
                    "optimal",
                            List.of("c4", "m4", "r4", "c5", "m5", "r5", "m6i", "c6i", "r6i", "c7i"),
                    "default_x86_64", List.of("m6i", "c6i", "r6i", "c7i"),
                    "default_arm64", List.of("m6g", "c6g", "r6g", "c7g"));

    private InstanceTypes() {}

    /**
     * The instance types a compute environment with these {@code InstanceTypes} entries may launch;
     * empty when an entry is not in the table (its capacity is then unknown).
     */
    public static Optional<List<Capacity>> of(List<String> entries) {
        List<Capacity> all = new ArrayList<>();
        for (String entry : entries) {
            String e = entry.trim();
            if (CATEGORIES.containsKey(e)) {
                CATEGORIES.get(e).forEach(f -> all.addAll(family(f)));
            } else if (TABLE.containsKey(e)) {
                all.add(TABLE.get(e));
            } else if (!e.contains(".") && !family(e).isEmpty()) {
                all.addAll(family(e));
            } else {
                return Optional.empty();
            }
        }
        return all.isEmpty() ? Optional.empty() : Optional.of(all);
    }

    private static List<Capacity> family(String family) {
        return TABLE.values().stream().filter(c -> c.type().startsWith(family + ".")).toList();
    }

    private static Map<String, Capacity> load() {
        Map<String, Capacity> table = new LinkedHashMap<>();
        for (String[] f : ResourceTable.rows("/cirrus/validate/instance-types.csv", ',')) {
            table.put(
                    f[0],
                    new Capacity(
                            f[0],
                            Double.parseDouble(f[1]),
                            Double.parseDouble(f[2]) * 1024,
                            Integer.parseInt(f[3].trim())));
        }
        return table;
    }
}
