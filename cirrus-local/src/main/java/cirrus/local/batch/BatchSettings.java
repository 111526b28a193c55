package cirrus.local.batch;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Objects;

/**
 * How a {@link BatchEmulator} runs: the region and account of its ARNs, the directory of the log
 * group (each log stream is a file {@code <logsDir>/<jobDefinitionName>/default/<jobId>.log}, the
 * layout {@code cirrus.local.store.FileLogs} reads when {@code logsDir} is its {@code
 * aws/batch/job} directory), a time scale applied to every Batch duration (attempt timeouts, the 30
 * s stop grace period, job-state time limits; {@code 0.01} makes a 60 s timeout fire after 0.6 s),
 * the clock of the timestamps and the host name shown when the emulator stopped under a running
 * job.
 */
public record BatchSettings(
        BatchArns arns,
        Path logsDir,
        double timeScale,
        Duration stopGrace,
        Clock clock,
        String hostName) {
    public BatchSettings {
        Objects.requireNonNull(arns, "arns");
        Objects.requireNonNull(logsDir, "logsDir");
        Objects.requireNonNull(stopGrace, "stopGrace");
        Objects.requireNonNull(clock, "clock");
        Objects.requireNonNull(hostName, "hostName");
        if (!(timeScale > 0)) {
            throw new IllegalArgumentException("timeScale must be > 0, got " + timeScale);
        }
    }

    /**
     * Defaults: moto's account in us-east-1, real time, AWS's 30 s stop grace, the system clock.
     */
    public static BatchSettings defaults(Path logsDir) {
        return new BatchSettings(
                BatchArns.DEFAULT,
                logsDir,
                1.0,
                Duration.ofSeconds(30),
                Clock.systemUTC(),
                "local");
    }

    /** A copy with another time scale. */
    public BatchSettings withTimeScale(double scale) {
        return new BatchSettings(arns, logsDir, scale, stopGrace, clock, hostName);
    }

    /** A copy with other ARNs. */
    public BatchSettings withArns(BatchArns newArns) {
        return new BatchSettings(newArns, logsDir, timeScale, stopGrace, clock, hostName);
    }

    /** The file of a log stream: {@code <logsDir>/<stream>.log}, one line per log event. */
    public Path logFile(String logStreamName) {
        return logsDir.resolve(logStreamName + ".log");
    }

    /** {@code seconds} of Batch time in real time, after the time scale (at least 1 ms). */
    public Duration scaled(long seconds) {
        return scaled(Duration.ofSeconds(seconds));
    }

    /** A Batch duration in real time, after the time scale (at least 1 ms). */
    public Duration scaled(Duration duration) {
        return Duration.ofMillis(Math.max(1, Math.round(duration.toMillis() * timeScale)));
    }
}
