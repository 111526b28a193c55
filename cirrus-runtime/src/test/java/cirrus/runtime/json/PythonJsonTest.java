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
    void strPrintsScalarsLikePython() {
        assertThat(PythonJson.str(Json.parse("17"))).isEqualTo("17");
        assertThat(PythonJson.str(Json.parse("\"H\""))).isEqualTo("H");
        assertThat(PythonJson.str(Json.parse("true"))).isEqualTo("True");
        assertThat(PythonJson.str(Json.parse("20.61"))).isEqualTo("20.61");
        assertThat(PythonJson.str(Json.parse("10.0"))).isEqualTo("10.0");
    }
}
