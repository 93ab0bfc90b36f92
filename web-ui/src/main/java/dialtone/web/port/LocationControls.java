package dialtone.web.port;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/** The site's registered 911 location, as the installer sees and sets it. */
public interface LocationControls {

    /** The location object's fields that hold text; {@code multiStorey} is the one boolean. */
    Set<String> TEXT_FIELDS = Set.of(
            "houseNumber",
            "houseNumberSuffix",
            "prefixDirectional",
            "streetName",
            "streetSuffix",
            "postDirectional",
            "building",
            "floor",
            "suite",
            "room",
            "city",
            "county",
            "state",
            "zip",
            "country",
            "locationNote",
            "callbackNumber");

    /** Unknown fields and wrong types, field by field (the address rules come after, in the agent). */
    static Map<String, String> shapeProblems(Map<String, Object> fields) {
        Map<String, String> errors = new LinkedHashMap<>();
        fields.forEach((name, value) -> {
            if (name.equals("multiStorey")) {
                if (!(value instanceof Boolean)) {
                    errors.put(name, "must be true or false");
                }
            } else if (!TEXT_FIELDS.contains(name)) {
                errors.put(name, "unknown field");
            } else if (value != null && !(value instanceof String)) {
                errors.put(name, "must be a string");
            }
        });
        return errors;
    }

    LocationReport location();

    /** Registers {@code fields} (the API's location object); the problems, field by field, when refused. */
    Outcome register(Map<String, Object> fields, String by);

    /** Someone on site confirms the location (or the change proposed from afar). */
    Outcome confirm(String by);

    /** @param problems empty when done; else nothing changed */
    record Outcome(LocationReport report, Map<String, String> problems) {}

    /**
     * @param status {@code registered}, {@code unverified} (the box may have moved: confirm it) or
     *     {@code missing}
     * @param location the registered fields in canonical form, or null
     * @param proposed a change staged remotely, waiting for confirmation on site, or null
     * @param pidfLo the location as the provider's PIDF-LO document, or null
     */
    record LocationReport(
            String status,
            Map<String, Object> location,
            String oneLine,
            Integer version,
            String changedAt,
            String changedBy,
            String confirmedAt,
            String unverifiedReason,
            Map<String, Object> proposed,
            String pidfLo) {}
}
