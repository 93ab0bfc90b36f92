package dialtone.agent.e911;

import java.util.HashMap;
import java.util.Map;

/** Fictional addresses for the 911 tests. */
final class Addresses {
    private Addresses() {}

    /** A single-storey dental office, as an installer types it. */
    static Map<String, Object> springfield() {
        Map<String, Object> fields = new HashMap<>();
        fields.put("houseNumber", "1234");
        fields.put("prefixDirectional", "North");
        fields.put("streetName", "Main");
        fields.put("streetSuffix", "Street");
        fields.put("city", "Springfield");
        fields.put("county", "Sangamon");
        fields.put("state", "IL");
        fields.put("zip", "62701");
        fields.put("callbackNumber", "(217) 555-0123");
        return fields;
    }

    static Location springfield(String field, Object value) {
        Map<String, Object> fields = springfield();
        fields.put(field, value);
        return Location.of(fields);
    }
}
