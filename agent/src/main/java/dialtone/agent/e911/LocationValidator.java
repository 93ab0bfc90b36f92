package dialtone.agent.e911;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.UnaryOperator;
import java.util.regex.Pattern;

/**
 * Checks a US dispatchable location and puts it in the canonical form 911 databases compare
 * (upper case, USPS abbreviations), returning every problem at once, field by field. Rules from
 * NENA's field domains and the providers' constraints (research/anchors-e911.md §7.2): a state or
 * territory code, a 5 or 9 digit ZIP, a numeric house number (letters and fractions go in the
 * suffix), no PO box or mailbox anywhere, a floor, suite, building or room on a multi-storey site,
 * a North American callback number, printable ASCII within the LLDP and NENA lengths. Never a
 * guess: what cannot be read is refused, not "fixed".
 */
public final class LocationValidator {

    public record Result(Location location, Map<String, String> problems) {
        public boolean valid() {
            return problems.isEmpty();
        }
    }

    static final Set<String> STATES = Set.of(
            "AL", "AK", "AZ", "AR", "CA", "CO", "CT", "DE", "DC", "FL", "GA", "HI", "ID", "IL", "IN", "IA", "KS", "KY",
            "LA", "ME", "MD", "MA", "MI", "MN", "MS", "MO", "MT", "NE", "NV", "NH", "NJ", "NM", "NY", "NC", "ND", "OH",
            "OK", "OR", "PA", "RI", "SC", "SD", "TN", "TX", "UT", "VT", "VA", "WA", "WV", "WI", "WY", "PR", "GU", "VI",
            "AS", "MP");

    private static final Map<String, String> DIRECTIONS = Map.ofEntries(
            Map.entry("NORTH", "N"),
            Map.entry("SOUTH", "S"),
            Map.entry("EAST", "E"),
            Map.entry("WEST", "W"),
            Map.entry("NORTHEAST", "NE"),
            Map.entry("NORTHWEST", "NW"),
            Map.entry("SOUTHEAST", "SE"),
            Map.entry("SOUTHWEST", "SW"));

    private static final Pattern HOUSE_NUMBER = Pattern.compile("[0-9]{1,6}");
    private static final Pattern HOUSE_SUFFIX = Pattern.compile("[A-Z](-?[0-9]{1,3})?|1/2|1/4|3/4|1/3|2/3");
    private static final Pattern ZIP = Pattern.compile("[0-9]{5}(-[0-9]{4})?");
    private static final Pattern MAILBOX =
            Pattern.compile("\\b(P\\.?\\s*O\\.?\\s*BOX|POST\\s+OFFICE\\s+BOX|POB|PMB|BOX\\s+[0-9]+)\\b");
    private static final Pattern NANP = Pattern.compile("\\+1[2-9][0-9]{2}[2-9][0-9]{6}");
    private static final Pattern PRINTABLE = Pattern.compile("[\\x20-\\x7E]*");

    private LocationValidator() {}

