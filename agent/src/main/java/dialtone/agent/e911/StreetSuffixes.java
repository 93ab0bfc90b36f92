package dialtone.agent.e911;

import java.util.HashMap;
import java.util.Locale;
import java.util.Map;

/**
 * USPS Publication 28 street suffixes (Appendix C1): the standard abbreviation for each, found from
 * the abbreviation itself or the full word. The common ones; an installer with a rare suffix can
 * write it into the street name.
 */
final class StreetSuffixes {
    private static final Map<String, String> BY_NAME = new HashMap<>();

    static {
        String[] pairs = {
            "ALLEY ALY",
            "ANNEX ANX",
            "ARCADE ARC",
            "AVENUE AVE",
            "BAYOU BYU",
            "BEACH BCH",
            "BEND BND",
            "BLUFF BLF",
            "BOULEVARD BLVD",
            "BRANCH BR",
            "BRIDGE BRG",
            "BROOK BRK",
            "BYPASS BYP",
            "CAMP CP",
            "CANYON CYN",
            "CAPE CPE",
            "CAUSEWAY CSWY",
            "CENTER CTR",
            "CIRCLE CIR",
            "CLIFF CLF",
            "CLUB CLB",
            "COMMON CMN",
            "CORNER COR",
            "COURSE CRSE",
            "COURT CT",
            "COVE CV",
            "CREEK CRK",
            "CRESCENT CRES",
            "CROSSING XING",
            "DALE DL",
            "DAM DM",
            "DIVIDE DV",
            "DRIVE DR",
            "ESTATE EST",
            "EXPRESSWAY EXPY",
            "EXTENSION EXT",
            "FALLS FLS",
            "FERRY FRY",
            "FIELD FLD",
            "FLAT FLT",
            "FORD FRD",
            "FOREST FRST",
            "FORGE FRG",
            "FORK FRK",
            "FORT FT",
            "FREEWAY FWY",
            "GARDEN GDN",
            "GATEWAY GTWY",
            "GLEN GLN",
            "GREEN GRN",
            "GROVE GRV",
            "HARBOR HBR",
            "HAVEN HVN",
            "HEIGHTS HTS",
            "HIGHWAY HWY",
            "HILL HL",
            "HOLLOW HOLW",
            "INLET INLT",
            "ISLAND IS",
            "JUNCTION JCT",
            "KEY KY",
            "KNOLL KNL",
            "LAKE LK",
            "LANDING LNDG",
            "LANE LN",
            "LIGHT LGT",
            "LOOP LOOP",
            "MALL MALL",
            "MANOR MNR",
            "MEADOW MDW",
            "MEWS MEWS",
            "MILL ML",
            "MISSION MSN",
            "MOTORWAY MTWY",
            "MOUNT MT",
            "MOUNTAIN MTN",
            "NECK NCK",
            "ORCHARD ORCH",
            "OVAL OVAL",
            "OVERPASS OPAS",
            "PARK PARK",
            "PARKWAY PKWY",
            "PASS PASS",
            "PASSAGE PSGE",
            "PATH PATH",
            "PIKE PIKE",
            "PINE PNE",
            "PLACE PL",
            "PLAIN PLN",
            "PLAZA PLZ",
            "POINT PT",
            "PORT PRT",
            "PRAIRIE PR",
            "RADIAL RADL",
            "RANCH RNCH",
            "RAPID RPD",
            "REST RST",
            "RIDGE RDG",
            "RIVER RIV",
            "ROAD RD",
            "ROUTE RTE",
            "ROW ROW",
            "RUE RUE",
            "RUN RUN",
            "SHOAL SHL",
            "SHORE SHR",
            "SKYWAY SKWY",
            "SPRING SPG",
            "SPUR SPUR",
            "SQUARE SQ",
            "STATION STA",
            "STRAVENUE STRA",
            "STREAM STRM",
            "STREET ST",
            "SUMMIT SMT",
            "TERRACE TER",
            "THROUGHWAY TRWY",
            "TRACE TRCE",
            "TRACK TRAK",
            "TRAFFICWAY TRFY",
            "TRAIL TRL",
            "TRAILER TRLR",
            "TUNNEL TUNL",
            "TURNPIKE TPKE",
            "UNDERPASS UPAS",
            "UNION UN",
            "VALLEY VLY",
            "VIADUCT VIA",
            "VIEW VW",
            "VILLAGE VLG",
            "VILLE VL",
            "VISTA VIS",
            "WALK WALK",
            "WALL WALL",
            "WAY WAY",
            "WELL WL",
            "WELLS WLS"
        };
        for (String pair : pairs) {
            String[] p = pair.split(" ");
            BY_NAME.put(p[0], p[1]);
            BY_NAME.put(p[1], p[1]);
        }
        BY_NAME.put("AV", "AVE");
        BY_NAME.put("STR", "ST");
        BY_NAME.put("BLV", "BLVD");
    }

    private StreetSuffixes() {}

    /** The USPS abbreviation for {@code suffix} (a word or an abbreviation, any case, a dot allowed), or null. */
    static String abbreviation(String suffix) {
        return BY_NAME.get(suffix.toUpperCase(Locale.ROOT).replace(".", "").strip());
    }
}
