package cirrus.aws.moto;

import java.util.Optional;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;

/**
 * Runs a test class against the shared {@link MotoServer}: resolves {@code MotoServer} parameters
 * and resets moto before each test. Without moto the class is skipped with the reason, except under
 * {@code CI=true}, where it fails.
 */
public final class MotoExtension
        implements BeforeAllCallback, BeforeEachCallback, ParameterResolver {
    private static volatile boolean warned;

    @Override
    public void beforeAll(ExtensionContext context) {
        Optional<String> reason = MotoServer.unavailableReason();
        if (reason.isPresent()) {
            if ("true".equalsIgnoreCase(System.getenv("CI"))) {
                throw new IllegalStateException("CI=true but moto is unavailable: " + reason.get());
            }
            if (!warned) {
                warned = true;
                System.err.println("[moto] skipping the AWS tests: " + reason.get());
            }
            Assumptions.abort("skipping AWS tests: " + reason.get());
        }
        MotoServer.shared();
    }

    @Override
    public void beforeEach(ExtensionContext context) {
        MotoServer.shared().reset();
    }

    @Override
    public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
        return parameter.getParameter().getType() == MotoServer.class;
    }

    @Override
    public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
        return MotoServer.shared();
    }
}