    public static Result validate(Location in) {
        Fields f = new Fields();
        String houseNumber = f.text("houseNumber", in.houseNumber(), 6, true);
        if (!houseNumber.isEmpty() && !HOUSE_NUMBER.matcher(houseNumber).matches()) {
            f.problem("houseNumber", "must be digits only (letters and fractions go in houseNumberSuffix)");
        }
        String houseSuffix = f.text("houseNumberSuffix", in.houseNumberSuffix(), 8, false);
        if (!houseSuffix.isEmpty() && !HOUSE_SUFFIX.matcher(houseSuffix).matches()) {
            f.problem("houseNumberSuffix", "must be a letter or a fraction such as 1/2");
        }
        String prefix = f.direction("prefixDirectional", in.prefixDirectional());
        String street = f.text("streetName", in.streetName(), 100, true);
        String suffix = f.text("streetSuffix", in.streetSuffix(), 20, false);
        if (!suffix.isEmpty()) {
            String usps = StreetSuffixes.abbreviation(suffix);
            if (usps == null) {
                f.problem("streetSuffix", "is not a USPS street suffix (e.g. ST, AVE, BLVD)");
            } else {
                suffix = usps;
            }
        }
        String post = f.direction("postDirectional", in.postDirectional());
        String building = f.text("building", in.building(), 75, false);
        String floor = f.text("floor", in.floor(), 75, false);
        String suite = f.text("suite", in.suite(), 75, false);
        String room = f.text("room", in.room(), 75, false);
        String city = f.text("city", in.city(), 100, true);
        String county = f.text("county", in.county(), 100, false);
        String state = f.text("state", in.state(), 2, true);
        if (!state.isEmpty() && !STATES.contains(state)) {
            f.problem("state", "must be a two-letter US state or territory code");
        }
        String zip = f.text("zip", in.zip(), 10, true);
        if (!zip.isEmpty() && !ZIP.matcher(zip).matches()) {
            f.problem("zip", "must be 5 digits, or ZIP+4 as 12345-6789");
        }
        String country = f.text("country", in.country().isEmpty() ? "US" : in.country(), 2, true);
        if (!country.equals("US")) {
            f.problem("country", "must be US (territories such as PR go in state)");
        }
        String note = f.free("locationNote", in.locationNote(), 225);
        String callback = callback(f, in.callbackNumber());
        if (in.multiStorey() && building.isEmpty() && floor.isEmpty() && suite.isEmpty() && room.isEmpty()) {
            f.problem("floor", "a multi-storey or multi-tenant site needs a floor, suite, building or room");
        }
        for (var field : Map.of("streetName", street, "building", building, "suite", suite, "room", room)
                .entrySet()) {
            if (MAILBOX.matcher(field.getValue()).find()) {
                f.problem(field.getKey(), "a PO box or mailbox is not a place: 911 needs where the phones are");
            }
        }
        Location out = new Location(
                houseNumber,
                houseSuffix,
                prefix,
                street,
                suffix,
                post,
                building,
                floor,
                suite,
                room,
                city,
                county,
                state,
                zip,
                country,
                note,
                callback,
                in.multiStorey());
        return new Result(out, f.problems);
    }

    private static String callback(Fields f, String raw) {
        String digits = raw.replaceAll("[\\s().-]", "");
        if (digits.isEmpty()) {
            f.problem("callbackNumber", "required: the number a 911 call taker calls back");
            return "";
        }
        if (digits.matches("[0-9]{10}")) {
            digits = "+1" + digits;
        } else if (digits.matches("1[0-9]{10}")) {
            digits = "+" + digits;
        }
        if (!NANP.matcher(digits).matches()) {
            f.problem("callbackNumber", "must be a North American number such as +1 217 555 0123");
            return raw.strip();
        }
        return digits;
    }

    /** Collects problems; the first one per field is kept. */
    private static final class Fields {
        final Map<String, String> problems = new LinkedHashMap<>();

        void problem(String field, String message) {
            problems.putIfAbsent(field, message);
        }

        /** Trimmed, inner spaces collapsed, upper case (MSAG style); length and character checks. */
        String text(String field, String value, int max, boolean required) {
            return checked(field, value, max, required, v -> v.toUpperCase(Locale.ROOT));
        }

        /** Free text (the note): case kept. */
        String free(String field, String value, int max) {
            return checked(field, value, max, false, UnaryOperator.identity());
        }

        String direction(String field, String value) {
            String d = text(field, value, 9, false);
            d = DIRECTIONS.getOrDefault(d, d);
            if (!d.isEmpty() && !DIRECTIONS.containsValue(d)) {
                problem(field, "must be N, S, E, W, NE, NW, SE or SW");
            }
            return d;
        }

        private String checked(String field, String value, int max, boolean required, UnaryOperator<String> form) {
            String v = value.strip().replaceAll("\\s+", " ");
            if (!PRINTABLE.matcher(v).matches()) {
                problem(field, "must be printable ASCII (no control characters or accents)");
                return "";
            }
            if (v.length() > max) {
                problem(field, "must be at most " + max + " characters");
                return v.substring(0, max);
            }
            if (required && v.isEmpty()) {
                problem(field, "required");
            }
            return form.apply(v);
        }
    }
}
