package cirrus.validate.analysis;

import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The AWS Lambda runtime deprecation table ({@code cirrus/validate/lambda-runtimes.tsv}): for each
 * managed runtime, the day AWS deprecates it, the day it stops letting anyone create functions with
 * it and the day it stops updates. Runtimes not in the table (new ones, custom values) are unknown,
 * not flagged.
 */
public final class LambdaRuntimeTable {
    private static final String RESOURCE = "/cirrus/validate/lambda-runtimes.tsv";
    private static final LambdaRuntimeTable BUNDLED = load();

    /** One runtime's dates. */
    public record Dates(
            String runtime, LocalDate deprecated, LocalDate blockCreate, LocalDate blockUpdate) {}

    private final Map<String, Dates> runtimes;

    private LambdaRuntimeTable(Map<String, Dates> runtimes) {
        this.runtimes = Map.copyOf(runtimes);
    }

    /** The table shipped with cirrus. */
    public static LambdaRuntimeTable bundled() {
        return BUNDLED;
    }

    /** The dates of {@code runtime}, if the table lists it. */
    public Optional<Dates> dates(String runtime) {
        return Optional.ofNullable(runtimes.get(runtime));
    }

    private static LambdaRuntimeTable load() {
        Map<String, Dates> map = new LinkedHashMap<>();
        for (String[] f : ResourceTable.rows(RESOURCE, '\t')) {
            map.put(
                    f[0],
                    new Dates(
                            f[0],
                            LocalDate.parse(f[1]),
                            LocalDate.parse(f[2]),
                            LocalDate.parse(f[3])));
        }
        return new LambdaRuntimeTable(map);
    }
}
