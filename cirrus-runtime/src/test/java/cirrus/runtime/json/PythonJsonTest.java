package cirrus.runtime.json;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

import cirrus.runtime.Fixtures;

class PythonJsonTest {
    @Test
    void writesLikePythonJsonDumps() {
        // python3 -c 'import json; print(json.dumps({"a": [1, 2.5, 1e-05, 1e16, 123456789.123,
        //   "é\u2028\"\\"], "b": None, "c": True}))'
        String text =
                "{\"a\": [1, 2.5, 0.00001, 1E16, 123456789.123, \"é\u2028\\\"\\\\\"], \"b\": null, \"c\": true}";
        assertThat(PythonJson.dumps(Json.parse(text)))
                .isEqualTo(
                        "{\"a\": [1, 2.5, 1e-05, 1e+16, 123456789.123, \"\\u00e9\\u2028\\\"\\\\\"],"
                                + " \"b\": null, \"c\": true}");
    }

    @Test
    void theUpstreamTestPayloadHasPythonsLength() {
        // python3: len(json.dumps(json.load(open("test-payload.json")))) == 10425
        assertThat(PythonJson.dumps(Fixtures.testPayload())).hasSize(10425);
    }

    @Test
    void floatsArePrintedLikePythonRepr() {
        // python3: [repr(float(v)) for v in VALUES]
        String[] values = {
            "0.0001",
            "1e-05",
            "123456.789",
            "1e16",
            "1.5e300",
            "10.0",
            "0.1",
            "1e22",
            "12345678.9",
            "-78.85549714480591",
            "2.5e-7",
            "9999999.0",
            "1e7"
        };
        String[] python = {
            "0.0001",
            "1e-05",
            "123456.789",
            "1e+16",
            "1.5e+300",
            "10.0",
            "0.1",
            "1e+22",
            "12345678.9",
            "-78.85549714480591",
            "2.5e-07",
            "9999999.0",
            "10000000.0"
        };
        for (int i = 0; i < values.length; i++) {
            assertThat(PythonJson.dumps(Json.parse(values[i]))).as(values[i]).isEqualTo(python[i]);
        }
    }

    @Test
    void strPrintsScalarsLikePython() {
        assertThat(PythonJson.str(Json.parse("17"))).isEqualTo("17");
        assertThat(PythonJson.str(Json.parse("\"H\""))).isEqualTo("H");
        assertThat(PythonJson.str(Json.parse("true"))).isEqualTo("True");
        assertThat(PythonJson.str(Json.parse("20.61"))).isEqualTo("20.61");
        assertThat(PythonJson.str(Json.parse("10.0"))).isEqualTo("10.0");
    }
}
