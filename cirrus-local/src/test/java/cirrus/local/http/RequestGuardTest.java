package cirrus.local.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class RequestGuardTest {
    private final ServerToken token = ServerToken.random();
    private final RequestGuard guard = new RequestGuard("127.0.0.1", token);

    {
        guard.port(8642);
    }

    private static HttpProblem refusal(Runnable r) {
        try {
            r.run();
        } catch (HttpProblem p) {
            return p;
        }
        throw new AssertionError("not refused");
    }

    @Test
    void sameOriginReadsAndTokenCarryingPostsPass() {
        assertThatCode(
                        () ->
                                guard.check(
                                        "GET",
                                        new RequestGuard.Headers(
                                                "127.0.0.1:8642", null, null, null)))
                .doesNotThrowAnyException();
        assertThatCode(
                        () ->
                                guard.check(
                                        "POST",
                                        new RequestGuard.Headers(
                                                "localhost:8642",
                                                "http://localhost:8642",
                                                "same-origin",
                                                token.value())))
                .doesNotThrowAnyException();
        assertThatCode(
                        () ->
                                guard.check(
                                        "GET",
                                        new RequestGuard.Headers("[::1]:8642", null, null, null)))
                .doesNotThrowAnyException();
    }

    @Test
    void aReboundHostNameIsRefused() {
        HttpProblem p =
                refusal(
                        () ->
                                guard.check(
                                        "GET",
                                        new RequestGuard.Headers(
                                                "attacker.example:8642", null, null, null)));
        assertThat(p.status()).isEqualTo(403);
        assertThat(p.code()).isEqualTo("ForbiddenHost");
    }

    @Test
    void otherOriginsAreRefusedEvenWithTheToken() {
        for (String origin :
                new String[] {
                    "http://attacker.example",
                    "http://127.0.0.1:3000",
                    "https://127.0.0.1:8642",
                    "null",
                    "http://127.0.0.1.attacker.example:8642"
                }) {
            HttpProblem p =
                    refusal(
                            () ->
                                    guard.check(
                                            "POST",
                                            new RequestGuard.Headers(
                                                    "127.0.0.1:8642",
                                                    origin,
                                                    null,
                                                    token.value())));
            assertThat(p.code()).as(origin).isEqualTo("CrossOrigin");
        }
        assertThat(
                        refusal(
                                        () ->
                                                guard.check(
                                                        "POST",
                                                        new RequestGuard.Headers(
                                                                "127.0.0.1:8642",
                                                                null,
                                                                "cross-site",
                                                                token.value())))
                                .code())
                .isEqualTo("CrossOrigin");
    }

    @Test
    void aPostWithoutTheRightTokenIsRefused() {
        for (String presented : new String[] {null, "", "wrong", token.value() + "x"}) {
            HttpProblem p =
                    refusal(
                            () ->
                                    guard.check(
                                            "POST",
                                            new RequestGuard.Headers(
                                                    "127.0.0.1:8642", null, null, presented)));
            assertThat(p.code()).isEqualTo("MissingToken");
        }
    }

    @Test
    void onlyGetHeadAndPostAreAllowed() {
        for (String method : new String[] {"PUT", "DELETE", "OPTIONS", "TRACE", "PATCH"}) {
            HttpProblem p =
                    refusal(
                            () ->
                                    guard.check(
                                            method,
                                            new RequestGuard.Headers(
                                                    "127.0.0.1:8642", null, null, token.value())));
            assertThat(p.status()).isEqualTo(405);
        }
    }

    @Test
    void aNonLoopbackHostNeedsToBeAcknowledged() {
        assertThatThrownBy(() -> ServerSettings.loopback(0).withHost("0.0.0.0", false))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("--allow-remote");
        assertThat(ServerSettings.loopback(0).withHost("localhost", false).host())
                .isEqualTo("localhost");
        assertThat(ServerSettings.loopback(0).withHost("0.0.0.0", true).remoteAcknowledged())
                .isTrue();
    }
}
