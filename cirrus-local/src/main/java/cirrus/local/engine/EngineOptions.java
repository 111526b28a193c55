package cirrus.local.engine;

/**
 * How the local engine runs.
 *
 * @param timeScale real time per unit of workflow time for Wait states, Retry intervals, state
 *     timeouts and Batch durations (1: real time; 0.01: a 600 s retry interval takes 6 s)
 * @param concurrency Lambda invocations run at once
 */
public record EngineOptions(double timeScale, int concurrency) {
    public EngineOptions {
        if (!(timeScale > 0) || Double.isInfinite(timeScale)) {
            throw new IllegalArgumentException(
                    "the time scale must be a positive number, got " + timeScale);
        }
        if (concurrency < 1) {
            throw new IllegalArgumentException(
                    "concurrency must be at least 1, got " + concurrency);
        }
    }

    /** Real time, 8 concurrent Lambda invocations. */
    public static EngineOptions defaults() {
        return new EngineOptions(1.0, 8);
    }

    public EngineOptions withTimeScale(double scale) {
        return new EngineOptions(scale, concurrency);
    }

    public EngineOptions withConcurrency(int n) {
        return new EngineOptions(timeScale, n);
    }
}
