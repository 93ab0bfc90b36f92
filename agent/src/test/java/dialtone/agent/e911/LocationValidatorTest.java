package dialtone.agent.e911;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class LocationValidatorTest {

    @Test
    void aGoodAddressIsPutInTheFormDispatchDatabasesCompare() {
        LocationValidator.Result result = LocationValidator.validate(Location.of(Addresses.springfield()));

        assertThat(result.problems()).isEmpty();
        Location l = result.location();
        assertThat(l.prefixDirectional()).isEqualTo("N");
        assertThat(l.streetName()).isEqualTo("MAIN");
        assertThat(l.streetSuffix()).isEqualTo("ST");
        assertThat(l.city()).isEqualTo("SPRINGFIELD");
        assertThat(l.callbackNumber()).isEqualTo("+12175550123");
        assertThat(l.country()).isEqualTo("US");
        assertThat(l.oneLine()).isEqualTo("1234 N MAIN ST, SPRINGFIELD, IL 62701");
    }

    @ParameterizedTest(name = "{0} = {1}")
    @CsvSource(
            delimiter = '|',
            value = {
                "houseNumberSuffix | 1/2", // 1234 1/2 Main St
                "houseNumberSuffix | A",
                "postDirectional   | SW",
                "streetSuffix      | Blvd.",
                "streetSuffix      | avenue",
                "zip               | 62701-1234",
                "state             | PR", // Puerto Rico: a state code, country US
                "suite             | STE 200",
                "suite             | #200",
                "callbackNumber    | +1 217 555 0123",
                "callbackNumber    | 1-217-555-0123",
                "locationNote      | Reception, east entrance (ring the bell)"
            })
    void goodCornerCases(String field, String value) {
        assertThat(LocationValidator.validate(Addresses.springfield(field, value))
                        .problems())
                .isEmpty();
    }

    @ParameterizedTest(name = "{0} = {1}")
    @CsvSource(
            delimiter = '|',
            value = {
                "houseNumber       | 12B                     | digits only",
                "houseNumber       | 1234567                 | at most 6",
                "houseNumberSuffix | half                    | fraction",
                "prefixDirectional | Northish                | N, S, E, W",
                "streetSuffix      | Strasse                 | USPS street suffix",
                "streetName        | PO Box 77               | PO box",
                "streetName        | P.O. BOX 77             | PO box",
                "suite             | PMB 1022                | PO box",
                "state             | XX                      | state or territory",
                "state             | Illinois                | at most 2",
                "zip               | 6270                    | 5 digits",
                "zip               | 62701-12                | 5 digits",
                "country           | CA                      | must be US",
                "city              | ''                      | required",
                "callbackNumber    | 911                     | North American",
                "callbackNumber    | +44 20 7946 0000        | North American",
                "callbackNumber    | ''                      | required",
                "streetName        | Mäin                    | printable ASCII"
            })
    void badFieldsAreNamed(String field, String value, String message) {
        Map<String, String> problems =
                LocationValidator.validate(Addresses.springfield(field, value)).problems();

        assertThat(problems).containsOnlyKeys(field);
        assertThat(problems.get(field)).contains(message);
    }

    @Test
    void everyProblemIsReportedAtOnce() {
        Map<String, Object> fields = Addresses.springfield();
        fields.put("houseNumber", "");
        fields.put("zip", "abc");
        fields.put("state", "ZZ");
        fields.put("locationNote", "x".repeat(300));
        fields.put("building", "B\u0007");

        assertThat(LocationValidator.validate(Location.of(fields)).problems())
                .containsOnlyKeys("houseNumber", "zip", "state", "locationNote", "building");
    }

    @Test
    void aMultiStoreySiteNeedsAFloorSuiteBuildingOrRoom() {
        Map<String, Object> fields = Addresses.springfield();
        fields.put("multiStorey", true);
        assertThat(LocationValidator.validate(Location.of(fields)).problems()).containsOnlyKeys("floor");

        fields.put("floor", "2");
        assertThat(LocationValidator.validate(Location.of(fields)).problems()).isEmpty();
    }

    @Test
    void aNoteWithMarkupIsKeptAsTextForEveryOutputToEscape() {
        Location l = LocationValidator.validate(Addresses.springfield("locationNote", "<script>alert(1)</script>"))
                .location();
        assertThat(l.locationNote()).isEqualTo("<script>alert(1)</script>");
    }
}
