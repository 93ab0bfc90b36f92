package dialtone.agent.e911;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.SequencedMap;

/**
 * The site's one registered dispatchable location: a US civic address (RFC 5139 elements, named
 * as the API and MQTT name them), the sub-location that finds the caller inside the building, and
 * the callback number. Empty strings, never nulls, for what is not given.
 *
 * @param multiStorey the site has several floors, tenants or buildings: then a floor, suite,
 *     building or room is required (RAY BAUM's Act "dispatchable location")
 */
public record Location(
        String houseNumber,
        String houseNumberSuffix,
        String prefixDirectional,
        String streetName,
        String streetSuffix,
        String postDirectional,
        String building,
        String floor,
        String suite,
        String room,
        String city,
        String county,
        String state,
        String zip,
        String country,
        String locationNote,
        String callbackNumber,
        boolean multiStorey) {

    /** The fields in API order, for field errors, audits and the JSON document. */
    public Map<String, Object> fields() {
        Map<String, Object> fields = new LinkedHashMap<>();
        fields.put("houseNumber", houseNumber);
        fields.put("houseNumberSuffix", houseNumberSuffix);
        fields.put("prefixDirectional", prefixDirectional);
        fields.put("streetName", streetName);
        fields.put("streetSuffix", streetSuffix);
        fields.put("postDirectional", postDirectional);
        fields.put("building", building);
        fields.put("floor", floor);
        fields.put("suite", suite);
        fields.put("room", room);
        fields.put("city", city);
        fields.put("county", county);
        fields.put("state", state);
        fields.put("zip", zip);
        fields.put("country", country);
        fields.put("locationNote", locationNote);
        fields.put("callbackNumber", callbackNumber);
        fields.put("multiStorey", multiStorey);
        return fields;
    }

    /** From the API's or the database's JSON object; absent text fields are empty. */
    public static Location of(Map<String, ?> fields) {
        return new Location(
                text(fields, "houseNumber"),
                text(fields, "houseNumberSuffix"),
                text(fields, "prefixDirectional"),
                text(fields, "streetName"),
                text(fields, "streetSuffix"),
                text(fields, "postDirectional"),
                text(fields, "building"),
                text(fields, "floor"),
                text(fields, "suite"),
                text(fields, "room"),
                text(fields, "city"),
                text(fields, "county"),
                text(fields, "state"),
                text(fields, "zip"),
                fields.get("country") == null ? "US" : text(fields, "country"),
                text(fields, "locationNote"),
                text(fields, "callbackNumber"),
                Boolean.TRUE.equals(fields.get("multiStorey")));
    }

    private static String text(Map<String, ?> fields, String name) {
        Object value = fields.get(name);
        return value == null ? "" : value.toString();
    }

    /**
     * The civic elements of RFC 5139 in its schema order, empty ones left out: what PIDF-LO and
     * LLDP-MED carry.
     *
     * @param siteName the business at the address (NAM), or ""
     */
    public SequencedMap<String, String> civic(String siteName) {
        SequencedMap<String, String> civic = new LinkedHashMap<>();
        String[][] elements = {
            {"country", country},
            {"A1", state},
            {"A2", county},
            {"A3", city},
            {"PRD", prefixDirectional},
            {"RD", streetName},
            {"STS", streetSuffix},
            {"POD", postDirectional},
            {"HNO", houseNumber},
            {"HNS", houseNumberSuffix},
            {"LOC", locationNote},
            {"FLR", floor},
            {"NAM", siteName},
            {"PC", zip},
            {"BLD", building},
            {"UNIT", suite},
            {"ROOM", room}
        };
        for (String[] element : elements) {
            if (!element[1].isEmpty()) {
                civic.put(element[0], element[1]);
            }
        }
        return civic;
    }

    /** One line for people: "1234 N MAIN ST, SUITE 200, FLOOR 2, SPRINGFIELD, IL 62701". */
    public String oneLine() {
        StringBuilder line = new StringBuilder();
        join(line, " ", houseNumber, houseNumberSuffix, prefixDirectional, streetName, streetSuffix, postDirectional);
        for (String[] part : new String[][] {{"BLDG", building}, {"FLOOR", floor}, {"", suite}, {"ROOM", room}}) {
            if (!part[1].isEmpty()) {
                line.append(", ").append(part[0].isEmpty() ? part[1] : part[0] + " " + part[1]);
            }
        }
        line.append(", ").append(city).append(", ").append(state).append(' ').append(zip);
        return line.toString();
    }

    private static void join(StringBuilder line, String separator, String... parts) {
        for (String part : parts) {
            if (!part.isEmpty()) {
                if (!line.isEmpty()) {
                    line.append(separator);
                }
                line.append(part);
            }
        }
    }
}
