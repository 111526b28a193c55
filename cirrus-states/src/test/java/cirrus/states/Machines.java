package cirrus.states;

import com.fasterxml.jackson.databind.JsonNode;

import cirrus.states.json.Json;
import cirrus.states.model.StateMachine;
import cirrus.states.model.StateMachineReader;

/** Test helper: definitions from JSON text (single quotes allowed for readability). */
public final class Machines {
    private Machines() {}

    /** Parses JSON written with single quotes. */
    public static JsonNode json(String text) {
        try {
            return Json.parse(text.replace('\'', '"'));
        } catch (Exception e) {
            throw new IllegalArgumentException(e);
        }
    }

    /** Reads a valid definition. */
    public static StateMachine machine(String text) {
        try {
            return StateMachineReader.read(json(text));
        } catch (Exception e) {
            throw new IllegalArgumentException(e);
        }
    }
}
