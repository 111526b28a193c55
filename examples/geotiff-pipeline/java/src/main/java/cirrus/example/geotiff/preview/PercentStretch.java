package cirrus.example.geotiff.preview;

import java.util.Arrays;

/**
 * A linear stretch of one band to 0–255 between two percentiles of its valid values (2 % and 98 %
 * by default), so that 16-bit and floating-point data, which rarely fill their range, become
 * visible. Values outside the range are clipped.
 *
 * @param low the value that becomes 0
 * @param high the value that becomes 255
 */
public record PercentStretch(double low, double high) {
    /** The identity on 8-bit data. */
    public static final PercentStretch EIGHT_BIT = new PercentStretch(0, 255);

    /**
     * The stretch between percentiles {@code lowPercent} and {@code highPercent} of {@code values},
     * ignoring NaN; the whole range of a band without valid values is 0..1.
     */
    public static PercentStretch of(double[] values, double lowPercent, double highPercent) {
        double[] valid = Arrays.stream(values).filter(v -> !Double.isNaN(v)).sorted().toArray();
        if (valid.length == 0) {
            return new PercentStretch(0, 1);
        }
        return new PercentStretch(percentile(valid, lowPercent), percentile(valid, highPercent));
    }

    private static double percentile(double[] sorted, double percent) {
        double rank = percent / 100.0 * (sorted.length - 1);
        int below = (int) Math.floor(rank);
        int above = Math.min(sorted.length - 1, below + 1);
        return sorted[below] + (sorted[above] - sorted[below]) * (rank - below);
    }

    /** {@code value} on the 0–255 scale. */
    public int apply(double value) {
        if (high <= low) {
            return value >= high ? 255 : 0;
        }
        double scaled = (value - low) / (high - low) * 255.0;
        return (int) Math.round(Math.max(0, Math.min(255, scaled)));
    }
}
