package dialtone.agent.config;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Pattern;

/**
 * Parses the bootstrap configuration file: UTF-8, one {@code key = value} per line, {@code #}
 * starts a comment line, blank lines are ignored. The value is everything after the first
 * {@code =}, trimmed (so a password may contain {@code #} or {@code =}); an empty value means "use
 * the default". Keys are dotted lowercase paths; a key given twice is an error, not a silent win.
 */
public final class ConfigFile {
    public static final int MAX_BYTES = 256 * 1024;
    private static final Pattern KEY = Pattern.compile("[a-z0-9]+(?:[.-][a-z0-9]+)*");

    /** The values found and the problems, keyed {@code file:line}. */
    public record Parsed(Map<String, String> values, Map<String, String> problems) {}

    private ConfigFile() {}

    public static Parsed parse(String name, byte[] content) {
        Map<String, String> problems = new TreeMap<>();
        if (content.length > MAX_BYTES) {
            problems.put(name, "larger than " + MAX_BYTES + " bytes; is this the right file?");
            return new Parsed(Map.of(), problems);
        }
        String text;
        try {
            text = decode(content);
        } catch (CharacterCodingException e) {
            problems.put(name, "not valid UTF-8 text");
            return new Parsed(Map.of(), problems);
        }
        Map<String, String> values = new LinkedHashMap<>();
        Map<String, Integer> lineOf = new HashMap<>();
        String[] lines = text.split("\r?\n", -1);
        for (int i = 0; i < lines.length; i++) {
            String line = lines[i].strip();
            if (line.isEmpty() || line.startsWith("#")) {
                continue;
            }
            String where = name + ":" + (i + 1);
            int equals = line.indexOf('=');
            if (equals < 0) {
                problems.put(where, "expected 'key = value'");
                continue;
            }
            String key = line.substring(0, equals).strip();
            if (!KEY.matcher(key).matches()) {
                problems.put(where, "'" + printable(key) + "' is not a key (lowercase words joined by . or -)");
                continue;
            }
            Integer first = lineOf.putIfAbsent(key, i + 1);
            if (first != null) {
                problems.put(where, key + " is already set on line " + first);
                continue;
            }
            values.put(key, line.substring(equals + 1).strip());
        }
        return new Parsed(values, problems);
    }

    private static String decode(byte[] content) throws CharacterCodingException {
        String text = StandardCharsets.UTF_8
                .newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT)
                .decode(ByteBuffer.wrap(content))
                .toString();
        return text.startsWith("\uFEFF") ? text.substring(1) : text;
    }

    private static String printable(String text) {
        String shown = text.codePoints()
                .map(c -> Character.isISOControl(c) ? '?' : c)
                .collect(StringBuilder::new, StringBuilder::appendCodePoint, StringBuilder::append)
                .toString();
        return shown.length() > 40 ? shown.substring(0, 40) + "..." : shown;
    }
}
