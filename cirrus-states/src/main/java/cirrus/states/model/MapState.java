package cirrus.states.model;

import cirrus.states.path.PayloadTemplate;
import cirrus.states.path.ReferencePath;

/**
 * {@code "Type": "Map"} (inline): runs {@code ItemProcessor} on every item of the array {@code
 * ItemsPath} selects; the result is the array of iteration outputs in item order.
 *
 * @param processor the {@code ItemProcessor} (or deprecated {@code Iterator})
 * @param itemsPath {@code ItemsPath} (default {@code $})
 * @param itemSelector {@code ItemSelector} (or deprecated {@code Parameters}), or null
 * @param maxConcurrency {@code MaxConcurrency} (0: unlimited), or null when given by path
 * @param maxConcurrencyPath {@code MaxConcurrencyPath}, or null
 * @param toleratedFailurePercentage {@code ToleratedFailurePercentage}, or null
 * @param toleratedFailurePercentagePath its path variant, or null
 * @param toleratedFailureCount {@code ToleratedFailureCount}, or null
 * @param toleratedFailureCountPath its path variant, or null
 * @see <a href="https://states-language.net/spec.html#map-state">Map State</a>
 */
public record MapState(
        String name,
        DataFlow dataFlow,
        StateGraph processor,
        ReferencePath itemsPath,
        PayloadTemplate itemSelector,
        Integer maxConcurrency,
        ReferencePath maxConcurrencyPath,
        Double toleratedFailurePercentage,
        ReferencePath toleratedFailurePercentagePath,
        Integer toleratedFailureCount,
        ReferencePath toleratedFailureCountPath,
        ErrorHandling errorHandling,
        String next)
        implements State {}
