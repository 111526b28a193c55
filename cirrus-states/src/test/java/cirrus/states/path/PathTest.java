package cirrus.states.path;

import static cirrus.states.Machines.json;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;

import cirrus.states.StatesFailure;
import cirrus.states.json.Json;

/** Paths, reference paths and intrinsic parsing beyond what the conformance corpus shows. */
class PathTest {
    private static JsonNode find(String path, String input) throws PathSyntaxException {
        return Path.parse(path).find(json(input), Json::object);
    }

    @Test
    void definitePathsReturnNullWhenNothingMatches() throws Exception {
        assertThat(find("$.a.b", "{'a':{}}")).isNull();
        assertThat(find("$.a[3]", "{'a':[1]}")).isNull();
        assertThat(find("$.a.b", "{'a':5}")).isNull();
    }

    @Test
    void syntaxErrorsSayWhereAndWhy() {
        assertThatThrownBy(() -> Path.parse("a.b")).hasMessageContaining("must start with '$'");
        assertThatThrownBy(() -> Path.parse("$.a[")).hasMessageContaining("unclosed '['");
        assertThatThrownBy(() -> Path.parse("$.a.length()")).hasMessageContaining("functions");
        assertThatThrownBy(() -> Path.parse("$..")).hasMessageContaining("empty field name");
        assertThatThrownBy(() -> Path.parse("$.a[1:2:0]"))
                .hasMessageContaining("step cannot be zero");
        assertThatThrownBy(() -> Path.parse("$[?(@.a =~ 'x')]")).hasMessageContaining("regex");
    }

    @Test
    void referencePathsRefuseAmbiguity() {
        for (String bad :
                new String[] {"$.a[*]", "$..a", "$.a[0,1]", "$.a[1:]", "$.a[?(@.b)]", "$.a[-1]"}) {
            assertThatThrownBy(() -> ReferencePath.parse(bad))
                    .as(bad)
                    .isInstanceOf(PathSyntaxException.class);
        }
    }

    @Test
    void setCopiesOnlyTheSpineAndLeavesTheOriginalAlone() throws Exception {
        JsonNode original = json("{'a':{'b':1,'keep':{'deep':true}},'c':[1]}");
        JsonNode copy = ReferencePath.parse("$.a.b").set(original, json("2"));
        assertThat(original.at("/a/b").intValue()).isEqualTo(1);
        assertThat(copy).isEqualTo(json("{'a':{'b':2,'keep':{'deep':true}},'c':[1]}"));
        assertThat(copy.at("/a/keep")).isSameAs(original.at("/a/keep"));
        assertThat(copy.get("c")).isSameAs(original.get("c"));
    }

    @Test
    void setRefusesToWalkThroughNonObjects() throws Exception {
        ReferencePath path = ReferencePath.parse("$.a.b");
        assertThatThrownBy(() -> path.set(json("{'a':[1]}"), json("1")))
                .isInstanceOf(StatesFailure.class)
                .satisfies(
                        e ->
                                assertThat(((StatesFailure) e).error().error())
                                        .isEqualTo("States.ResultPathMatchFailure"));
    }

    @Test
    void intrinsicArgumentsMayContainCommasAndParenthesesInsidePaths() throws Exception {
        IntrinsicCall call =
                IntrinsicCall.parse("States.Array($['a,b'], $.list[?(@.x == 'y)')].x, 'a(b)')");
        assertThat(call.arguments()).hasSize(3);
        EvalContext context =
                new EvalContext(
                        json("{'a,b':1,'list':[{'x':'y)'}]}"),
                        Json::object,
                        new java.util.Random(1));
        assertThat(IntrinsicFunctions.evaluate(call, context)).isEqualTo(json("[1,['y)'],'a(b)']"));
    }

    @Test
    void intrinsicNestingIsLimitedToTen() {
        String ten = "States.Array(".repeat(10) + ")".repeat(10);
        String eleven = "States.Array(".repeat(11) + ")".repeat(11);
        assertThat(catchParse(ten)).isNull();
        assertThat(catchParse(eleven)).contains("nest at most 10");
    }

    private static String catchParse(String text) {
        try {
            IntrinsicCall.parse(text);
            return null;
        } catch (PathSyntaxException e) {
            return e.getMessage();
        }
    }
}
