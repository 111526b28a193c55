package cirrus.local.http;

/** Answers the requests under one path prefix of a {@link WebServer}. */
@FunctionalInterface
public interface WebRoute {
    /**
     * The reply to a request that passed the {@link RequestGuard}.
     *
     * @throws HttpProblem for a request it refuses (becomes a JSON error)
     */
    WebReply handle(WebRequest request);
}
