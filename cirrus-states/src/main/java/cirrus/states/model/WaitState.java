package cirrus.states.model;

import java.time.Instant;

import cirrus.states.path.ReferencePath;

/**
 * {@code "Type": "Wait"}: delays for {@code Seconds} or until {@code Timestamp}, either given
 * directly or through a path. Exactly one of the four is set.
 *
 * @see <a href="https://states-language.net/spec.html#wait-state">Wait State</a>
 */
public record WaitState(
        String name,
        DataFlow dataFlow,
        Long seconds,
        ReferencePath secondsPath,
        Instant timestamp,
        ReferencePath timestampPath,
        String next)
        implements State {}
