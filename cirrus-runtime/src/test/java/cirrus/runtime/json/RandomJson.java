package cirrus.runtime.json;

import java.util.Random;

/**
 * Random JSON text, one line, biased towards the numbers STAC items and payloads hold and the
 * spellings that trip writers: {@code 30.0}, {@code 4E+5}, {@code 1.5e10}, {@code -0.0}, integers
 * beyond 64 bits, exponents that overflow or underflow a double, random doubles' shortest digits.
 */
final class RandomJson {
    private final Random random;
    private int keys;

    RandomJson(Random random) {
        this.random = random;
    }

    /** A document: an object, an array or (sometimes) a bare scalar. */
    String document() {
        StringBuilder out = new StringBuilder();
        int shape = random.nextInt(10);
        if (shape == 0) {
            number(out);
        } else {
            value(out, 0);
        }
        return out.toString();
    }

    private void value(StringBuilder out, int depth) {
        int kind = depth >= 4 ? 2 + random.nextInt(6) : random.nextInt(8);
        switch (kind) {
            case 0 -> object(out, depth);
            case 1 -> array(out, depth);
            case 2, 3, 4 -> number(out);
            case 5 -> string(out);
            case 6 -> out.append(random.nextBoolean() ? "true" : "false");
            default -> out.append(random.nextInt(4) == 0 ? "null" : "[1.0, 2, 3.25e2]");
        }
    }

    private void object(StringBuilder out, int depth) {
        out.append('{');
        int n = random.nextInt(6);
        for (int i = 0; i < n; i++) {
            if (i > 0) {
                out.append(space()).append(',').append(space());
            }
            out.append("\"k").append(keys++).append(random.nextInt(3) == 0 ? "\\u00e9" : "");
            out.append('"').append(space()).append(':').append(space());
            value(out, depth + 1);
        }
        out.append('}');
    }

    private void array(StringBuilder out, int depth) {
        out.append('[');
        int n = random.nextInt(7);
        for (int i = 0; i < n; i++) {
            if (i > 0) {
                out.append(',').append(space());
            }
            value(out, depth + 1);
        }
        out.append(']');
    }

    private String space() {
        return random.nextInt(4) == 0 ? " " : "";
    }

    private void number(StringBuilder out) {
        switch (random.nextInt(12)) {
            case 0 -> out.append(random.nextInt(2000) - 1000);
            case 1 -> out.append(random.nextLong());
            case 2 -> bigInteger(out);
            case 3 -> out.append(Double.longBitsToDouble(random.nextLong() & 0x7fefffffffffffffL));
            case 4 -> out.append(random.nextDouble() * Math.pow(10, random.nextInt(40) - 20));
            case 5 -> {
                // whole floats as tasks write them: 30.0, 400000.0, -2.0
                out.append(random.nextInt(1_000_001) - 500_000).append(".0");
            }
            case 6 -> exponent(out);
            case 7 ->
                    out.append(
                            new String[] {
                                        "-0.0",
                                        "0.0",
                                        "-0",
                                        "0",
                                        "0e0",
                                        "-0E-5",
                                        "1e400",
                                        "-1e400",
                                        "1e-400",
                                        "4.9e-324",
                                        "1.7976931348623157e308",
                                        "9007199254740993",
                                        "9007199254740993.0",
                                        "1e16",
                                        "1e15",
                                        "0.0001",
                                        "0.00001",
                                        "123456789012345678",
                                        "2e23",
                                        "8.41e21"
                                    }
                                    [random.nextInt(20)]);
            case 8 -> {
                // fixed-point with many digits, beyond a double's precision
                out.append(random.nextBoolean() ? "-" : "");
                out.append(random.nextInt(10));
                if (out.charAt(out.length() - 1) != '0') {
                    digits(out, random.nextInt(20));
                }
                out.append('.');
                digits(out, 1 + random.nextInt(25));
            }
            case 9 -> out.append((float) random.nextGaussian() * 1000);
            case 10 -> out.append(Math.round(random.nextGaussian() * 1e6) / 1e3);
            default -> out.append(random.nextInt());
        }
    }

    private void bigInteger(StringBuilder out) {
        out.append(random.nextBoolean() ? "-" : "");
        out.append(1 + random.nextInt(9));
        digits(out, 18 + random.nextInt(60));
    }

    private void exponent(StringBuilder out) {
        out.append(random.nextInt(3) == 0 ? "-" : "");
        out.append(random.nextInt(10));
        if (random.nextBoolean()) {
            out.append('.');
            digits(out, 1 + random.nextInt(6));
        }
        out.append(random.nextBoolean() ? 'e' : 'E');
        out.append(new String[] {"", "+", "-"}[random.nextInt(3)]);
        int exp = random.nextInt(5) == 0 ? random.nextInt(330) : random.nextInt(25);
        out.append(exp);
    }

    private void digits(StringBuilder out, int n) {
        for (int i = 0; i < n; i++) {
            out.append((char) ('0' + random.nextInt(10)));
        }
    }

    private void string(StringBuilder out) {
        out.append('"');
        int n = random.nextInt(8);
        for (int i = 0; i < n; i++) {
            int c =
                    switch (random.nextInt(6)) {
                        case 0 -> 0x20 + random.nextInt(0x5f);
                        case 1 -> 0xa0 + random.nextInt(0x700);
                        case 2 -> 0x1f300 + random.nextInt(0x100);
                        case 3 -> "\"\\/\b\f\n\r\t".charAt(random.nextInt(8));
                        case 4 -> random.nextInt(0x20);
                        default -> 'a' + random.nextInt(26);
                    };
            if (c == '"' || c == '\\') {
                out.append('\\').append((char) c);
            } else if (c < 0x20 || c == 0x2028 || c == 0x2029) {
                out.append(String.format("\\u%04x", c));
            } else {
                out.appendCodePoint(c);
            }
        }
        out.append('"');
    }
}
