package cirrus.runtime.json;

import java.io.IOException;
import java.math.BigDecimal;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.util.JsonGeneratorDecorator;
import com.fasterxml.jackson.core.util.JsonGeneratorDelegate;

/**
 * Makes a Jackson generator write non-integral numbers as Python's {@code json} does ({@link
 * PythonFloat#repr}) instead of Java's {@code 1.5E10} or a stripped {@code BigDecimal}'s {@code
 * 3E+1}. Integers are left alone: Jackson writes them exactly, as Python does.
 */
final class PythonNumbers extends JsonGeneratorDelegate {
    /** Wraps every generator of a factory. */
    static final JsonGeneratorDecorator DECORATOR =
            (factory, generator) -> new PythonNumbers(generator);

    private PythonNumbers(JsonGenerator d) {
        super(d, false);
    }

    @Override
    public void writeNumber(double v) throws IOException {
        delegate.writeNumber(PythonFloat.repr(v));
    }

    @Override
    public void writeNumber(float v) throws IOException {
        delegate.writeNumber(PythonFloat.repr(v));
    }

    @Override
    public void writeNumber(BigDecimal v) throws IOException {
        delegate.writeNumber(PythonFloat.repr(v.doubleValue()));
    }
}
