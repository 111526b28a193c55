package cirrus.cli.states;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

import cirrus.states.json.Json;

/** YAML as cirrus definitions write it, converted to JSON with locations. */
class LocatedYamlTest {
    @Test
    void scalarsFollowTheYamlCoreSchema() throws Exception {
        LocatedJson yaml =
                LocatedYaml.parse(
                        "a: True\nb: 12\nc: 2.5\nd: ~\ne: '12'\nf: 0x1F\ng: yes\n", "f.yml");
        assertThat(yaml.tree())
                .isEqualTo(
                        Json.parse(
                                "{\"a\":true,\"b\":12,\"c\":2.5,\"d\":null,\"e\":\"12\",\"f\":31,\"g\":\"yes\"}"));
    }

    @Test
    void cloudFormationShortTagsBecomeLongForms() throws Exception {
        LocatedJson yaml =
                LocatedYaml.parse(
                        "a: !GetAtt publish.Arn\nb: !Ref MyQueue\nc: !Sub '${AWS::Region}'\nd: !Join ['', [x, y]]\n",
                        "f.yml");
        assertThat(yaml.tree())
                .isEqualTo(
                        Json.parse(
                                "{\"a\":{\"Fn::GetAtt\":[\"publish\",\"Arn\"]},\"b\":{\"Ref\":\"MyQueue\"},"
                                        + "\"c\":{\"Fn::Sub\":\"${AWS::Region}\"},\"d\":{\"Fn::Join\":[\"\",[\"x\",\"y\"]]}}"));
    }

    @Test
    void everyMemberHasTheLocationOfItsKey() throws Exception {
        LocatedJson yaml =
                LocatedYaml.parse(
                        "States:\n  A:\n    Next: B\n  list:\n    - one\n    - two\n", "f.yml");
        assertThat(yaml.locations().get("/States/A/Next")).isEqualTo(new Location("f.yml", 3, 5));
        assertThat(yaml.locations().get("/States/list/1")).isEqualTo(new Location("f.yml", 6, 7));
    }

    @Test
    void duplicateKeysAreErrors() {
        assertThatThrownBy(() -> LocatedYaml.parse("a: 1\nb: 2\na: 3\n", "f.yml"))
                .isInstanceOf(DefinitionFileException.class)
                .hasMessageContaining("duplicate key 'a'")
                .satisfies(
                        e ->
                                assertThat(((DefinitionFileException) e).location())
                                        .isEqualTo(new Location("f.yml", 3, 1)));
    }

    @Test
    void jsonLocationsPointAtKeysAndElements() throws Exception {
        LocatedJson json = LocatedJson.parse("{\n  \"a\": [1,\n    {\"b/c\": 2}]\n}", "f.json");
        assertThat(json.locations().get("/a")).isEqualTo(new Location("f.json", 2, 3));
        assertThat(json.locations().get("/a/1/b~1c")).isEqualTo(new Location("f.json", 3, 6));
    }
}
